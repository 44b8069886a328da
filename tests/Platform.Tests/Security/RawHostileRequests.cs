using System.Text;

namespace Platform.Tests.Security;

/// <summary>Requests broken at the HTTP level, which only a raw socket can send: each must get a 4xx or a closed connection.</summary>
public static class RawHostileRequests
{
    public static IEnumerable<(string Label, byte[] Bytes)> Generate(KnownWorld world, int seed)
    {
        var random = new Random(seed);
        var user = world.Users[0];
        var video = world.Videos[0];
        var batch = $"{{\"events\":[{{\"eventId\":\"raw-{seed}\",\"userId\":\"{user}\",\"videoId\":\"{video}\",\"type\":\"like\"}}]}}";
        var body = Encoding.ASCII.GetBytes(batch);

        (string, string)[] heads =
        [
            ("garbage request line", "GARBAGE\r\n\r\n"),
            ("unknown version", "GET /health/live HTTP/9.9\r\nHost: x\r\n\r\n"),
            ("no host", "GET /v1/users/%00/feed HTTP/1.1\r\n\r\n"),
            ("two hosts", $"GET /v1/users/{user}/feed?count=0 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
            ("header without colon", "GET /v1/videos/%00 HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n"),
            ("space before colon", "GET /v1/videos/%00 HTTP/1.1\r\nHost : x\r\n\r\n"),
            ("raw dot segments", $"GET /v1/videos/../../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("raw backslashes", "GET /v1/videos/..\\..\\..\\windows\\win.ini HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("absolute form to elsewhere", "GET http://evil.example/v1/videos/%00 HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("asterisk form", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("bare LF", "GET /v1/videos/%00 HTTP/1.1\nHost: x\n\n"),
            ("lone CR in header", "GET /v1/videos/%00 HTTP/1.1\r\nHost: x\rX: y\r\n\r\n"),
            ("folded header", "GET /v1/videos/%00 HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  continued\r\n\r\n"),
            ("control char in path", "GET /v1/videos/a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("huge header", $"GET /v1/videos/%00 HTTP/1.1\r\nHost: x\r\nX-Big: {new string('b', 40_000)}\r\n\r\n"),
            ("many headers", $"GET /v1/videos/%00 HTTP/1.1\r\nHost: x\r\n{string.Concat(Enumerable.Range(0, 300).Select(i => $"X-H{i}: {i}\r\n"))}\r\n"),
            ("huge request line", $"GET /v1/videos/{new string('v', 20_000)} HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("negative content length", $"POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n{batch}"),
            ("non-numeric content length", $"POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{batch}"),
            ("conflicting content lengths", $"POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: {body.Length}\r\n\r\n{batch}"),
            ("content length and chunked", $"POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{batch}\r\n0\r\n\r\n"),
            ("bad chunk size", $"POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n{batch}\r\n0\r\n\r\n"),
            ("huge chunk size", $"POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n{batch}\r\n0\r\n\r\n"),
            ("unknown transfer coding", $"POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n{batch}"),
            ("declared oversize", $"POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{batch}"),
            ("http2 preface on http1", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
            ("method with space", "G ET /v1/videos/%00 HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("lower-case method", $"get /v1/users/{user}/feed?count=0 HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("connect method", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n"),
        ];
        foreach (var (label, text) in heads)
        {
            yield return (label, Encoding.Latin1.GetBytes(text));
        }

        // Raw non-ASCII and invalid UTF-8 in the path and in header values.
        byte[][] oddBytes = [[0xC3, 0xA9], [0xFF], [0xC0, 0xAE], [0xE2, 0x80, 0xAE], [0x00], [0xED, 0xA0, 0x80], [0x7F]];
        for (var i = 0; i < 40; i++)
        {
            var odd = oddBytes[random.Next(oddBytes.Length)];
            var inPath = random.Next(2) == 0;
            byte[] bytes = inPath
                ? [.. "GET /v1/videos/v"u8, .. odd, .. " HTTP/1.1\r\nHost: x\r\n\r\n"u8]
                : [.. Encoding.ASCII.GetBytes($"POST /v1/admin/videos/{video}/takedown HTTP/1.1\r\nHost: x\r\nX-Api-Key: "), .. Encoding.ASCII.GetBytes(world.AdminKey), .. odd, .. "\r\nContent-Length: 0\r\n\r\n"u8];
            yield return ($"odd bytes {Convert.ToHexString(odd)} in {(inPath ? "path" : "admin key")}", bytes);
        }
    }
}
