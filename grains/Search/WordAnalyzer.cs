using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Platform.Grains.Search;

/// <summary>
/// Every script but Chinese: Unicode word breaking (UAX #29), lower case, accents folded (<c>Café</c> is <c>cafe</c>,
/// full-width <c>ＫＮＩＦＥ</c> is <c>knife</c>) and English Porter stemming (<c>cooking</c>, <c>cooks</c> and
/// <c>cooked</c> are all <c>cook</c>). Han characters are dropped here: <see cref="HanWordAnalyzer"/> segments them.
/// </summary>
internal sealed class WordAnalyzer : Analyzer
{
    private static readonly string[] HanTypes = [StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC]];

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var words = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new TypeTokenFilter(LuceneVersion.LUCENE_48, words, HanTypes);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(words, stream);
    }
}
