using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Recommendation;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Recommendation;

public sealed class RankingModelReloadTests
{
    [Fact]
    public async Task SiloRanksWithTheModelFileFromStartAndPicksUpAReplacementWithoutRestart()
    {
        var directory = Directory.CreateTempSubdirectory("model-").FullName;
        var path = Path.Combine(directory, "ranker.json");
        TreeEnsembleRankingModel.Save(RankingModelTests.CoEngagementStump(0, 2), path);
        var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:Ranking:ModelPath"] = path,
            ["Platform:Ranking:ModelReloadInterval"] = "00:00:00.100",
        });
        try
        {
            var holder = server.Services.GetRequiredService<RankingModelHolder>();
            var features = new float[RankingFeatures.Count];
            features[RankingFeatures.CoEngagement] = 1;
            Assert.True(holder.HasLearnedModel);
            Assert.Equal(2f, holder.Current.Score(features));

            // Feeds keep working on the learned model.
            var run = ApiClient.NewId("m");
            await server.Http.RegisterVideoAsync($"{run}-v", $"{run}-c");
            Assert.NotEmpty(await server.Http.GetFeedAsync($"{run}-u"));

            TreeEnsembleRankingModel.Save(RankingModelTests.CoEngagementStump(0, 9), path);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
            await Poll.UntilAsync(() => holder.Current.Score(features) == 9f, "the replaced model is picked up");

            File.Delete(path);
            await Poll.UntilAsync(() => !holder.HasLearnedModel, "the removed model leaves use");
        }
        finally
        {
            await server.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
