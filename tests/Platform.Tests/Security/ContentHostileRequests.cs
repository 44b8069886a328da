using System.Globalization;
using System.Text;

namespace Platform.Tests.Security;

/// <summary>
/// Seeded hostile requests for the content routes (reports, comments, moderation decisions, audit, queue, hiding,
/// fingerprints). Each is invalid by construction, or a decision that does not apply to a published video (409):
/// none may change anything.
/// </summary>
public sealed class ContentHostileRequests(KnownWorld world, int seed)
{
    private static readonly string[] BadTexts =
    [
        "\"\"", "\"   \"", "1", "true", "[]", "{}", "\"a\\u0000b\"", "\"\\u202Egnp.exe\"", "\"x\\ud800\"", "\"x\\udc00y\"",
        "\"bell\\u0007\"", "\"zero\\u200Bwidth\"", "\"\\u2066isolate\\u2069\"", "\"\\uFFFF\"", "\"line\\u2028sep\"",
    ];

    private static readonly string[] BadIds = ["\"\"", "\"a b\"", "\"../x\"", "\"v%2F1\"", "1", "null", "[]", "\"" + new string('i', 65) + "\"", "\"é\""];

    private static readonly string[] BadReasons = ["\"Spam\"", "\"boring\"", "\"\"", "1", "null", "[]", "\"spam \"", "\"copyright\\u0000\""];

    private static readonly string[] BadFingerprints =
        ["\"0123456789abcde\"", "\"0123456789abcdef0\"", "\"0123456789abcdeg\"", "\"+123456789abcdef\"", "\"0x23456789abcdef\"", "\" 123456789abcdef\"", "1", "[]", "true", "\"\""];

    private readonly Random _random = new(seed);

