namespace Platform.Grains.Recommendation;

/// <summary>
/// The ranking model in use. Starts with the hand-set blend; a loader (the silo's model watcher) swaps
/// in a learned model and back, atomically, while feeds keep being served.
/// </summary>
public sealed class RankingModelHolder(IRankingModel fallback)
{
    private volatile IRankingModel? _learned;

    /// <summary>The learned model when one is loaded, else the blend.</summary>
    public IRankingModel Current => _learned ?? fallback;

    /// <summary>The hand-set blend.</summary>
    public IRankingModel Fallback => fallback;

    /// <summary>True while a learned model is in use.</summary>
    public bool HasLearnedModel => _learned is not null;

    /// <summary>Uses <paramref name="model"/> from now on; null goes back to the blend.</summary>
    public void Use(IRankingModel? model) => _learned = model;
}
