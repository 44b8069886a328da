namespace Platform.Tests.Soak;

/// <summary>Tests that measure the platform over time and must not share the machine's two cores with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "soak";
}
