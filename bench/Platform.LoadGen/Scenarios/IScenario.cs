namespace Platform.LoadGen.Scenarios;

/// <summary>
/// One kind of request a user population sends. A run mixes scenarios by weight
/// (<see cref="ScenarioMix"/>); a new scenario is one class plus one line in <see cref="ScenarioMix.Create"/>.
/// </summary>
public interface IScenario
{
    /// <summary>Name used in <c>--mix</c> and in reports.</summary>
    string Name { get; }

    /// <summary>What the units of <see cref="Outcome.Units"/> are (requests, events).</summary>
    string Unit { get; }

    Task<Outcome> RunAsync(HttpClient http, CancellationToken cancellationToken);
}
