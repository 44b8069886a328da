using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using Xunit.Abstractions;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Lifecycle;

/// <summary>SIGTERM under load on a silo with PostgreSQL storage: every event it acknowledged is still there after a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DurableShutdownTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task SigtermUnderLoadLosesNoAcknowledgedEvent()
    {
        var connection = await postgres.CreateDatabaseAsync();
        string[] settings = ["--Platform:Storage=postgres", $"--ConnectionStrings:Platform={connection}", $"--Orleans:ServiceId=svc-{Guid.NewGuid():N}"[..32]];
        var (video, creator) = (NewId("v"), NewId("c"));
        var acknowledged = new ConcurrentBag<string>();
        var sent = 0;

        await using (var silo = await SiloProcess.StartAsync(settings))
        {
            Assert.Equal(HttpStatusCode.Created, (await silo.Http.RegisterVideoAsync(video, creator)).StatusCode);
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                using var http = new HttpClient { BaseAddress = silo.Address, Timeout = TimeSpan.FromSeconds(30) };
                while (!stop.IsCancellationRequested)
                {
                    var users = Enumerable.Range(0, 5).Select(_ => NewId("u")).ToArray();
                    Interlocked.Add(ref sent, users.Length);
                    try
                    {
                        var response = await http.PostAsJsonAsync("/v1/events", new { events = users.Select(u => View(u, video, 1_000)).ToArray() });
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                            Assert.Equal(users.Length, body["accepted"]!.GetValue<int>());
                            foreach (var user in users)
                            {
                                acknowledged.Add(user);
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // Refused or cut off by the stopping server: not acknowledged, so not counted.
                        await Task.Delay(50);
                    }
                    catch (TaskCanceledException)
                    {
                    }
                }
            })).ToArray();

            await Task.Delay(TimeSpan.FromSeconds(3));
            var before = acknowledged.Count;
            silo.Terminate();
            var exited = await silo.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await stop.CancelAsync();
            await Task.WhenAll(clients);
            output.WriteLine($"acknowledged {acknowledged.Count} of {sent} views ({before} before SIGTERM); exit {(exited ? silo.ExitCode.ToString() : "none")}");
            Assert.True(exited, $"still running 30 s after SIGTERM:\n{silo.Log}");
            Assert.True(silo.ExitCode == 0, $"exit code {silo.ExitCode}:\n{silo.Log}");
            Assert.True(before > 0, "no event was acknowledged before SIGTERM");
        }

        await using var restarted = await SiloProcess.StartAsync(settings);
        var stats = await restarted.Http.GetJsonAsync($"/v1/videos/{video}/stats");
        var views = stats["views"]!.GetValue<long>();
        Assert.InRange(views, acknowledged.Count, sent);
        foreach (var user in acknowledged.Take(25))
        {
            Assert.Equal(1, (await restarted.Http.GetJsonAsync($"/v1/users/{user}"))["views"]!.GetValue<long>());
        }

        Assert.Equal(views, (await restarted.Http.GetJsonAsync($"/v1/creators/{creator}/stats"))["views"]!.GetValue<long>());
    }
}
