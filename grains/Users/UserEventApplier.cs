using Platform.GrainInterfaces;
using Platform.Grains.Ads;
using Platform.Grains.Engagement;
using Platform.Grains.Experiments;
using Platform.Grains.Money;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;
using Platform.Grains.Videos;

namespace Platform.Grains.Users;

/// <summary>
/// Applies a batch of a user's events to the user's state in memory: drops duplicates, asks each
/// video whether it accepts events, learns from the accepted ones, and adds what their videos and
/// creators are owed to the outbox. Nothing is written here: the grain writes the state once after.
/// </summary>
internal sealed class UserEventApplier(
    string userId,
    IPersistentState<UserState> state,
    OnlineLearner learner,
    VideoEngagementBatcher videoBatcher,
    UserFeedSignals signals,
    UserFeedMemory memory,
    FeedOptions feed,
    IGrainFactory grains,
    UserExperiments experiments,
    AdService ads)
{
    private UserState User => state.State;

    /// <summary>Moves event ids stored by an older version (strings) into the hashed history; true when anything moved.</summary>
    public bool UpgradeStoredState()
    {
        if (User.AppliedEvents.Count == 0)
        {
            return false;
        }

        foreach (var eventId in User.AppliedEvents.ToArray())
        {
            User.AppliedEventHashes.Add(eventId, feed.EventIdHistory);
        }

        User.AppliedEvents = new();
        return true;
    }

    /// <summary>The outcome of each event, and whether any was accepted (the state changed and must be written).</summary>
    public async Task<(EventOutcome[] Outcomes, bool Accepted)> ApplyAsync(EngagementEvent[] events)
    {
        var outcomes = new EventOutcome[events.Length];
        var byVideo = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var follows = new List<int>();
        var adEvents = new List<int>();
        var batchIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (User.AppliedEventHashes.Contains(e.EventId) || !batchIds.Add(e.EventId))
            {
                outcomes[i] = EventOutcome.Duplicate;
            }
            else if (EngagementRules.For(e.Type).OnCreator)
            {
                follows.Add(i);
            }
            else if (EngagementRules.For(e.Type).OnAd)
            {
                adEvents.Add(i);
            }
            else
            {
                if (!byVideo.TryGetValue(e.VideoId!, out var list))
                {
                    byVideo[e.VideoId!] = list = [];
                }

                list.Add(i);
            }
        }

        // Everything that can fail without side effects (asking the videos) comes first; from here
        // on the state changes in memory only.
        var contexts = byVideo.Count > 0 ? await GetContextsAsync(byVideo) : null;
        var adAttribution = adEvents.Count > 0 ? await AdAttribution.SendAsync(grains, userId, User.Ads, events, adEvents) : null;
        if (contexts is not null)
        {
            await PaidVideoAccess.RejectUnpurchasedViewsAsync(grains, userId, events, byVideo, contexts, outcomes);
        }

        var accepted = false;
        if (contexts is not null)
        {
            accepted |= PlanVideoEvents(events, byVideo, contexts, outcomes);
        }

        foreach (var i in follows)
        {
            outcomes[i] = PlanFollow(events[i]);
            if (outcomes[i].Status == EventStatus.Accepted)
            {
                User.AppliedEventHashes.Add(events[i].EventId, feed.EventIdHistory);
                accepted = true;
            }
        }

        accepted |= adAttribution?.Apply(events, outcomes, id => User.AppliedEventHashes.Add(id, feed.EventIdHistory)) ?? false;
        return (outcomes, accepted);
    }

    private async Task<VideoEngagementContext[]> GetContextsAsync(Dictionary<string, List<int>> byVideo)
    {
        var calls = new Task<VideoEngagementContext>[byVideo.Count];
        var g = 0;
        foreach (var videoId in byVideo.Keys)
        {
            calls[g++] = videoBatcher.GetContextAsync(videoId);
        }

        return await Task.WhenAll(calls);
    }

    /// <summary>
    /// Accepts or rejects each video's events in the order the videos first appear, learns from the
    /// accepted ones, and adds what each video is owed to the outbox. True when any event was accepted.
    /// </summary>
    private bool PlanVideoEvents(
        EngagementEvent[] events, Dictionary<string, List<int>> byVideo, VideoEngagementContext[] contexts, EventOutcome[] outcomes)
    {
        var accepted = false;
        var g = 0;
        foreach (var (videoId, indices) in byVideo)
        {
            var context = contexts[g++];
            if (!context.Accepts)
            {
                var rejected = new EventOutcome(EventStatus.Rejected, context.RejectReason);
                foreach (var i in indices)
                {
                    outcomes[i] = rejected;
                }

                continue;
            }

            accepted = true;
            var effective = EffectiveEvents(events, indices, User.Liked.Contains(videoId));

            // Each video learns from the user's taste as the earlier videos of the batch shaped it.
            var taste = learner.TasteVector(User.Vector, User.Interest);
            foreach (var i in indices)
            {
                outcomes[i] = EventOutcome.Accepted;
                User.AppliedEventHashes.Add(events[i].EventId, feed.EventIdHistory);
            }

            foreach (var e in effective)
            {
                Learn(videoId, e, context);
            }

            if (effective.Length > 0)
            {
                User.Outbox.Add(new OutboxEntry
                {
                    Target = videoId,
                    Video = new VideoEngagementRequest(userId, taste, effective, ++User.LastSequence),
                });
            }
        }

        return accepted;
    }

    /// <summary>
    /// The events that change anything: an event that would leave the like state as it is (a like of
    /// a liked video, an unlike of a video not liked) is accepted but changes nothing.
    /// </summary>
    private static EngagementEvent[] EffectiveEvents(EngagementEvent[] events, List<int> indices, bool liked)
    {
        var effective = new List<EngagementEvent>(indices.Count);
        foreach (var i in indices)
        {
            var e = events[i];
            if (EngagementRules.For(e.Type).LikeState is { } likeState)
            {
                if (likeState == liked)
                {
                    continue;
                }

                liked = likeState;
            }

            effective.Add(e);
        }

        return [.. effective];
    }

    private void Learn(string videoId, EngagementEvent e, VideoEngagementContext video)
    {
        var rule = EngagementRules.For(e.Type);
        User.Views += rule.Views;
        User.Likes += rule.Likes;
        User.Shares += rule.Shares;
        User.Comments += rule.Comments;
        User.WatchMs += rule.CountsWatchTime ? e.WatchMs : 0;
        if (rule.MarksViewed)
        {
            User.Viewed.Add(videoId, feed.ViewedHistory);
        }

        if (rule.LikeState is true)
        {
            User.Liked.Add(videoId, feed.LikedHistory);
        }
        else if (rule.LikeState is false)
        {
            User.Liked.Remove(videoId);
        }

        // Without consent to personalization the events count (above) but train nothing about the user.
        if (!UserConsent.Personalized(User))
        {
            return;
        }

        signals.Observe(User, videoId, e.Type, e.WatchMs, video.DurationMs, video.CreatorId);
        memory.Observe(User, videoId, e.Type, video.Title);
        experiments.Engaged(videoId, rule, e.WatchMs, video.DurationMs);
        ads.Observe(User.Ads, e, video);
        if (rule.LearningTarget(e.WatchMs, video.DurationMs) is { } target && video.VideoVector.Length == User.Vector.Length)
        {
            learner.Step(User.Vector, video.VideoVector, target);
            learner.UpdateInterest(User.Interest, video.VideoVector, target);
        }
    }

    private EventOutcome PlanFollow(EngagementEvent e)
    {
        var creatorId = e.CreatorId!;
        var following = User.Following.Contains(creatorId);
        var wanted = EngagementRules.For(e.Type).FollowChange > 0;
        if (wanted == following)
        {
            return EventOutcome.Accepted;
        }

        if (wanted && User.Following.Count >= feed.MaxFollowing)
        {
            return new EventOutcome(EventStatus.Rejected, "following limit reached");
        }

        User.Outbox.Add(new OutboxEntry
        {
            Target = creatorId,
            Follow = new FollowChange(userId, ++User.LastSequence, wanted ? 1 : -1),
        });
        if (wanted)
        {
            User.Following.Add(creatorId, int.MaxValue);
        }
        else
        {
            User.Following.Remove(creatorId);
        }

        return EventOutcome.Accepted;
    }
}
