namespace Platform.GrainInterfaces;

/// <summary>How a wallet answered a credit, tip or purchase.</summary>
public enum PaymentStatus
{
    /// <summary>Applied now, by this call (201 for tips and purchases).</summary>
    Applied = 0,

    /// <summary>The id was applied before with the same content: answered from its record, nothing charged again.</summary>
    Replayed = 1,

    /// <summary>The id was applied before with other content: nothing changed (409).</summary>
    Conflict = 2,

    /// <summary>The balance does not cover the amount: nothing changed (402).</summary>
    InsufficientBalance = 3,

    /// <summary>The user had already bought the video (under another purchase id): nothing charged again.</summary>
    AlreadyPurchased = 4,
}
