namespace Platform.GrainInterfaces;

/// <summary>Why an item is in a feed: a kind (shared/API.md "Feed") and a sentence a person can read.</summary>
[GenerateSerializer, Immutable, Alias("Platform.FeedReason")]
public sealed record FeedReason(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Text);
