using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Platform.GrainInterfaces;
using Platform.Grains.Recommendation;

namespace Platform.Silo.Services;

/// <summary>
/// Appends ranking examples to a tab-separated file (label, the <see cref="RankingFeatures"/> in order,
/// then the reason the video was served with: its kind and the video, creator or tag it names) from a background writer, so grains never wait on the disk. When the writer falls behind by
/// more than <see cref="Capacity"/> examples the newest are dropped: the log is a sample for training.
/// Disposing (at silo shutdown) writes what is queued and closes the file.
/// </summary>
public sealed class FileRankingExampleSink : IRankingExampleSink, IAsyncDisposable
{
    public const int Capacity = 100_000;

    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly string _path;
    private readonly Task _writer;

    public FileRankingExampleSink(string path)
    {
        _path = path;
        _writer = Task.Run(WriteAllAsync);
    }

    public bool Enabled => true;

    public string Path => _path;

    /// <summary>The header line of the file.</summary>
    public static string Header => "label\t" + string.Join('\t', RankingFeatures.Names) + "\treason\treasonRef";

    public void Write(ReadOnlySpan<float> features, bool engaged, FeedReason? reason = null)
    {
        var line = new StringBuilder(16 * features.Length);
        line.Append(engaged ? '1' : '0');
        foreach (var f in features)
        {
            line.Append('\t').Append(f.ToString("R", CultureInfo.InvariantCulture));
        }

        line.Append('\t').Append(reason is null ? "" : JsonNamingPolicy.CamelCase.ConvertName(reason.Kind.ToString()));
        line.Append('\t').Append(reason?.VideoId ?? reason?.CreatorId ?? reason?.Tag ?? "");

        _lines.Writer.TryWrite(line.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAllAsync()
    {
        var path = _path;
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var isNew = !File.Exists(path) || new FileInfo(path).Length == 0;
        await using var writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
        if (isNew)
        {
            await writer.WriteLineAsync(Header);
        }

        while (await _lines.Reader.WaitToReadAsync())
        {
            while (_lines.Reader.TryRead(out var line))
            {
                await writer.WriteLineAsync(line);
            }

            await writer.FlushAsync();
        }
    }
}
