using System.Text.RegularExpressions;

namespace Platform.SearchBench;

/// <summary>
/// Seeded video titles, tags and queries: English words from MovieLens movie titles and common Chinese words, both
/// drawn Zipf-distributed (a few words are in many titles, most in few), 30% of titles Chinese.
/// </summary>
public sealed partial class SyntheticCatalog
{
    private static readonly string[] ChineseWords =
    [
        "美食", "做饭", "刀工", "家常菜", "红烧肉", "教程", "三分钟", "学会", "旅行", "音乐", "舞蹈", "搞笑", "宠物", "小猫", "小狗", "健身",
        "减肥", "化妆", "穿搭", "游戏", "电影", "动漫", "汽车", "手机", "数码", "科技", "编程", "学习", "英语", "考试", "历史", "科学",
        "自然", "风景", "城市", "乡村", "美女", "帅哥", "明星", "综艺", "新闻", "体育", "足球", "篮球", "跑步", "瑜伽", "烘焙", "蛋糕",
        "面包", "咖啡", "奶茶", "火锅", "烧烤", "早餐", "午餐", "晚餐", "甜点", "水果", "蔬菜", "海鲜", "牛肉", "鸡肉", "推荐", "大全",
    ];

    private readonly string[] _english;
    private readonly string[] _tags;
    private readonly Random _random;

    public SyntheticCatalog(string itemsPath, int seed)
    {
        _random = new Random(seed);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(itemsPath, System.Text.Encoding.Latin1))
        {
            var title = line.Split('|')[1];
            foreach (Match word in Word().Matches(title))
            {
                var w = word.Value.ToLowerInvariant();
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        // Most frequent first, so Zipf ranks follow real frequency.
        _english = [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key)];
        _tags = [.. _english.Take(400), .. ChineseWords];
    }

    public int EnglishWords => _english.Length;

    public string Title()
    {
        if (_random.Next(10) < 3)
        {
            var n = 2 + _random.Next(3);
            var words = new string[n];
            for (var i = 0; i < n; i++)
            {
                words[i] = ChineseWords[Zipf(ChineseWords.Length)];
            }

            return string.Concat(words);
        }

        var count = 2 + _random.Next(6);
        var title = new string[count];
        for (var i = 0; i < count; i++)
        {
            title[i] = Capitalize(_english[Zipf(_english.Length)]);
        }

        return string.Join(' ', title);
    }

    public string[] Tags()
    {
        var n = 1 + _random.Next(4);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            tags.Add(_tags[Zipf(_tags.Length)]);
        }

        return [.. tags];
    }

    /// <summary>A query as people type them: one or two English words (Zipf), or one or two Chinese words.</summary>
    public string Query() => _random.Next(10) switch
    {
        < 4 => _english[Zipf(_english.Length)],
        < 7 => $"{_english[Zipf(_english.Length)]} {_english[Zipf(_english.Length)]}",
        < 9 => ChineseWords[Zipf(ChineseWords.Length)],
        _ => ChineseWords[Zipf(ChineseWords.Length)] + ChineseWords[Zipf(ChineseWords.Length)],
    };

    public string Tag() => _tags[Zipf(_tags.Length)];

    public int Next(int max) => _random.Next(max);

    /// <summary>A Zipf(1) rank in [0, n) by inverting the harmonic CDF approximately (ln).</summary>
    private int Zipf(int n)
    {
        var u = _random.NextDouble();
        var rank = (int)Math.Exp(u * Math.Log(n + 1)) - 1;
        return Math.Clamp(rank, 0, n - 1);
    }

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Word();
}
