using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Platform.Grains.Search;

/// <summary>
/// Keeps only tokens with a Han (Chinese) character: the Chinese word field leaves every other script to
/// <see cref="WordAnalyzer"/>, which splits them properly.
/// </summary>
internal sealed class HanTokenFilter : FilteringTokenFilter
{
    private readonly ICharTermAttribute _term;

    public HanTokenFilter(TokenStream input)
        : base(LuceneVersion.LUCENE_48, input) => _term = AddAttribute<ICharTermAttribute>();

    protected override bool Accept()
    {
        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
        {
            if (IsHan(buffer[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CJK unified ideographs (with extension A), compatibility ideographs, and the high surrogates of planes 2 and 3.</summary>
    internal static bool IsHan(char c) =>
        c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uD840' and <= '\uD8BF');
}
