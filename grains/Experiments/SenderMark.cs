namespace Platform.Grains.Experiments;

/// <summary>The last flush applied from one sending silo process, and when, so marks of long-gone senders can be dropped.</summary>
[GenerateSerializer, Alias("Platform.SenderMark")]
public sealed class SenderMark
{
    [Id(0)] public long Sequence { get; set; }

    [Id(1)] public DateTimeOffset At { get; set; }
}
