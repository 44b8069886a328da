namespace Platform.Grains.Storage;

/// <summary>
/// A receiver's record of what it applied from each sender, so that a delivery sent again (the
/// sender crashed, or its acknowledgement was lost) is applied once. Each sender sends its entries in
/// increasing sequence order and one call at a time, so the highest sequence seen per sender is enough.
/// A sender that durably recorded the acknowledgement confirms, and its mark is dropped after a grace
/// period; marks never confirmed are dropped after a much longer retention.
/// </summary>
[GenerateSerializer, Alias("Platform.DeliveryLedger")]
public sealed class DeliveryLedger
{
    [Id(0)] public Dictionary<string, DeliveryMark> Marks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the marks were last pruned.</summary>
    [Id(1)] public DateTimeOffset PrunedAt { get; set; }

    public int Count => Marks.Count;

    /// <summary>True when <paramref name="sequence"/> from <paramref name="sender"/> is new; records it.</summary>
    public bool TryAccept(string sender, long sequence, DateTimeOffset now)
    {
        if (Marks.TryGetValue(sender, out var mark))
        {
            if (sequence <= mark.Sequence)
            {
                return false;
            }
        }
        else
        {
            Marks[sender] = mark = new DeliveryMark();
        }

        mark.Sequence = sequence;
        mark.AppliedAt = now;
        mark.Confirmed = false;
        return true;
    }

    /// <summary>The sender will never resend up to <paramref name="sequence"/>. True when a mark changed.</summary>
    public bool Confirm(string sender, long sequence)
    {
        if (Marks.TryGetValue(sender, out var mark) && mark.Sequence <= sequence && !mark.Confirmed)
        {
            mark.Confirmed = true;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Drops expired marks, at most once per quarter of <paramref name="confirmedRetention"/>, so a confirmed mark
    /// lives at most 1.25 times the retention: a hot receiver's ledger (written with its state) stays near the
    /// marks of the last retention period.
    /// </summary>
    public void Prune(DateTimeOffset now, TimeSpan confirmedRetention, TimeSpan unconfirmedRetention)
    {
        if (now - PrunedAt < confirmedRetention / 4)
        {
            return;
        }

        PrunedAt = now;
        List<string>? expired = null;
        foreach (var (sender, mark) in Marks)
        {
            var age = now - mark.AppliedAt;
            if (age > unconfirmedRetention || (mark.Confirmed && age > confirmedRetention))
            {
                (expired ??= []).Add(sender);
            }
        }

        if (expired is not null)
        {
            foreach (var sender in expired)
            {
                Marks.Remove(sender);
            }
        }
    }
}
