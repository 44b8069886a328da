using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Recommendation;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Quality;

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
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (holder.Current.Score(features) != 9f)
            {
                Assert.True(DateTime.UtcNow < deadline, "the replaced model was not picked up");
                await Task.Delay(100);
            }

            File.Delete(path);
            while (holder.HasLearnedModel)
            {
                Assert.True(DateTime.UtcNow < deadline.AddSeconds(5), "the removed model stayed in use");
                await Task.Delay(100);
            }
        }
        finally
        {
            await server.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
