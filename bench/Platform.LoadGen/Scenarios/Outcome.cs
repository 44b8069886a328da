namespace Platform.LoadGen.Scenarios;

/// <summary>What one request achieved: success, the HTTP status (0 for a transport failure) and its units of work (events, for event batches).</summary>
public readonly record struct Outcome(bool Ok, int Status, int Units);
