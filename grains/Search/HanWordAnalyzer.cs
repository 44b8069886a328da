using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;

namespace Platform.Grains.Search;

/// <summary>
/// Chinese text segmented into words by SmartCn's hidden-Markov segmenter (<c>三分钟学会刀工</c> becomes
/// <c>三 分钟 学会 刀 工</c>, and the query <c>刀工</c> the same <c>刀 工</c>), keeping only the Han tokens.
/// </summary>
/// <remarks>
/// SmartCn's sentence tokenizer and word filter rather than its <c>HMMChineseTokenizer</c>: that one breaks sentences
/// with ICU4N, which needs culture data the platform does not load (it runs with invariant globalization); these two
/// feed the same segmenter and dictionaries without ICU.
/// </remarks>
internal sealed class HanWordAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
#pragma warning disable CS0618 // Deprecated only in favour of the ICU-based tokenizer (see remarks).
        var sentences = new SentenceTokenizer(reader);
        TokenStream words = new WordTokenFilter(sentences);
#pragma warning restore CS0618
        return new TokenStreamComponents(sentences, new HanTokenFilter(words));
    }
}