    public IEnumerable<FuzzRequest> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return _random.Next(10) switch
            {
                0 or 1 => HostileReport(),
                2 or 3 => HostileComment(),
                4 => HostileCommentListing(),
                5 or 6 => HostileDecision(),
                7 => HostileAdminRead(),
                8 => HostileFingerprint(),
                _ => HostileHide(),
            };
        }
    }

    private FuzzRequest HostileReport()
    {
        var video = Pick(world.Videos);
        var fields = new Dictionary<string, string> { ["userId"] = $"\"{Pick(world.Users)}\"", ["reason"] = "\"spam\"" };
        string label;
        switch (_random.Next(7))
        {
            case 0:
                fields["userId"] = Pick(BadIds);
                label = "bad userId";
                break;
            case 1:
                fields["reason"] = Pick(BadReasons);
                label = "bad reason";
                break;
            case 2:
                fields["detail"] = Pick([.. BadTexts, "\"" + new string('d', 501) + "\""]);
                label = "bad detail";
                break;
            case 3:
                fields.Remove(Pick(["userId", "reason"]));
                label = "missing field";
                break;
            case 4:
                return new FuzzRequest("report on a hostile video id", "POST", $"/v1/videos/{Uri.EscapeDataString(Pick(["a b", "..", "v/1", new string('v', 65), "é"]))}/reports",
                    Encoding.UTF8.GetBytes(Json(fields)), "application/json");
            case 5:
                return new FuzzRequest("report not JSON", "POST", $"/v1/videos/{video}/reports", Encoding.UTF8.GetBytes(Json(fields)), Pick(["text/plain", "application/x-www-form-urlencoded"]));
            default:
                return Post($"/v1/videos/{video}/reports", "report duplicate key", Json(fields).Replace("\"reason\":\"spam\"", "\"reason\":\"spam\",\"reason\":\"hate\"", StringComparison.Ordinal));
        }

        return Post($"/v1/videos/{video}/reports", $"report: {label}", Json(fields));
    }

    private FuzzRequest HostileComment()
    {
        var video = Pick(world.Videos);
        var fields = new Dictionary<string, string>
        {
            ["commentId"] = $"\"fuzz-cm-{_random.Next():x}\"", ["userId"] = $"\"{Pick(world.Users)}\"", ["text"] = "\"fine text\"",
        };
        string label;
        switch (_random.Next(7))
        {
            case 0:
                var field = Pick(["commentId", "userId", "parentId"]);

                // A null parentId is no parent: allowed.
                fields[field] = Pick(field == "parentId" ? [.. BadIds.Where(id => id != "null")] : BadIds);
                label = "bad id";
                break;
            case 1:
            case 2:
                fields["text"] = Pick([.. BadTexts, "\"" + new string('t', 501 + _random.Next(3000)) + "\""]);
                label = "bad text";
                break;
            case 3:
                fields.Remove(Pick(["commentId", "userId", "text"]));
                label = "missing field";
                break;
            case 4:
                // A reply to a comment that does not exist: 404, nothing stored.
                fields["parentId"] = $"\"nobody-{_random.Next():x}\"";
                label = "unknown parent";
                break;
            case 5:
                fields["parentId"] = fields["commentId"];
                label = "reply to itself";
                break;
            default:
                return new FuzzRequest("comment on a hostile video id", "POST", $"/v1/videos/{Uri.EscapeDataString(Pick(["a b", "v/1", new string('v', 65)]))}/comments",
                    Encoding.UTF8.GetBytes(Json(fields)), "application/json");
        }

        return Post($"/v1/videos/{video}/comments", $"comment: {label}", Json(fields));
    }

    private FuzzRequest HostileCommentListing()
    {
        var query = _random.Next(4) switch
        {
            0 => $"count={Uri.EscapeDataString(Pick(["0", "-1", "101", "1e2", "abc", "", "5\0", "99999999999"]))}",
            1 => $"before={Uri.EscapeDataString(Pick(["a b", new string('b', 65), "é", ""]))}",
            2 => $"before=nobody-{_random.Next():x}",
            _ => "count=5&count=6",
        };
        return new FuzzRequest("comment listing: bad query", "GET", $"/v1/videos/{Pick(world.Videos)}/comments?{query}");
    }

    private FuzzRequest HostileDecision()
    {
        var action = Pick(["approve", "reject", "restore", "takedown"]);
        var video = Pick(world.Videos);
        return _random.Next(5) switch
        {
            0 => new FuzzRequest($"{action} without key", "POST", $"/v1/admin/videos/{video}/{action}"),
            1 => new FuzzRequest($"{action} with a wrong key", "POST", $"/v1/admin/videos/{video}/{action}", ApiKey: world.AdminKey + "x"),
            2 => new FuzzRequest($"{action} with a bad note", "POST", $"/v1/admin/videos/{video}/{action}",
                Encoding.UTF8.GetBytes("{\"note\":" + Pick([.. BadTexts, "\"" + new string('n', 501) + "\""]) + "}"), "application/json", world.AdminKey),
            3 => new FuzzRequest($"{action} with a hostile id", "POST", $"/v1/admin/videos/{Uri.EscapeDataString(Pick(["a b", new string('v', 65), "é"]))}/{action}", ApiKey: world.AdminKey),
            // Every video of the world is published: approve, reject and restore do not apply (409), and change nothing.
            _ when action != "takedown" => new FuzzRequest($"{action} of a published video", "POST", $"/v1/admin/videos/{video}/{action}", ApiKey: world.AdminKey),
            _ => new FuzzRequest("takedown with broken JSON", "POST", $"/v1/admin/videos/{video}/takedown", Encoding.UTF8.GetBytes("{\"note\":"), "application/json", world.AdminKey),
        };
    }

    private FuzzRequest HostileAdminRead() => _random.Next(4) switch
    {
        0 => new FuzzRequest("queue without key", "GET", "/v1/admin/moderation/queue"),
        1 => new FuzzRequest("queue with bad count", "GET", $"/v1/admin/moderation/queue?count={Uri.EscapeDataString(Pick(["0", "501", "-5", "x"]))}", ApiKey: world.AdminKey),
        2 => new FuzzRequest("audit without key", "GET", $"/v1/admin/videos/{Pick(world.Videos)}/audit", ApiKey: Pick(["", "wrong", world.AdminKey.ToUpperInvariant()])),
        _ => new FuzzRequest("moderation page", "GET", "/moderation" + Pick(["", "?key=x", "/"]), MaySucceed: true),
    };

    private FuzzRequest HostileFingerprint()
    {
        var video = $"fuzz-fp-{_random.Next():x}";
        var body = $"{{\"videoId\":\"{video}\",\"creatorId\":\"{Pick(world.Creators)}\",\"title\":\"t\",\"durationMs\":1000,\"fingerprint\":{Pick(BadFingerprints)}}}";
        return Post("/v1/videos", "registration: bad fingerprint", body);
    }

    private FuzzRequest HostileHide() => _random.Next(3) switch
    {
        0 => new FuzzRequest("hide without key", "POST", $"/v1/admin/comments/fuzz-{_random.Next():x}/hide"),
        1 => new FuzzRequest("hide a hostile id", "POST", $"/v1/admin/comments/{Uri.EscapeDataString(Pick(["a b", new string('c', 65), "é"]))}/hide", ApiKey: world.AdminKey),
        _ => new FuzzRequest("hide an unknown comment", "POST", $"/v1/admin/comments/nobody-{_random.Next():x}/hide", ApiKey: world.AdminKey),
    };

    private static FuzzRequest Post(string path, string label, string body) => new(label, "POST", path, Encoding.UTF8.GetBytes(body), "application/json");

    private static string Json(Dictionary<string, string> fields) =>
        "{" + string.Join(',', fields.Select(f => string.Create(CultureInfo.InvariantCulture, $"\"{f.Key}\":{f.Value}"))) + "}";

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
