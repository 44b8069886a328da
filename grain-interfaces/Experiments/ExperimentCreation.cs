namespace Platform.GrainInterfaces;

/// <summary>What creating an experiment did.</summary>
public enum ExperimentCreation
{
    /// <summary>A new experiment, now running.</summary>
    Created,

    /// <summary>The same definition was created before: nothing changed.</summary>
    Existing,

    /// <summary>Another definition exists under this id: nothing changed.</summary>
    Conflict,
}
