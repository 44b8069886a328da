using System.Text;
using System.Text.Json;

namespace Platform.Tests.Security;

/// <summary>
/// Seeded hostile requests for the discovery routes (search, tag pages, trending tags). All of them are reads, so
/// none may change anything; those invalid by construction (a bad q, tag or count) must get a 4xx problem, the
/// others (query syntax a search engine might choke on, odd but valid tags) a 200 or a 4xx problem, never a 5xx.
/// </summary>
public sealed class HostileDiscoveryRequests(KnownWorld world, int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Queries the contract refuses: empty, blank, too long, invisible or control characters.</summary>
    private static readonly string[] BadQueries =
    [
        "", " ", "   ", "\t", "\n", "a\0b", "\0", "\u202Eevil", "a\u200Bb", "\uFEFF", "\u2066x\u2069", "bell\u0007", "a\u2028b",
        "\u0085", "\uFFFF", "\uFDD0", new string('a', 101), new string('刀', 101), new string('x', 4000),
    ];

    /// <summary>Queries that are valid text but aim at the query parser and the analyzers.</summary>
    private static readonly string[] OddQueries =
    [
        "\"", "\"unclosed", "*", "***", "a*", "*a", "-", "--a", "+", "+a +b", "|", "a | b | c", "(", ")", "((((((((((((((((a", "a)))))",
        "a~", "a~2", "a~99999999999999999999", "\"a b\"~", "\"a b\"~2147483648", "\\", "\\\\\\", "title:knife", "tags:*",
        "knife AND NOT skills", "a\\*", "~~~", "\"\"\"\"", "😀", "👍🏽", "刀工", "三分钟学会刀工", "Ｋｎｉｆｅ",
        "<script>alert(1)</script>", "' OR 1=1--", "${jndi:ldap://x}", "{{7*7}}", "%00", "%ZZ", "..", "../../etc/passwd",
        "ǅ İ ß ﬁ", "Straße", "ﷺ", "Ⅻ", "x" + new string('~', 99), new string('*', 100), new string('(', 100), new string('"', 100),
        "fuzz", "video", "topic1 | topic2", "-fuzz", "fuzz*", "fuz~1",
    ];

    private static readonly string[] BadCounts =
    [
        "", "0", "101", "-1", "+5", " 5", "5 ", "5.0", "1e2", "0x10", "abc", "NaN", "99999999999999999999", "2147483648", "٣", "５",
        "%00", "5,5", "null", "[5]",
    ];

    private static readonly string[] BadTags =
    [
        " ", "  ", "a\u0001b", "\u202Etag", "a\u200Bb", "\uFEFF", "bell\u0007", new string('g', 33), new string('刀', 33), "\u2028",
    ];

    private static readonly string[] OddTags =
    [
        "fuzz", "FUZZ", "topic0", "a b", "a/b", "a\\b", "..", "%2e%2e", "a?b", "a#b", "a&b", "<script>", "' OR 1=1--", "刀工", "😀",
        "a%b", "nobody-tag", new string('g', 32),
    ];

    private static readonly string[] OddMethods = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"];

    public IEnumerable<FuzzRequest> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return _random.Next(100) switch
            {
                < 30 => BadSearch(),
                < 50 => OddSearch(),
                < 62 => BadTagPage(),
                < 74 => OddTagPage(),
                < 84 => BadTrendingTags(),
                < 92 => OddMethod(),
                _ => JunkParameters(),
            };
        }
    }

    private FuzzRequest BadSearch() => _random.Next(6) switch
    {
        0 => Get("search without q", "/v1/search"),
        1 => Get("search with two q", $"/v1/search?q=fuzz&q={Escape(Pick(OddQueries))}"),
        2 => Get("search with a bad count", $"/v1/search?q=fuzz&count={Escape(Pick(BadCounts))}"),
        3 => Get("search with an invalid utf-8 q", $"/v1/search?q=%FF%FE&count=5&q=x"),
        _ => Get("search with a bad q", $"/v1/search?q={Escape(Pick(BadQueries))}"),
    };

    private FuzzRequest OddSearch()
    {
        var query = Pick(OddQueries);
        var count = _random.Next(3) == 0 ? $"&count={1 + _random.Next(100)}" : "";
        return Get($"search '{query}'", $"/v1/search?q={Escape(query)}{count}", maySucceed: true);
    }

    private FuzzRequest BadTagPage() => _random.Next(3) == 0
        ? Get("tag page with a bad count", $"/v1/tags/{Pick(OddTags[..3])}/videos?count={Escape(Pick(BadCounts))}")
        : Get("tag page with a bad tag", $"/v1/tags/{Escape(Pick(BadTags))}/videos");

    private FuzzRequest OddTagPage()
    {
        var tag = Pick(OddTags);
        return Get($"tag page '{tag}'", $"/v1/tags/{Escape(tag)}/videos?count={1 + _random.Next(100)}", maySucceed: true);
    }

    private FuzzRequest BadTrendingTags() =>
        Get("trending tags with a bad count", $"/v1/trending/tags?count={Escape(Pick(BadCounts))}");

    private FuzzRequest OddMethod()
    {
        var path = Pick(["/v1/search?q=fuzz", $"/v1/tags/{Pick(OddTags[..3])}/videos", "/v1/trending/tags"]);
        var method = Pick(OddMethods);
        var body = method is "TRACE" ? null : Encoding.UTF8.GetBytes("{\"q\":\"fuzz\"}");
        return new FuzzRequest($"{method} on a discovery route", method, path, body, body is null ? null : "application/json");
    }

    private FuzzRequest JunkParameters()
    {
        var junk = Pick(["&x=%00", "&__proto__=1", "&a=" + new string('q', 2000), "&%ZZ", "&count", "&q"]);
        var path = Pick([$"/v1/search?q={world.Videos.Length}", "/v1/trending/tags?count=3", "/v1/tags/fuzz/videos?count=3"]);
        // "&q" and "&count" without values repeat a parameter (refused); other junk is ignored by a read.
        return Get($"discovery read with junk '{junk[..Math.Min(junk.Length, 12)]}'", path + junk,
            maySucceed: !(junk == "&q" && path.StartsWith("/v1/search", StringComparison.Ordinal)) && junk != "&count");
    }

    /// <summary>
    /// Which videos discovery shows of the known world, once all of them are searchable (as sorted ids: their order
    /// follows engagement reports that may still be arriving, and tag scores decay with time).
    /// </summary>
    public static async Task SnapshotAsync(HttpClient http, KnownWorld world, Dictionary<string, string> snapshot)
    {
        string[] paths = ["/v1/search?q=fuzz&count=100", "/v1/search?q=video&count=100", "/v1/tags/fuzz/videos?count=100"];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await IdsAsync(http, paths[0]) is var ids && ids.Split(',').Length < world.Videos.Length)
        {
            Assert.False(patience.IsCancellationRequested, $"the known world's videos are not all searchable: {ids}");
            await Task.Delay(50);
        }

        foreach (var path in paths)
        {
            snapshot[path] = await IdsAsync(http, path);
        }
    }

    private static async Task<string> IdsAsync(HttpClient http, string path)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(path));
        return string.Join(',', document.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("videoId").GetString()).Order(StringComparer.Ordinal));
    }

    private static FuzzRequest Get(string label, string path, bool maySucceed = false) => new(label, "GET", path, MaySucceed: maySucceed);

    private static string Escape(string text) => Uri.EscapeDataString(text);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
