namespace Platform.GrainInterfaces;

/// <summary>What a registration did.</summary>
public enum RegistrationResult
{
    /// <summary>The video is new and now registered.</summary>
    Created,

    /// <summary>The video was already registered by the same creator; nothing changed.</summary>
    AlreadyRegistered,

    /// <summary>The id belongs to a video of another creator; nothing changed.</summary>
    Conflict,
}
