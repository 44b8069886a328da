using Platform.Evaluation;
using Platform.Grains.Options;

namespace Platform.Tests.Recommendation;

public sealed class EvaluatorProtocolTests
{
    private static EvaluationResult Evaluate(string log) =>
        new PrequentialEvaluator(new LearningOptions(), new RankingOptions()).Run(RatingsReader.Read(new StringReader(log)));

    [Fact]
    public void LikesAreRatingsOfFourOrMoreAndAnItemNeverSeenBeforeIsAMiss()
    {
        // Time order: u1 likes A (nothing seen yet: miss), u1 rates B 3 (a view, not a like),
        // u2 likes B (A and B seen, fewer than 10 eligible: hit), u2 likes C (C never seen: miss).
        var result = Evaluate("u1\tA\t5\t100\nu1\tB\t3\t200\nu2\tB\t4\t300\nu2\tC\t5\t400\n");

        Assert.Equal(4, result.Events);
        Assert.Equal(3, result.Likes);
        Assert.Equal(Math.Round(1.0 / 3, 4), result.RecallAt10);
        Assert.Equal(Math.Round(1.0 / 3, 4), result.PopularityRecallAt10);
    }

    [Fact]
    public void LogIsReplayedInTimeOrderWhateverTheFileOrder()
    {
        // Same events as above, shuffled, in the ratings.csv format.
        var csv = "userId,movieId,rating,timestamp\nu2,C,5,400\nu1,B,3,200\nu2,B,4,300\nu1,A,5,100\n";
        var result = Evaluate(csv);

        Assert.Equal(4, result.Events);
        Assert.Equal(3, result.Likes);
        Assert.Equal(Math.Round(1.0 / 3, 4), result.RecallAt10);
    }

    [Fact]
    public void AnItemAlreadyViewedByTheUserIsNeverRecommendedToThem()
    {
        // u1 views A, then likes A again later: A is excluded from u1's candidates, so it cannot be a hit.
        var result = Evaluate("u0\tA\t5\t50\nu1\tA\t2\t100\nu1\tA\t5\t200\n");

        Assert.Equal(2, result.Likes);
        Assert.Equal(0, result.RecallAt10);
    }

    [Fact]
    public void CoEngagementFindsWhatPopularityMisses()
    {
        var log = new System.Text.StringBuilder();
        var t = 0;

        // Twelve blockbusters everyone has seen make popularity's top 10.
        for (var u = 0; u < 30; u++)
        {
            for (var b = 0; b < 12; b++)
            {
                log.Append($"fan{u}\tblock{b}\t3\t{t++}\n");
            }
        }

        // A niche pair: whoever watches X goes on to like Y.
        for (var u = 0; u < 8; u++)
        {
            log.Append($"niche{u}\tX\t5\t{t++}\n");
            log.Append($"niche{u}\tY\t5\t{t++}\n");
        }

        var result = Evaluate(log.ToString());

        Assert.True(result.RecallAt10 > result.PopularityRecallAt10 + 0.2,
            $"recall {result.RecallAt10} should clearly beat popularity {result.PopularityRecallAt10}");
    }
}
