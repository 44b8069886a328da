using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.GrainInterfaces;
using Platform.Grains.Analytics;
using Platform.Grains.Creators;
using Platform.Grains.Engagement;
using Platform.Grains.Videos;

namespace Platform.AnalyticsBench;

/// <summary>
/// What analytics adds to the event path, measured exactly on this thread rather than through the noisy end-to-end run:
/// the allocations of recording an event and of the creator's share (one share per video call of two events), and the
/// bytes a video's and a creator's stored state grow by with an hour of live series in it.
/// </summary>
public static class EventPathCost
{
    public static void Print(IServiceProvider services)
    {
        const int Events = 200_000;
        var now = DateTimeOffset.UtcNow;
        var info = new VideoInfo("v-cost", "c-cost", "Cost", [], 30_000, PublicationState.Published, now.AddMinutes(-10));
        var state = new VideoAnalyticsState();
        var recorder = new VideoAnalyticsRecorder("v-cost", inTables: false, historyFlushInterval: TimeSpan.Zero);
        var view = EngagementRules.For(EngagementType.View);
        var events = new EngagementEvent[Events];
        for (var i = 0; i < Events; i++)
        {
            events[i] = new EngagementEvent($"e{i}", EngagementType.View, "v-cost", null, 12_000 + i % 9_000, now.AddSeconds(-i % 3_600));
        }

        // Warm up, then measure: each "call" is two events and the creator's share of them, as VideoGrain does.
        Run(recorder, state, info, view, events.AsSpan(0, 10_000), now);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Run(recorder, state, info, view, events, now);
        var nanoseconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalNanoseconds / Events;
        var perEvent = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / Events;

        var serializer = services.GetRequiredService<Serializer>();
        var emptyVideo = serializer.SerializeToArray(new VideoState()).Length;
        var liveVideo = serializer.SerializeToArray(new VideoState { Analytics = state }).Length;
        var creator = new CreatorState();
        var creatorRecorder = new CreatorAnalyticsRecorder("c-cost", inTables: false, historyFlushInterval: TimeSpan.Zero);
        for (var minute = 0; minute < 60; minute++)
        {
            creatorRecorder.RecordDelta(creator.Analytics, new CreatorDelta("v-cost", 1, 0, 0, 0, 1_000, minute + 1,
                [new SeriesBucket(SeriesResolutions.MinuteOf(now) - minute, [3, 1, 0, 0, 1, 9_000])]), now);
        }

        var emptyCreator = serializer.SerializeToArray(new CreatorState()).Length;
        var liveCreator = serializer.SerializeToArray(creator).Length;
        Console.WriteLine($"analytics on the event path, exactly: {nanoseconds:N0} ns and {perEvent:N0} B allocated per event (recording + the creator's share, 2 events per video call); " +
            $"a video's stored state {emptyVideo:N0} B without series, {liveVideo:N0} B with an hour of minutes ({liveVideo - emptyVideo:N0} B more per write); " +
            $"a creator's {emptyCreator:N0} B and {liveCreator:N0} B");
    }

    private static void Run(VideoAnalyticsRecorder recorder, VideoAnalyticsState state, VideoInfo info, EngagementRule rule, ReadOnlySpan<EngagementEvent> events, DateTimeOffset now)
    {
        for (var i = 0; i + 1 < events.Length; i += 2)
        {
            recorder.Record(state, info, rule, events[i], now);
            recorder.Record(state, info, rule, events[i + 1], now);
            _ = recorder.TakeCreatorShare();
        }
    }
}
