namespace Platform.GrainInterfaces;

/// <summary>What became of one event of a batch.</summary>
public enum EventStatus
{
    /// <summary>Applied to every grain it touches.</summary>
    Accepted,

    /// <summary>Its id was applied before; nothing changed.</summary>
    Duplicate,

    /// <summary>Not applied (see the reason); nothing changed.</summary>
    Rejected,
}
