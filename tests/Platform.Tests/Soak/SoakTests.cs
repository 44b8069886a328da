using System.Globalization;
using Platform.LoadGen;
using Platform.LoadGen.Measurement;
using Platform.LoadGen.Runners;
using Xunit.Abstractions;

namespace Platform.Tests.Soak;

/// <summary>
/// The CI-sized soak (about two minutes): the load generator's soak mode drives mixed feed and event traffic at a
/// real silo process and watches that process's resident memory. The 30-minute run is in docs/benchmarks.md. It runs
/// alone (its own non-parallel collection): a soak measures the platform, not the CPU other tests take from it.
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", TestCategories.Long)]
    public async Task TwoMinuteSoakHasNoErrorsAndFlatMemory()
    {
        // A small world with small per-user histories, so that every bounded buffer (per-user id histories, the
        // videos' delivery ledgers, the shards' co-engagement edges) reaches its bound during the warm-up and any
        // growth after it is a leak, not a buffer filling up: 30 users send 6 events/s each, so a history of 64
        // event ids is full in about 10 s, and 100 videos hold at most 3,000 ledger marks.
        await using var silo = await SiloProcess.StartAsync(
            "--Platform:Feed:EventIdHistory=64", "--Platform:Feed:ViewedHistory=50", "--Platform:Feed:ServedHistory=30");
        string[] common = ["--url", silo.Address.ToString(), "--server-pid", silo.Pid.ToString(CultureInfo.InvariantCulture),
            "--prefix", $"soak{Guid.NewGuid():N}"[..12], "--videos", "100", "--users", "30"];
        var seed = LoadOptions.Parse([.. common, "--mode", "seed"]);
        var soak = LoadOptions.Parse([.. common, "--mode", "soak", "--mix", "feed:7,events:3", "--rate", "60", "--batch", "10",
            "--warmup", "40s", "--duration", "60s", "--interval", "0",
            // Resident memory follows the collector's budget: one minute holds one or two GC cycles of Server GC,
            // whose sawtooth alone moves quarter means by up to about 15%, so 25% (overload reached +400%).
            "--max-memory-growth", "0.25",
            // The live heap (sampled after a full collection every 5 s) is what a leak moves: about 100 MiB
            // here, flat within a few percent when nothing leaks; 10% fails a leak of about 10 MiB per minute.
            "--live-heap", "true", "--max-heap-growth", "0.10"]);
        using var http = new HttpClient { BaseAddress = soak.Url, Timeout = TimeSpan.FromSeconds(30) };

        var console = Console.Out;
        var report = new StringWriter();
        Console.SetOut(report);
        int exit;
        try
        {
            await new Seeder(seed, http, new Dataset(seed), new ServerProbe(silo.Pid, http)).RunAsync();
            exit = await SoakRun.RunAsync(soak, http, new Dataset(soak), new ServerProbe(silo.Pid, http));
        }
        finally
        {
            Console.SetOut(console);
        }

        output.WriteLine(report.ToString());
        Assert.True(exit == 0, $"soak failed:\n{report}\n{silo.Log}");
        Assert.False(silo.HasExited);
    }
}
