namespace Platform.Tests.Infrastructure;

/// <summary>
/// Trait values for <c>[Trait("Category", ...)]</c>. <c>tools/test.sh --quick</c> leaves out <see cref="Long"/>;
/// CI (and <c>tools/test.sh</c> without switches) runs everything.
/// </summary>
public static class TestCategories
{
    /// <summary>A check that takes a minute or more on 2 cores: soaks, multi-silo kill and scale runs.</summary>
    public const string Long = "Long";
}
