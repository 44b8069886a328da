using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Simple;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Platform.Grains.Catalog;

namespace Platform.Grains.Search;

/// <summary>
/// The full-text index of one catalog shard's videos: titles and tags in an in-memory Lucene index, each text in two
/// fields (Chinese words from <see cref="HanWordAnalyzer"/>, every other script from <see cref="WordAnalyzer"/>),
/// ranked by BM25. Changes go to the writer at once; queries read a near-real-time reader that is reopened when a
/// query finds it older than the refresh interval and the index changed since, so a new video is searchable within
/// that interval. Plain code, no Orleans; not thread-safe (one grain's turns).
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string IdField = "id";
    private const string KeyField = "key";
    private const string TitleField = "title";
    private const string TitleHanField = "title_han";
    private const string TagsField = "tags";
    private const string TagsHanField = "tags_han";

    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new PerFieldAnalyzerWrapper(new WordAnalyzer(), new Dictionary<string, Analyzer>
    {
        [TitleHanField] = new HanWordAnalyzer(),
        [TagsHanField] = new HanWordAnalyzer(),
    });

    private readonly Similarity _similarity = new BM25Similarity();
    private readonly IndexWriter _writer;
    private readonly SimpleQueryParser _parser;
    private readonly SimpleQueryParser _nonHanParser;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshInterval;
    private readonly WeightedTopCollector _collector = new();
    private DirectoryReader _reader;
    private IndexSearcher _searcher;
    private long _refreshedAt;
    private bool _changed;

    public SearchIndex(TimeSpan refreshInterval, TimeProvider time)
    {
        _time = time;
        _refreshInterval = refreshInterval;
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = _similarity,
            // Near-real-time reopens flush the buffer long before it fills; this bounds a bulk rebuild's buffer.
            RAMBufferSizeMB = 4,
        });
        _parser = new SimpleQueryParser(_analyzer, new Dictionary<string, float>
        {
            [TitleField] = 1f,
            [TitleHanField] = 1f,
            [TagsField] = 1f,
            [TagsHanField] = 1f,
        })
        {
            DefaultOperator = Occur.SHOULD,
        };

        // A query without Han characters has nothing for the Chinese fields: skip their (costly) analysis.
        _nonHanParser = new SimpleQueryParser(_analyzer, new Dictionary<string, float>
        {
            [TitleField] = 1f,
            [TagsField] = 1f,
        })
        {
            DefaultOperator = Occur.SHOULD,
        };
        _reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        _searcher = new IndexSearcher(_reader) { Similarity = _similarity };
        _refreshedAt = time.GetTimestamp();
    }

    /// <summary>Bytes the index's files take in memory (the postings, norms and doc values; not the writer's buffer).</summary>
    public long SizeInBytes => _directory.GetSizeInBytes();

    /// <summary>Adds or replaces a video's text; <paramref name="key"/> is what searches hand back for it.</summary>
    public void Put(string videoId, long key, string title, IReadOnlyList<string> tags)
    {
        var document = new Document
        {
            new StringField(IdField, videoId, Field.Store.NO),
            new NumericDocValuesField(KeyField, key),
            new TextField(TitleField, title, Field.Store.NO),
        };
        // The Chinese field only for text with Han characters: the segmenter is the costly part of indexing.
        if (HasHan(title))
        {
            document.Add(new TextField(TitleHanField, title, Field.Store.NO));
        }

        foreach (var tag in tags)
        {
            document.Add(new TextField(TagsField, tag, Field.Store.NO));
            if (HasHan(tag))
            {
                document.Add(new TextField(TagsHanField, tag, Field.Store.NO));
            }
        }

        _writer.UpdateDocument(new Term(IdField, videoId), document);
        _changed = true;
    }

    /// <summary>Removes a video's text. Callers filter it out of results at once through the weight they pass to <see cref="Search"/>.</summary>
    public void Delete(string videoId)
    {
        _writer.DeleteDocuments(new Term(IdField, videoId));
        _changed = true;
    }

    /// <summary>Opens a reader that sees every change so far (after a bulk rebuild, so the first query need not).</summary>
    public void Refresh()
    {
        if (!_changed)
        {
            return;
        }

        var newer = DirectoryReader.OpenIfChanged(_reader, _writer, applyAllDeletes: true);
        if (newer is not null)
        {
            _reader.Dispose();
            _reader = newer;
            _searcher = new IndexSearcher(newer) { Similarity = _similarity };
        }

        _changed = false;
        _refreshedAt = _time.GetTimestamp();
    }

    /// <summary>
    /// The <paramref name="count"/> best matches of <paramref name="text"/> (Lucene's simple query syntax: words,
    /// <c>"phrases"</c>, <c>-not</c>, <c>a | b</c>, <c>prefix*</c>, <c>fuzzy~1</c>; never a syntax error), best first,
    /// into <paramref name="into"/>. Every match's BM25 relevance is multiplied by <paramref name="weight"/> of its
    /// key; a weight of 0 or less leaves the match out (a video no longer listed).
    /// </summary>
    public void Search(string text, int count, Func<long, double> weight, List<(long Key, double Score)> into)
    {
        if (_changed && _time.GetElapsedTime(_refreshedAt) >= _refreshInterval)
        {
            Refresh();
        }

        // Prefix and fuzzy terms are not analyzed; the indexed terms are lower case.
        var parser = HasHan(text) ? _parser : _nonHanParser;
        if (count <= 0 || parser.Parse(text.ToLowerInvariant()) is not { } query)
        {
            return;
        }

        _collector.Start(count, weight);
        _searcher.Search(query, _collector);
        _collector.DrainInto(into);
    }

    private static bool HasHan(string text)
    {
        foreach (var c in text)
        {
            if (HanTokenFilter.IsHan(c))
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>Scores every match (relevance times weight) and keeps the best, so the result is exact, not a re-rank of a window.</summary>
    private sealed class WeightedTopCollector : ICollector
    {
        private readonly TopK<long> _top = new(0);
        private readonly List<(long Item, double Score)> _drained = [];
        private Func<long, double> _weight = static _ => 0;
        private NumericDocValues? _keys;
        private Scorer? _scorer;

        public bool AcceptsDocsOutOfOrder => true;

        public void Start(int count, Func<long, double> weight)
        {
            _top.Reset(count);
            _weight = weight;
        }

        public void DrainInto(List<(long Key, double Score)> into)
        {
            _drained.Clear();
            _top.DrainInto(_drained);
            foreach (var (key, score) in _drained)
            {
                into.Add((key, score));
            }

            _keys = null;
            _scorer = null;
            _weight = static _ => 0;
        }

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _keys = context.AtomicReader.GetNumericDocValues(KeyField);

        public void Collect(int doc)
        {
            if (_keys is null || _scorer is null)
            {
                return;
            }

            var weight = _weight(_keys.Get(doc));
            if (weight > 0)
            {
                _top.Offer(_keys.Get(doc), _scorer.GetScore() * weight);
            }
        }
    }
}
