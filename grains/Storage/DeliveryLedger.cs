using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Storage;

/// <summary>
/// A receiver's record of what it applied from each sender, so that a delivery sent again (the
/// sender crashed, or its acknowledgement was lost) is applied once. Each sender sends its entries in
/// increasing sequence order and one call at a time, so the highest sequence seen per sender is enough.
/// A sender that durably recorded the acknowledgement confirms, and its mark is dropped after a grace
/// period; marks never confirmed are dropped after a much longer retention.
/// </summary>
/// <remarks>
/// A video hears from every user who watched it lately, so the marks are kept without references: by the sender's
/// 64-bit <see cref="IdHash"/> in a dictionary of structs, stored as one byte array of fixed-size records. Two senders
/// of one receiver sharing a hash (about n²/2⁶⁵ for n senders) would have the later one's deliveries up to the other's
/// sequence taken as repeats.
/// </remarks>
[GenerateSerializer, Alias("Platform.DeliveryLedger")]
public sealed class DeliveryLedger
{
    // Per mark: sender hash, sequence, applied-at UTC ticks (8 bytes each, little-endian), confirmed (1 byte).
    private const int RecordBytes = 25;

    [NonSerialized]
    private Dictionary<ulong, Mark> _marks = [];

    /// <summary>The format before <see cref="Packed"/>: marks by sender id, read from older stored state, never written.</summary>
    [Id(0)]
    public Dictionary<string, DeliveryMark>? Marks
    {
        get => null;
        set
        {
            foreach (var (sender, mark) in value ?? [])
            {
                _marks[IdHash.Of(sender)] = new Mark(mark.Sequence, mark.AppliedAt.UtcTicks, mark.Confirmed);
            }
        }
    }

    /// <summary>When the marks were last pruned.</summary>
    [Id(1)] public DateTimeOffset PrunedAt { get; set; }

    /// <summary>The marks as stored: one fixed-size record each, in no particular order.</summary>
    [Id(2)]
    public byte[] Packed
    {
        get
        {
            var bytes = new byte[_marks.Count * RecordBytes];
            var at = 0;
            foreach (var (sender, mark) in _marks)
            {
                var record = bytes.AsSpan(at, RecordBytes);
                BinaryPrimitives.WriteUInt64LittleEndian(record, sender);
                BinaryPrimitives.WriteInt64LittleEndian(record[8..], mark.Sequence);
                BinaryPrimitives.WriteInt64LittleEndian(record[16..], mark.AppliedAtTicks);
                record[24] = mark.Confirmed ? (byte)1 : (byte)0;
                at += RecordBytes;
            }

            return bytes;
        }
        set
        {
            _marks = new Dictionary<ulong, Mark>(value.Length / RecordBytes);
            for (var at = 0; at + RecordBytes <= value.Length; at += RecordBytes)
            {
                var record = value.AsSpan(at, RecordBytes);
                _marks[BinaryPrimitives.ReadUInt64LittleEndian(record)] = new Mark(
                    BinaryPrimitives.ReadInt64LittleEndian(record[8..]), BinaryPrimitives.ReadInt64LittleEndian(record[16..]), record[24] != 0);
            }
        }
    }

    public int Count => _marks.Count;

    /// <summary>True when <paramref name="sequence"/> from <paramref name="sender"/> is new; records it.</summary>
    public bool TryAccept(string sender, long sequence, DateTimeOffset now)
    {
        ref var mark = ref CollectionsMarshal.GetValueRefOrAddDefault(_marks, IdHash.Of(sender), out var known);
        if (known && sequence <= mark.Sequence)
        {
            return false;
        }

        mark = new Mark(sequence, now.UtcTicks, Confirmed: false);
        return true;
    }

    /// <summary>The sender will never resend up to <paramref name="sequence"/>. True when a mark changed.</summary>
    public bool Confirm(string sender, long sequence)
    {
        ref var mark = ref CollectionsMarshal.GetValueRefOrNullRef(_marks, IdHash.Of(sender));
        if (Unsafe.IsNullRef(ref mark) || mark.Sequence > sequence || mark.Confirmed)
        {
            return false;
        }

        mark = mark with { Confirmed = true };
        return true;
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
        foreach (var (sender, mark) in _marks)
        {
            // Removing while enumerating is allowed for Dictionary (it does not invalidate the enumerator).
            var age = now.UtcTicks - mark.AppliedAtTicks;
            if (age > unconfirmedRetention.Ticks || (mark.Confirmed && age > confirmedRetention.Ticks))
            {
                _marks.Remove(sender);
            }
        }
    }

    private readonly record struct Mark(long Sequence, long AppliedAtTicks, bool Confirmed);
}
