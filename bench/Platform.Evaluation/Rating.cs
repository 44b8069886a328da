namespace Platform.Evaluation;

/// <summary>One line of a rating log.</summary>
public readonly record struct Rating(string UserId, string ItemId, double Value, long Timestamp);
