using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.GrainInterfaces;
using Platform.Grains.Ads;

namespace Platform.Tests.Ads;

[Collection(AdsCollection.Name)]
public sealed class AdsMessageSerializationTests(AdsServerFixture fixture)
{
    public static TheoryData<object> Messages()
    {
        var definition = new CampaignDefinition("cmp-1", "adv-1", "v-1", 500, 250, ["cooking"], DateTimeOffset.UnixEpoch);
        var standing = new CampaignStanding(4, 1, 1, 1_000, 499_000, true);
        return new TheoryData<object>
        {
            definition,
            new CampaignListing("cmp-1", "adv-1", "v-1", "c-1", 250, [], null),
            new CampaignDirectorySnapshot(3, [new CampaignListing("cmp-1", "adv-1", "v-1", "c-1", 250, ["a"], DateTimeOffset.UnixEpoch)]),
            standing,
            new CampaignStats(definition, standing),
            new BudgetLease(2, 2_500, DateTimeOffset.UnixEpoch, standing),
            new LeaseSpend(2, 750),
            new LeaseReport(standing, false),
            new AdEngagement("e-1", "u-1", EngagementType.Conversion),
            new FeedItem("v-1", "c-1", 0, CandidateSource.Ad, Reason: new FeedReason(FeedReasonKind.Ad, "Sponsored by adv-1"), CampaignId: "cmp-1"),
            new VideoEngagementContext(null, "c-1", [0.5f], 30_000, 0, "Title", ["cooking"]),
        };
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void AdMessageRoundTripsThroughTheOrleansSerializer(object message)
    {
        var serializer = fixture.Server.Services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<object>(serializer.SerializeToArray(message));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(message), System.Text.Json.JsonSerializer.Serialize(copy));
    }

    [Fact]
    public void AdStateRoundTripsThroughTheOrleansSerializer()
    {
        var serializer = fixture.Server.Services.GetRequiredService<Serializer>();
        var campaign = new CampaignState
        {
            Definition = new CampaignDefinition("cmp-1", "adv-1", "v-1", 500, 250, ["a"], null),
            CreatorId = "c-1",
            SettledMillicents = 750,
            Leases = [new CampaignLeaseRecord { LeaseId = 4, Silo = "s", AmountMillicents = 2_500, ExpiresAt = DateTimeOffset.UnixEpoch, ReportedMillicents = 250 }],
            LastLeaseId = 4,
            Clicks = 2,
            Conversions = 1,
            PacedAllowance = 12.5,
            Delisted = true,
        };
        campaign.EngagementIds.Add("e-1", 10);
        var user = new UserAdState { Day = 9, ShownToday = { ["cmp-1"] = 2 }, Served = [new ServedAd { VideoId = "v-1", CampaignId = "cmp-1", Clicked = true }] };
        user.InterestTags.Add("cooking", 10);
        var directory = new CampaignDirectoryState { Version = 5, Campaigns = { ["cmp-1"] = new CampaignListing("cmp-1", "a", "v", "c", 1, [], null) } };

        foreach (object state in new object[] { campaign, user, directory })
        {
            var copy = serializer.Deserialize<object>(serializer.SerializeToArray(state));
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(state), System.Text.Json.JsonSerializer.Serialize(copy));
        }
    }
}
