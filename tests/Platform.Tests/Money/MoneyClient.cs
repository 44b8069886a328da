using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Money;

/// <summary>The money routes as an app calls them, with the client's side of the retry contract (503: same body again).</summary>
public static class MoneyClient
{
    public static Task<HttpResponseMessage> CreditAsync(this HttpClient http, string userId, long amountCents, string? creditId = null, string? adminKey = PlatformServerFixture.AdminKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/users/{userId}/credits")
        {
            Content = JsonContent.Create(new { creditId = creditId ?? ApiClient.NewId("cr"), amountCents }),
        };
        if (adminKey is not null)
        {
            request.Headers.Add("X-Api-Key", adminKey);
        }

        return http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> TipAsync(this HttpClient http, string tipId, string userId, string creatorId, long amountCents, string? videoId = null) =>
        http.PostAsJsonAsync("/v1/tips", new { tipId, userId, creatorId, videoId, amountCents });

    public static Task<HttpResponseMessage> PurchaseAsync(this HttpClient http, string purchaseId, string userId, string videoId) =>
        http.PostAsJsonAsync("/v1/purchases", new { purchaseId, userId, videoId });

    /// <summary>Sends until the answer is not a 503 (a payment whose outcome was not confirmed), as the contract asks clients to.</summary>
    public static async Task<HttpResponseMessage> UntilConfirmedAsync(Func<Task<HttpResponseMessage>> send, int attempts = 50)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await send();
            }
            catch (HttpRequestException) when (attempt < attempts)
            {
                await Task.Delay(100);
                continue;
            }

            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == attempts)
            {
                return response;
            }

            Assert.True(response.Headers.RetryAfter is not null, "A 503 carries Retry-After.");
            await Task.Delay(50);
        }
    }

    public static async Task<JsonObject> WalletAsync(this HttpClient http, string userId) => await http.GetJsonAsync($"/v1/users/{userId}/wallet");

    public static async Task<JsonObject> EarningsAsync(this HttpClient http, string creatorId) => await http.GetJsonAsync($"/v1/creators/{creatorId}/earnings");

    public static async Task<JsonObject> LedgerSummaryAsync(this HttpClient http, string adminKey = PlatformServerFixture.AdminKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/ledger/summary");
        request.Headers.Add("X-Api-Key", adminKey);
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /v1/admin/ledger/summary answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonObject> BodyAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static long Cents(this JsonObject json, string name) => (long)json[name]!;

    public static Task<HttpResponseMessage> RegisterPaidVideoAsync(this HttpClient http, string videoId, string creatorId, int priceCents) =>
        http.PostAsJsonAsync("/v1/videos", new { videoId, creatorId, title = $"Paid {videoId}", tags = new[] { "howto" }, durationMs = 30_000, priceCents });
}
