namespace Platform.GrainInterfaces;

/// <summary>Whether a video may be served.</summary>
public enum PublicationState
{
    Published,
    TakenDown,
}
