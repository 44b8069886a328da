namespace Platform.GrainInterfaces;

/// <summary>Why a user reports a video. Stored by number: new reasons go at the end.</summary>
public enum ReportReason
{
    Spam,
    Nudity,
    Violence,
    Hate,
    Copyright,
    Other,
}
