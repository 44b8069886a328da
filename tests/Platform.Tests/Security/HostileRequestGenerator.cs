using System.Globalization;
using System.Text;

namespace Platform.Tests.Security;

/// <summary>
/// Generates hostile requests for every route from a seed. Every request it makes is invalid by construction
/// (or a read that changes nothing), so none may change the platform; each aims at the known world's ids, so a
/// validation gap shows up as a changed counter, not only as a wrong status.
/// </summary>
public sealed class HostileRequestGenerator(KnownWorld world, int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Ids that break the contract's id rule: bad characters, unicode tricks, empty or too long.</summary>
    private static readonly string[] HostileIdSeeds =
    [
        "", " ", "a b", "a/b", "a\\b", "../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f", "a%00b", "a\0b", "\0",
        "\u202Eevil", "a\u200Bb", "\u200D", "\uFEFFa", "é", "ａ", "😀", "a\ud800b", "\udfff", "\ud800\ud800", "<script>alert(1)</script>",
        "' OR 1=1--", "${jndi:ldap://x}", "{{7*7}}", "a\r\nSet-Cookie: x=1", "a\nb", "a\tb", "a?b", "a#b", "a&b", "a=b", "a;b",
        "a,b", "a\"b", "a'b", "a+b", "a*b", "a@b", "a|b", "a~b", "a$b", "a!b", "[a]", "(a)", "ǅ", "İ", "ß", "\u0085", "\u2028",
    ];

    private static readonly string[] BadCounts =
    [
        "", "0", "101", "-1", "-0", "+5", " 5", "5 ", "5.0", "1e2", "0x10", "abc", "NaN", "Infinity", "99999999999999999999",
        "2147483648", "-2147483649", "٣", "５", "5%00", "%00", "5,5", "true", "null", "[5]", "1000000",
    ];

    private static readonly string[] BadKeys =
    [
        "", " ", "wrong", "x", new string('k', 4096), "null", "undefined", "*", "%", "Bearer anything",
    ];

    private static readonly string[] NonJsonContentTypes =
    [
        "text/plain", "application/xml", "text/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/jsonx", "json", "application/octet-stream", "*/*", "application/", ";;;", "application/json-seq",
        "text/html; charset=utf-8", "application/javascript",
    ];

    private static readonly string[] OddMethods = ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "PROPFIND", "M-SEARCH"];

    public IEnumerable<FuzzRequest> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(100);
            yield return roll switch
            {
                < 30 => HostileEventBatch(),
                < 40 => BrokenJson("/v1/events", EventBatchText(ValidEvents())),
                < 44 => WrongContentType("/v1/events", EventBatchText(ValidEvents())),
                < 54 => HostileRegistration(),
                < 57 => BrokenJson("/v1/videos", RegistrationText(ValidRegistration(_random.Next(world.Videos.Length)))),
                < 59 => WrongContentType("/v1/videos", RegistrationText(ValidRegistration(_random.Next(world.Videos.Length)))),
                < 71 => HostileIdInPath(),
                < 79 => HostileFeedQuery(),
                < 85 => HostileAdmin(),
                < 92 => OddMethod(),
                < 96 => Traversal(),
                < 98 => Management(),
                _ => DeepNesting(),
            };
        }
    }

    /// <summary>A few bodies over the 1 MiB limit, with and without Content-Length.</summary>
    public IEnumerable<FuzzRequest> Oversized()
    {
        foreach (var path in new[] { "/v1/events", "/v1/videos" })
        {
            foreach (var chunked in new[] { false, true })
            {
                for (var i = 0; i < 3; i++)
                {
                    var size = (1 << 20) + 1 + _random.Next(1 << 20);
                    var body = new byte[size];
                    var prefix = "{\"events\":[{\"eventId\":\""u8;
                    prefix.CopyTo(body);
                    body.AsSpan(prefix.Length).Fill((byte)'a');
                    yield return new FuzzRequest($"oversized {size} chunked={chunked}", "POST", path, body, "application/json", Chunked: chunked);
                }
            }
        }
    }

    private Dictionary<string, string> ValidEvent()
    {
        var user = Pick(world.Users);
        var video = _random.Next(world.Videos.Length);
        var e = new Dictionary<string, string>
        {
            ["eventId"] = Str($"fz-{_random.Next():x}"),
            ["userId"] = Str(user),
        };
        switch (_random.Next(6))
        {
            case 0:
                e["type"] = Str("follow");
                e["creatorId"] = Str(world.CreatorOf(video));
                break;
            case 1:
                e["type"] = Str(Pick(["like", "unlike", "share", "comment", "skip"]));
                e["videoId"] = Str(world.Videos[video]);
                break;
            default:
                e["type"] = Str("view");
                e["videoId"] = Str(world.Videos[video]);
                e["watchMs"] = _random.Next(0, 60_000).ToString(CultureInfo.InvariantCulture);
                if (_random.Next(3) == 0)
                {
                    e["at"] = Str("2026-11-22T10:00:00Z");
                }

                break;
        }

        return e;
    }

    private List<Dictionary<string, string>> ValidEvents()
    {
        var events = new List<Dictionary<string, string>>();
        var n = 1 + _random.Next(6);
        for (var i = 0; i < n; i++)
        {
            events.Add(ValidEvent());
        }

        return events;
    }

    private FuzzRequest HostileEventBatch()
    {
        var events = ValidEvents();
        var target = events[_random.Next(events.Count)];
        var isView = target["type"] == Str("view");
        var isSocial = target.ContainsKey("creatorId");
        string label;
        switch (_random.Next(12))
        {
            case 0:
            {
                var field = Pick(RequiredFields(target));
                target[field] = Str(HostileId());
                label = $"hostile id in {field}";
                break;
            }

            case 1:
            {
                var field = Pick(RequiredFields(target));
                target[field] = Pick(["123", "true", "false", "{}", "[]", "null", "1e400", "-0", "[\"u\"]", "{\"id\":\"x\"}"]);
                label = $"wrong type in {field}";
                break;
            }

            case 2:
            {
                var field = Pick(RequiredFields(target));
                target.Remove(field);
                label = $"missing {field}";
                break;
            }

            case 3:
                target["type"] = Pick([Str("View"), Str("VIEW"), Str(" view"), Str("view\0"), Str(""), Str("likes"), Str("follow "),
                    Str("vi\u200Bew"), Str("\u202Eweiv"), "1", "null", "true", "[\"view\"]", "{}", Str("takedown"), Str("admin")]);
                label = "bad type";
                break;
            case 4:
                target["watchMs"] = Pick(["-1", "86400001", "1e400", "1.5", "\"1000\"", "true", "9223372036854775808",
                    "-9223372036854775809", "1E3", "-0.0", "[]", "{}", "\"NaN\"", "\"Infinity\"", "0.0000001", "123456789012345678901234567890"]);
                label = "bad watchMs";
                break;
            case 5 when isView:
                target.Remove("watchMs");
                label = "view without watchMs";
                break;
            case 6:
                target["at"] = Pick([Str("yesterday"), Str("2026-13-01T00:00:00Z"), Str("2026-11-31T25:61:00Z"), "12345", "true", "{}",
                    Str(new string('9', 41)), Str("\ud800"), Str("2026-11-22T10:00:00Z\0"), Str("2026-11-22T10:00:00Z" + new string(' ', 30))]);
                label = "bad at";
                break;
            case 7 when isSocial:
                target.Remove("creatorId");
                target["videoId"] = Str(Pick(world.Videos));
                label = "follow without creator";
                break;
            case 8 when !isSocial:
                target.Remove("videoId");
                target["creatorId"] = Str(Pick(world.Creators));
                label = "video event without video";
                break;
            case 9:
            {
                // A second copy of a field: refused whatever the values, so no reader can take the other one.
                var field = Pick(target.Keys.ToArray());
                var text = EventBatchText(events).Replace(
                    $"\"{field}\":{target[field]}", $"\"{field}\":{target[field]},\"{field}\":{target[field]}", StringComparison.Ordinal);
                return Post("/v1/events", $"duplicate {field}", Encoding.UTF8.GetBytes(text));
            }

            case 10:
            {
                var notObject = Pick(["1", "\"event\"", "[]", "null", "true", "[{}]"]);
                var text = EventBatchText(events);
                var index = text.IndexOf("[{", StringComparison.Ordinal) + 1;
                return Post("/v1/events", "event not an object", Encoding.UTF8.GetBytes(text.Insert(index, notObject + ",")));
            }

            default:
            {
                var body = Pick([
                    "[]", "\"events\"", "1", "null", "true", "{}", "{\"events\":{}}", "{\"events\":\"x\"}", "{\"events\":[]}",
                    "{\"events\":null}", "{\"event\":" + EventsArray(events) + "}", "{\"Events\":" + EventsArray(events) + "}",
                    TooManyEvents(),
                ]);
                return Post("/v1/events", "bad envelope", Encoding.UTF8.GetBytes(body));
            }
        }

        return Post("/v1/events", label, Encoding.UTF8.GetBytes(EventBatchText(events)));
    }

    private static string[] RequiredFields(Dictionary<string, string> e) =>
        e.ContainsKey("creatorId") ? ["eventId", "userId", "creatorId", "type"] : ["eventId", "userId", "videoId", "type"];

    private string TooManyEvents()
    {
        var events = new List<Dictionary<string, string>>(1001);
        for (var i = 0; i < 1001; i++)
        {
            events.Add(ValidEvent());
        }

        return EventBatchText(events);
    }

    private FuzzRequest BrokenJson(string path, string valid)
    {
        var bytes = Encoding.UTF8.GetBytes(valid);
        switch (_random.Next(12))
        {
            case 0:
                return Post(path, "truncated", bytes[..(1 + _random.Next(bytes.Length - 1))]);
            case 1:
                return Post(path, "trailing comma", Encoding.UTF8.GetBytes(valid[..^1] + ",}"));
            case 2:
                return Post(path, "comment", Encoding.UTF8.GetBytes("//c\n" + valid));
            case 3:
                return Post(path, "single quotes", Encoding.UTF8.GetBytes(valid.Replace('"', '\'')));
            case 4:
            {
                var literal = Pick(["NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x1F", "undefined", "None", "nul"]);
                var field = path == "/v1/events" ? "\"watchMs\":" : "\"durationMs\":";
                var at = valid.IndexOf(field, StringComparison.Ordinal);
                var text = at < 0
                    ? valid.Insert(1, $"\"watchMs\":{literal},")
                    : valid[..(at + field.Length)] + literal + valid[valid.IndexOfAny([',', '}'], at + field.Length)..];
                return Post(path, $"literal {literal}", Encoding.UTF8.GetBytes(text));
            }

            case 5:
            {
                // Invalid UTF-8 inside a string: a stray byte, an overlong encoding, an encoded surrogate, a truncated sequence.
                byte[][] bad = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]];
                var at = valid.IndexOf("\":\"", StringComparison.Ordinal) + 3;
                var prefix = Encoding.UTF8.GetByteCount(valid[..at]);
                return Post(path, "invalid utf-8", [.. bytes[..prefix], .. Pick(bad), .. bytes[prefix..]]);
            }

            case 6:
            {
                var at = valid.IndexOf("\":\"", StringComparison.Ordinal) + 3;
                var control = (char)_random.Next(0, 0x20);
                return Post(path, "raw control char", Encoding.UTF8.GetBytes(valid.Insert(at, control.ToString())));
            }

            case 7:
                return Post(path, "utf-16 body", Encoding.Unicode.GetBytes(valid));
            case 8:
                return Post(path, "garbage after", Encoding.UTF8.GetBytes(valid + Pick([" x", "{}", valid, "]", "\0", ","])));
            case 9:
                return Post(path, "garbage before", Encoding.UTF8.GetBytes(Pick(["x", ")]}'\n", "\0", "<", "[", ","]) + valid));
            case 10:
                return Post(path, "empty or blank", Encoding.UTF8.GetBytes(Pick(["", " ", "\n", "\t\r\n"])));
            default:
            {
                var junk = new byte[1 + _random.Next(512)];
                _random.NextBytes(junk);
                junk[0] = (byte)Pick("#%&)*-/<>?@\\^`|~"u8.ToArray());
                return Post(path, "random bytes", junk);
            }
        }
    }

    private FuzzRequest WrongContentType(string path, string valid)
    {
        var type = _random.Next(8) == 0 ? null : Pick(NonJsonContentTypes);
        return new FuzzRequest($"content type {type ?? "none"}", "POST", path, Encoding.UTF8.GetBytes(valid), type);
    }

    private Dictionary<string, string> ValidRegistration(int video) => new()
    {
        ["videoId"] = Str(world.Videos[video]),
        ["creatorId"] = Str(world.CreatorOf(video)),
        ["title"] = Str("Fuzz title"),
        ["tags"] = "[\"fuzz\",\"test\"]",
        ["durationMs"] = "30000",
    };

    private FuzzRequest HostileRegistration()
    {
        var video = _random.Next(world.Videos.Length);
        var r = ValidRegistration(video);
        string label;
        switch (_random.Next(8))
        {
            case 0:
                r[Pick(["videoId", "creatorId"])] = Str(HostileId());
                label = "hostile id";
                break;
            case 1:
                r[Pick(["videoId", "creatorId"])] = Pick(["1", "true", "null", "{}", "[]"]);
                label = "id wrong type";
                break;
            case 2:
                r["durationMs"] = Pick(["0", "-1", "3600001", "1e400", "\"30000\"", "1.5", "null", "true", "2147483648", "[]"]);
                label = "bad duration";
                break;
            case 3:
                r.Remove(Pick(["videoId", "creatorId", "durationMs"]));
                label = "missing field";
                break;
            case 4:
                r["title"] = Pick([
                    Str(new string('t', 201 + _random.Next(5000))), "1", "[]", "{}", "true", Str("a\0b"), Str("\u202Egnp.exe"),
                    Str("x\ud800"), Str("x\udc00y"), Str("bell\u0007"), Str("zero\u200Bwidth"), Str("\u2066isolate\u2069"), Str("\uFFFF"),
                ]);
                label = "bad title";
                break;
            case 5:
                r["tags"] = Pick([
                    "[" + string.Join(',', Enumerable.Range(0, 17).Select(i => Str($"t{i}"))) + "]",
                    "[" + Str(new string('g', 33)) + "]", "[\"\"]", "[\" \"]", "[1]", "[null]", "[{}]", "\"cooking\"", "{}", "1",
                    "[" + Str("a\0") + "]", "[" + Str("\u202Etag") + "]", "[" + Str("\ud83d") + "]", "[" + Str("a\u200Bb") + "]",
                ]);
                label = "bad tags";
                break;
            case 6:
                // Registered under another creator: a 409, and the video keeps its creator.
                r["creatorId"] = Str(world.CreatorOf((video + 1) % world.Videos.Length));
                r["title"] = Str("Stolen");
                label = "other creator";
                break;
            default:
            {
                var key = Pick(r.Keys.ToArray());
                var text = RegistrationText(r).Replace($"\"{key}\":{r[key]}", $"\"{key}\":{r[key]},\"{key}\":{r[key]}", StringComparison.Ordinal);
                return Post("/v1/videos", $"duplicate {key}", Encoding.UTF8.GetBytes(text));
            }
        }

        return Post("/v1/videos", $"registration: {label}", Encoding.UTF8.GetBytes(RegistrationText(r)));
    }

    private FuzzRequest HostileIdInPath()
    {
        var id = Uri.EscapeDataString(HostileId());
        var template = Pick([
            "/v1/videos/{0}", "/v1/videos/{0}/stats", "/v1/users/{0}", "/v1/users/{0}/feed", "/v1/users/{0}/feed?count=5",
            "/v1/creators/{0}/stats", "/v1/creators/{0}/live", "/creators/{0}", "/studio/{0}",
        ]);
        if (template.EndsWith("/live", StringComparison.Ordinal) || template.StartsWith("/studio", StringComparison.Ordinal))
        {
            // Only hostile ids here: a valid creator's live stream never ends, and a valid studio file name is a plain read.
            return new FuzzRequest("hostile id in path", "GET", string.Format(CultureInfo.InvariantCulture, template, id));
        }

        if (_random.Next(5) == 0)
        {
            // A valid, never registered id: a 404 problem or empty counters.
            id = $"nobody-{_random.Next():x}";
            if (template.Contains("feed", StringComparison.Ordinal))
            {
                return new FuzzRequest("feed with bad count", "GET", $"/v1/users/{id}/feed?count={Uri.EscapeDataString(Pick(BadCounts))}");
            }

            return new FuzzRequest("unknown id", "GET", string.Format(CultureInfo.InvariantCulture, template, id), MaySucceed: true);
        }

        if (_random.Next(5) == 0)
        {
            // Known ids with junk around them: reads only.
            var known = template.Contains("videos", StringComparison.Ordinal) ? Pick(world.Videos)
                : template.Contains("creators", StringComparison.Ordinal) ? Pick(world.Creators) : Pick(world.Users);
            if (!template.Contains("feed", StringComparison.Ordinal))
            {
                var junk = Pick(["?x=%00", "?count=-1", "/", "?%ZZ", "?a=" + new string('q', 2000), "?__proto__=1"]);
                return new FuzzRequest("known id with junk", "GET", string.Format(CultureInfo.InvariantCulture, template, known) + junk, MaySucceed: true);
            }
        }

        return new FuzzRequest("hostile id in path", "GET", string.Format(CultureInfo.InvariantCulture, template, id));
    }

    private FuzzRequest HostileFeedQuery()
    {
        var count = Pick(BadCounts);
        var query = _random.Next(6) switch
        {
            0 => $"count=5&count={Uri.EscapeDataString(count)}",
            // Unescaped, except white space, which the client would trim off the end of the URL.
            1 when !count.Any(char.IsWhiteSpace) => $"count={count}",
            _ => $"count={Uri.EscapeDataString(count)}",
        };
        return new FuzzRequest($"feed count '{count}'", "GET", $"/v1/users/{Pick(world.Users)}/feed?{query}");
    }

    private FuzzRequest HostileAdmin()
    {
        var video = Pick(world.Videos);
        return _random.Next(4) switch
        {
            0 => new FuzzRequest("takedown without key", "POST", $"/v1/admin/videos/{video}/takedown"),
            1 => new FuzzRequest("takedown with a near key", "POST", $"/v1/admin/videos/{video}/takedown",
                // Not leading or trailing white space: HTTP strips it from header values, so "key " is the key.
                ApiKey: Pick([world.AdminKey[..^1], world.AdminKey[1..], world.AdminKey.ToUpperInvariant(), world.AdminKey + world.AdminKey,
                    world.AdminKey + "x", "x" + world.AdminKey, world.AdminKey.Replace('-', '_'), world.AdminKey + ",x"])),
            2 => new FuzzRequest("takedown with a bad id", "POST", $"/v1/admin/videos/{Uri.EscapeDataString(HostileId())}/takedown",
                ApiKey: world.AdminKey),
            _ => new FuzzRequest("takedown with a wrong key", "POST", $"/v1/admin/videos/{video}/takedown", ApiKey: Pick(BadKeys)),
        };
    }

    private FuzzRequest OddMethod()
    {
        var (path, allowed) = Pick([
            ($"/v1/videos", "POST"), ($"/v1/events", "POST"), ($"/v1/videos/{Pick(world.Videos)}", "GET"),
            ($"/v1/videos/{Pick(world.Videos)}/stats", "GET"), ($"/v1/users/{Pick(world.Users)}", "GET DELETE"),
            ($"/v1/users/{Pick(world.Users)}/feed", "GET"), ($"/v1/creators/{Pick(world.Creators)}/stats", "GET"),
            ($"/v1/admin/videos/{Pick(world.Videos)}/takedown", "POST"),
        ]);
        var method = Pick([.. OddMethods.Where(m => !allowed.Contains(m, StringComparison.Ordinal)), allowed.StartsWith("GET", StringComparison.Ordinal) ? "POST" : "GET", "HEAD"]);
        var body = method is "GET" or "HEAD" or "TRACE" ? null : Encoding.UTF8.GetBytes(EventBatchText(ValidEvents()));
        return new FuzzRequest($"{method} on {allowed} route", method, path, body, body is null ? null : "application/json",
            ApiKey: path.Contains("admin", StringComparison.Ordinal) ? world.AdminKey : null);
    }

    private FuzzRequest Traversal()
    {
        var path = Pick([
            "/v1/videos/..%2F..%2F..%2Fetc%2Fpasswd", "/v1/videos/%2e%2e%2f%2e%2e%2fetc%2fpasswd/stats", "/v1/users/..%5C..%5Cwin.ini",
            "/v1/creators/%252e%252e%252f/stats", "/v1/users/%c0%ae%c0%ae%2f/feed", "/dashboard/..%2F..%2F..%2Fetc%2Fpasswd",
            "/dashboard/%2e%2e/%2e%2e/appsettings.json", "/dashboard/....//....//etc/passwd", "/v1/../../../../etc/passwd",
            "/appsettings.json", "/Platform.Silo.dll", "/.env", "/.git/config", "/v1/videos/%00", "/v1/videos/%ZZ", "/v1//videos",
            "/v1/videos/a%2Fb/stats", "/%2e%2e/%2e%2e/etc/passwd", "/v1/users/%E2%80%AE/feed?count=5", "/metrics/../appsettings.json",
            "/v1/admin/videos/..%2F..%2Fvideos/takedown", "/studio/..%2F..%2Fappsettings.json", "/studio/%2e%2e%2fPlatform.Silo.dll",
            "/studio/..%5Cappsettings.json", "/studio/%00", "/creators/..%2F..%2Fetc%2Fpasswd",
        ]);
        return new FuzzRequest("traversal", _random.Next(4) == 0 ? "POST" : "GET", path, MaySucceed: false);
    }

    private FuzzRequest Management() => _random.Next(3) switch
    {
        0 => new FuzzRequest("metrics with junk", "GET", Pick(["/metrics?x=%00", "/metrics?format=../../etc", "/metrics/", "/health/live?x=1", "/health/ready"]), MaySucceed: true),
        1 => new FuzzRequest("write to operations route", Pick(["POST", "PUT", "DELETE"]), Pick(["/metrics", "/health/live", "/health/ready"]),
            Encoding.UTF8.GetBytes("{}"), "application/json"),
        _ => new FuzzRequest("dashboard junk", "GET", "/dashboard/" + Pick(["%00", "x%2F..%2F..%2Fappsettings.json", "api/" + Uri.EscapeDataString(HostileId())]), MaySucceed: true),
    };

    private FuzzRequest DeepNesting()
    {
        var depth = 33 + _random.Next(20_000);
        var (open, close) = _random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var text = _random.Next(2) == 0
            ? nested
            : EventBatchText([.. ValidEvents().Select((e, i) => i == 0 ? new Dictionary<string, string>(e) { ["extra"] = nested } : e)]);
        return Post(_random.Next(4) == 0 ? "/v1/videos" : "/v1/events", $"nesting depth {depth}", Encoding.UTF8.GetBytes(text));
    }

    private string HostileId()
    {
        var seedId = Pick(HostileIdSeeds);
        var id = _random.Next(6) switch
        {
            0 => new string((char)('a' + _random.Next(26)), 65 + _random.Next(3000)),
            1 when seedId.Length > 0 => "v-" + seedId + new string('x', _random.Next(70)),
            2 when seedId.Length > 0 => string.Concat(Enumerable.Repeat(seedId, 1 + _random.Next(40))),
            _ => seedId,
        };

        // Guard: whatever the mix, never an id the contract allows ([A-Za-z0-9_.:-]{1,64}).
        return id.Length is >= 1 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-') ? id + "!" : id;
    }

    private static FuzzRequest Post(string path, string label, byte[] body) => new(label, "POST", path, body, "application/json");

    private static string EventsArray(List<Dictionary<string, string>> events) =>
        "[" + string.Join(',', events.Select(ObjectText)) + "]";

    private static string EventBatchText(List<Dictionary<string, string>> events) => "{\"events\":" + EventsArray(events) + "}";

    private static string RegistrationText(Dictionary<string, string> r) => ObjectText(r);

    private static string ObjectText(Dictionary<string, string> fields) =>
        "{" + string.Join(',', fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";

    /// <summary>A JSON string literal; every non-ASCII char as a \u escape, so lone surrogates and NULs go through as written.</summary>
    private static string Str(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < 0x20 || c > 0x7E)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
