namespace Platform.GrainInterfaces;

/// <summary>What moved money in a wallet.</summary>
public enum PaymentKind
{
    /// <summary>Money came in from a payment provider (an operator route).</summary>
    Credit = 0,

    /// <summary>A user tipped a creator.</summary>
    Tip = 1,

    /// <summary>A user bought a paid video.</summary>
    Purchase = 2,
}
