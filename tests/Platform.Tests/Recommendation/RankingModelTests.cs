using Microsoft.Extensions.Logging.Abstractions;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;
using Platform.RankerTraining;
using Platform.Silo.Services;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Platform.Tests.Recommendation;

public sealed class RankingModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ranker-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A one-split model: score <paramref name="high"/> when co-engagement is above 0.5, else <paramref name="low"/>.</summary>
    public static TreeEnsembleFile CoEngagementStump(double low, double high) => new(
        TreeEnsembleFile.CurrentFormat,
        RankingFeatures.Names,
        0,
        [1],
        [new TreeEnsembleFile.Tree([~0], [~1], [RankingFeatures.CoEngagement], [0.5f], [low, high])],
        DateTimeOffset.UtcNow,
        0.9);

    private static float[] Features(float coEngagement)
    {
        var f = new float[RankingFeatures.Count];
        f[RankingFeatures.CoEngagement] = coEngagement;
        return f;
    }

    private (RankingModelHolder Holder, RankingModelWatcher Watcher, string Path) Watch()
    {
        var path = Path.Combine(_directory, "ranker.json");
        var options = new RankingOptions { ModelPath = path };
        var holder = new RankingModelHolder(new BlendRankingModel(options));
        return (holder, new RankingModelWatcher(holder, MsOptions.Create(options), NullLogger<RankingModelWatcher>.Instance), path);
    }

    [Fact]
    public void WithoutAModelFileTheHandSetBlendRanks()
    {
        var (holder, watcher, _) = Watch();

        Assert.False(watcher.Check());
        Assert.Same(holder.Fallback, holder.Current);
        Assert.Equal("blend", holder.Current.Name);
    }

    [Fact]
    public void AModelFileIsLoadedAndAReplacedFileIsPickedUp()
    {
        var (holder, watcher, path) = Watch();
        TreeEnsembleRankingModel.Save(CoEngagementStump(0, 1), path);

        Assert.True(watcher.Check());
        Assert.Equal(1f, holder.Current.Score(Features(2)));
        Assert.Equal(0f, holder.Current.Score(Features(0)));

        TreeEnsembleRankingModel.Save(CoEngagementStump(0, 7), path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        Assert.True(watcher.Check());
        Assert.Equal(7f, holder.Current.Score(Features(2)));
    }

    [Fact]
    public void ABrokenModelFileKeepsTheModelInUseAndARemovedOneFallsBackToTheBlend()
    {
        var (holder, watcher, path) = Watch();
        TreeEnsembleRankingModel.Save(CoEngagementStump(0, 3), path);
        watcher.Check();

        File.WriteAllText(path, "{ \"format\": \"platform-ranker/1\", \"trees\": ");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        Assert.True(watcher.Check());
        Assert.Equal(3f, holder.Current.Score(Features(2)));

        File.Delete(path);
        Assert.False(watcher.Check());
        Assert.Same(holder.Fallback, holder.Current);
    }

    [Fact]
    public void AModelTrainedOnOtherFeaturesIsRefused()
    {
        var path = Path.Combine(_directory, "foreign.json");
        var foreign = CoEngagementStump(0, 1) with { Features = ["age", "height"] };
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(foreign, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));

        Assert.Throws<InvalidDataException>(() => TreeEnsembleRankingModel.Load(path));
    }

    [Fact]
    public void TrainingLearnsWhatDrivesEngagementAndTheExportedTreesMatchMlNet()
    {
        // Engagement follows co-engagement and creator affinity; popularity is noise.
        var random = new Random(4);
        var examples = new List<RankingExample>();
        for (var i = 0; i < 3000; i++)
        {
            var f = new float[RankingFeatures.Count];
            f[RankingFeatures.CoEngagement] = (float)(random.NextDouble() * 3);
            f[RankingFeatures.CreatorAffinity] = random.NextDouble() < 0.3 ? 1 : 0;
            f[RankingFeatures.Popularity] = (float)(random.NextDouble() * 8);
            var p = 1 / (1 + Math.Exp(-(2 * f[RankingFeatures.CoEngagement] + 2 * f[RankingFeatures.CreatorAffinity] - 4)));
            examples.Add(new RankingExample { Label = random.NextDouble() < p, Features = f });
        }

        var result = RankerTrainer.Train(examples, trees: 30, leaves: 8);

        Assert.True(result.TestAuc > 0.75, $"test AUC {result.TestAuc:F3}");
        Assert.True(result.ExportMaxDifference < 1e-3, $"exported trees differ from ML.NET by {result.ExportMaxDifference}");
        var model = TreeEnsembleRankingModel.From(result.Model);
        var liked = new float[RankingFeatures.Count];
        liked[RankingFeatures.CoEngagement] = 2.5f;
        liked[RankingFeatures.CreatorAffinity] = 1;
        Assert.True(model.Score(liked) > model.Score(new float[RankingFeatures.Count]));
    }
}
