using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.GrainInterfaces;
using Platform.Grains.Creators;
using Platform.Grains.Storage;
using Platform.Grains.Users;
using Platform.Grains.Videos;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Grains;

[Collection(PlatformCollection.Name)]
public sealed class MessageSerializationTests(PlatformServerFixture platform)
{
    public static TheoryData<object> Messages()
    {
        var signals = new VideoSignals(10, 3, 6, 2, 1, 4.5);
        var video = new CatalogVideo("v-1", "c-1", [0.1f, -0.2f], DateTimeOffset.UnixEpoch, signals);
        var e = new EngagementEvent("e-1", EngagementType.View, "v-1", null, 1200, DateTimeOffset.UnixEpoch);
        return new TheoryData<object>
        {
            e,
            new EventOutcome(EventStatus.Rejected, "unknown video"),
            new VideoRegistration("v-1", "c-1", "Title", ["a", "b"], 31_000),
            new VideoInfo("v-1", "c-1", "Title", ["a"], 31_000, PublicationState.TakenDown, DateTimeOffset.UnixEpoch),
            new VideoStats("v-1", 10, 3, 1, 0, 2, 6, 250_000),
            new UserStats("u-1", 3, 2, 1, 4),
            new TopVideo("v-1", 100, 25),
            new CreatorStats("c-1", 12, 3, 120, 30, 4, 2, 1_800_000, [new TopVideo("v-1", 100, 25)]),
            new CreatorStatsSnapshot(new CreatorStats("c-1", 1, 1, 2, 0, 0, 0, 9_000, []), DateTimeOffset.UnixEpoch),
            new FeedItem("v-1", "c-1", 0.91, CandidateSource.Personalized),
            new FeedPage("f-1", [new FeedItem("v-1", "c-1", 0.91, CandidateSource.Explore)]),
            new VideoEngagementRequest("u-1", [0.5f], [e], 7),
            new VideoEngagementContext(null, "c-1", [0.25f], 31_000),
            VideoEngagementContext.Rejected("video taken down"),
            new CreatorDelta("v-1", 1, 1, 0, 0, 1200, 3),
            new FollowChange("u-1", 8, -1),
            signals,
            video,
            new VideoReport("v-1", [0.1f, -0.2f], signals),
            new CandidateQuery([0.1f], [0.2f], ["c-1"], [1UL, 2UL], 10),
            new Candidate(video, CandidateSource.Trending, 3.5),
            video with { Fingerprint = 0xFEDC_BA98_7654_3210 },
            new VideoRegistration("v-1", "c-1", "Title", [], 31_000, Fingerprint: 0x0123_4567_89AB_CDEF),
            new VideoInfo("v-1", "c-1", "T", [], 1000, PublicationState.InReview, DateTimeOffset.UnixEpoch,
                Review: new VideoReview(ReviewReason.PossibleDuplicate, "v-0", DateTimeOffset.UnixEpoch), Fingerprint: "0123456789abcdef"),
            new VideoTransition(ModerationAction.Approve, "admin", "ok", null),
            new TransitionResult(TransitionStatus.NotApplicable, null),
            new AuditEntry(DateTimeOffset.UnixEpoch, ModerationAction.TakeDown, "admin", "note", PublicationState.Published, PublicationState.TakenDown),
            new FingerprintMatch("v-0", "c-0", 5),
            new ModerationItem("v-1", "c-1", "T", DateTimeOffset.UnixEpoch, ReviewReason.Reports, null),
            new ContentReport("u-1", ReportReason.Copyright, "detail"),
            new ReportOutcome(true, 5),
            new ContentNotice(ContentNotice.StateChanged, "v-1", DateTimeOffset.UnixEpoch, PublicationState.Rejected, ReviewReason.PreReview),
            new CommentDraft("cm-1", "v-1", "u-1", "hi", "cm-0"),
            new Comment("cm-1", 3, null, "hi", DateTimeOffset.UnixEpoch, "cm-0", 2, true),
            new CommentPostResult(CommentPostStatus.Created, new Comment("cm-1", 3, "u-1", "hi", DateTimeOffset.UnixEpoch, null, 0, false)),
            new CommentClaim("v-1", "u-1", "hi", null, 7),
            new CommentPage([new Comment("cm-1", 3, "u-1", "hi", DateTimeOffset.UnixEpoch, null, 0, false)]),
            new AuthoredComment("cm-1", "v-1", 3),
        };
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void MessageRoundTripsThroughTheOrleansSerializer(object message)
    {
        var serializer = platform.Server.Services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<object>(serializer.SerializeToArray(message));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(message), System.Text.Json.JsonSerializer.Serialize(copy));
    }

    [Fact]
    public void PersistentStateRoundTripsThroughTheOrleansSerializer()
    {
        var serializer = platform.Server.Services.GetRequiredService<Serializer>();
        var user = new UserState { Vector = [1f, 2f], Views = 3, LastSequence = 2 };
        user.AppliedEventHashes.Add("e-1", 10);
        user.Outbox.Add(new OutboxEntry { Target = "c-1", Follow = new FollowChange("u-1", 2, 1) });
        var creator = new CreatorState { Followers = 2 };
        creator.Videos["v-1"] = new VideoTotals { Views = 5, LastSequence = 4 };
        creator.FollowerChanges.TryAccept("u-1", 9, DateTimeOffset.UnixEpoch);
        var video = new VideoState { Views = 7, Info = new VideoInfo("v-1", "c-1", "T", [], 1000, PublicationState.Published, DateTimeOffset.UnixEpoch) };
        video.Users.TryAccept("u-1", 5, DateTimeOffset.UnixEpoch);
        video.CreatorOutbox.Add(new CreatorDelta("v-1", 1, 0, 0, 0, 10, 6));

        var userCopy = serializer.Deserialize<UserState>(serializer.SerializeToArray(user))!;
        var creatorCopy = serializer.Deserialize<CreatorState>(serializer.SerializeToArray(creator))!;
        var videoCopy = serializer.Deserialize<VideoState>(serializer.SerializeToArray(video))!;

        Assert.True(userCopy.AppliedEventHashes.Contains("e-1"));
        Assert.False(userCopy.AppliedEventHashes.Contains("e-2"));
        Assert.Equal(3, userCopy.Views);
        Assert.Equal(5, creatorCopy.Videos["v-1"].Views);
        Assert.Equal("c-1", videoCopy.Info!.CreatorId);
        Assert.IsType<RecentIds>(userCopy.Viewed);
        Assert.Equal(2, userCopy.Outbox.Single().Sequence);
        Assert.Equal(4, creatorCopy.Videos["v-1"].LastSequence);
        Assert.False(creatorCopy.FollowerChanges.TryAccept("u-1", 9, DateTimeOffset.UnixEpoch));
        Assert.False(videoCopy.Users.TryAccept("u-1", 5, DateTimeOffset.UnixEpoch));
        Assert.Equal(6, videoCopy.CreatorOutbox.Single().Sequence);
    }

    [Fact]
    public void StorageFailureRoundTripsThroughTheOrleansSerializer()
    {
        var serializer = platform.Server.Services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(new StorageUnavailableException("Storage is unavailable: 53300")));

        Assert.Equal("Storage is unavailable: 53300", Assert.IsType<StorageUnavailableException>(copy).Message);
    }
}
