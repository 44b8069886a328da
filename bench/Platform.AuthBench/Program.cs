using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using Platform.AuthBench;

// What jwt mode costs: feed and ingest throughput of the same single-node platform in open and in jwt mode,
// alternating in one process, one run (docs/benchmarks.md, "Identity: jwt vs open").
var options = AuthBenchOptions.Parse(args);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"{options.Concurrency} in flight, {options.Users} users, {options.Videos} videos, {options.Batch} events per ingest request, " +
    $"warm-up {options.WarmupSeconds} s, measured {options.Seconds} s per scenario, {options.Rounds} rounds");

var users = Enumerable.Range(0, options.Users).Select(i => $"ab-u-{i}").ToArray();
var tokens = users.Select(BenchPlatform.TokenFor).ToArray();
var results = new List<(string Mode, string Scenario, ClosedLoop.Result Result)>();
for (var round = 0; round < options.Rounds; round++)
{
    foreach (var jwt in new[] { false, true })
    {
        await using var platform = await BenchPlatform.StartAsync(jwt);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = platform.Address };
        var videos = Enumerable.Range(0, options.Videos).Select(i => $"ab-v-{i}").ToArray();
        await Parallel.ForAsync(0, videos.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/videos")
            {
                Content = JsonContent.Create(new { videoId = videos[i], creatorId = $"ab-c-{i % 50}", title = $"Bench {i}", tags = new[] { "bench" }, durationMs = 30_000 }),
            };
            request.Headers.Add("X-Api-Key", BenchPlatform.AppKey);
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
        });

        HttpRequestMessage Authorized(HttpMethod method, string path, int user)
        {
            var request = new HttpRequestMessage(method, path);
            if (jwt)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user]);
            }

            return request;
        }

        var mode = jwt ? "jwt" : "open";
        var feed = await ClosedLoop.RunAsync(options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.Seconds), async (_, n) =>
        {
            var user = (int)(n % users.Length);
            using var response = await http.SendAsync(Authorized(HttpMethod.Get, $"/v1/users/{users[user]}/feed?count=10", user));
            return response.IsSuccessStatusCode;
        });
        results.Add((mode, "feed", feed));

        var ingest = await ClosedLoop.RunAsync(options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.Seconds), async (worker, n) =>
        {
            var user = (int)(n % users.Length);
            var body = new StringBuilder("{\"events\":[");
            for (var e = 0; e < options.Batch; e++)
            {
                body.Append(e == 0 ? "" : ",").Append($"{{\"eventId\":\"ab-{mode}-{round}-{n}-{e}\",\"userId\":\"{users[user]}\",\"videoId\":\"{videos[(n * 7 + e * 13) % videos.Length]}\",\"type\":\"view\",\"watchMs\":12000}}");
            }

            var request = Authorized(HttpMethod.Post, "/v1/events", user);
            request.Content = new StringContent(body.Append("]}").ToString(), Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        });
        results.Add((mode, "ingest", ingest));
        Console.WriteLine($"round {round + 1} {mode}: feed {feed.RequestsPerSecond:N0} req/s ({feed.RequestsPerCpuSecond:N0} per CPU-s), " +
            $"ingest {ingest.RequestsPerSecond * options.Batch:N0} events/s ({ingest.RequestsPerCpuSecond * options.Batch:N0} events per CPU-s); load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }
}

Console.WriteLine();
Console.WriteLine("| scenario | mode | requests/s (median of rounds) | requests per CPU-second (median) | p50 ms | p99 ms | failed | jwt / open (req/s) | jwt / open (per CPU-s) |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var scenario in new[] { "feed", "ingest" })
{
    double Median(string mode) => results.Where(r => r.Mode == mode && r.Scenario == scenario).Select(r => r.Result.RequestsPerSecond).Order().ElementAt(options.Rounds / 2);
    double MedianCpu(string mode) => results.Where(r => r.Mode == mode && r.Scenario == scenario).Select(r => r.Result.RequestsPerCpuSecond).Order().ElementAt(options.Rounds / 2);
    foreach (var mode in new[] { "open", "jwt" })
    {
        var runs = results.Where(r => r.Mode == mode && r.Scenario == scenario).Select(r => r.Result).ToList();
        var ratio = mode == "jwt" ? $"{Median("jwt") / Median("open"):F3}" : "";
        var cpuRatio = mode == "jwt" ? $"{MedianCpu("jwt") / MedianCpu("open"):F3}" : "";
        Console.WriteLine($"| {scenario} | {mode} | {Median(mode):N0} | {MedianCpu(mode):N0} | {runs.Average(r => r.P50Ms):F2} | {runs.Average(r => r.P99Ms):F2} | {runs.Sum(r => r.Failures)} | {ratio} | {cpuRatio} |");
    }
}

return results.All(r => r.Result.Failures == 0) ? 0 : 1;
