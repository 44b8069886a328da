namespace Platform.Grains.Engagement;

/// <summary>What an engagement with a served video says about the features it was ranked with.</summary>
public enum TrainingLabel
{
    /// <summary>Nothing: the served item keeps waiting for a telling event.</summary>
    None,

    /// <summary>A positive example, written at once.</summary>
    Engaged,

    /// <summary>A negative example, written at once.</summary>
    NotEngaged,

    /// <summary>Seen: a negative example unless a positive event follows before the next feed.</summary>
    Viewed,
}
