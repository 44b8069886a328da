using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Money;

/// <summary>Erasing a user erases the wallet and its journal; paid money stays with creators and the ledger still balances.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WalletErasureTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task ErasedWalletLeavesItsBalanceOnTheForfeitedLineAndPaidMoneyWithTheCreator()
    {
        var (user, creator, video) = (NewId("u"), NewId("c"), NewId("v"));
        await _http.RegisterPaidVideoAsync(video, creator, 250);
        var (creditId, tipId, purchaseId) = (NewId("cr"), NewId("t"), NewId("p"));
        Assert.Equal(HttpStatusCode.OK, (await _http.CreditAsync(user, 1_000, creditId)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _http.TipAsync(tipId, user, creator, 300)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _http.PurchaseAsync(purchaseId, user, video)).StatusCode);

        // The export before erasure reports the balance and every payment.
        var before = await _http.GetJsonAsync($"/v1/users/{user}/export");
        Assert.Equal(450, (long)before["wallet"]!["balanceCents"]!);
        Assert.Equal([creditId, tipId, purchaseId], before["payments"]!.AsArray().Select(p => (string)p!["paymentId"]!));
        var earnings = (await _http.EarningsAsync(creator)).ToJsonString();
        var ledger = await _http.LedgerSummaryAsync();

        var response = await _http.DeleteAsync($"/v1/users/{user}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("erased", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!);
        var after = await _http.GetJsonAsync($"/v1/users/{user}/export");
        Assert.Equal(0, (long)after["wallet"]!["balanceCents"]! + (long)after["wallet"]!["spentCents"]! + (long)after["wallet"]!["creditedCents"]!);
        Assert.Empty(after["payments"]!.AsArray());

        // Money paid stays paid; the balance left moved from balances to the forfeited line, to the cent.
        Assert.Equal(earnings, (await _http.EarningsAsync(creator)).ToJsonString());
        var summary = await _http.LedgerSummaryAsync();
        Assert.Equal(ledger.Cents("creditedCents"), summary.Cents("creditedCents"));
        Assert.Equal(ledger.Cents("spentCents"), summary.Cents("spentCents"));
        Assert.Equal(ledger.Cents("grossCents"), summary.Cents("grossCents"));
        Assert.Equal(ledger.Cents("balanceCents") - 450, summary.Cents("balanceCents"));
        Assert.Equal(ledger.Cents("forfeitedCents") + 450, summary.Cents("forfeitedCents"));
        Assert.Equal(summary.Cents("creditedCents"), summary.Cents("balanceCents") + summary.Cents("spentCents") + summary.Cents("forfeitedCents"));

        // The id starts empty (nothing bought), and the erased payments' ids stay used: replays are refused, never charged.
        Assert.Equal(HttpStatusCode.OK, (await _http.CreditAsync(user, 500)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.TipAsync(tipId, user, creator, 300)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.PurchaseAsync(purchaseId, user, video)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.CreditAsync(user, 1_000, creditId)).StatusCode);
        Assert.Equal(500, (await _http.WalletAsync(user)).Cents("balanceCents"));
        Assert.Equal(HttpStatusCode.Created, (await _http.PurchaseAsync(NewId("p"), user, video)).StatusCode);
        Assert.Equal(250, (await _http.WalletAsync(user)).Cents("balanceCents"));
    }

    [Fact]
    public async Task ErasingAUserWithoutAWalletChangesNoMoney()
    {
        var ledger = (await _http.LedgerSummaryAsync()).ToJsonString();
        var user = NewId("u");

        var response = await _http.DeleteAsync($"/v1/users/{user}");

        Assert.Equal("erased", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!);
        Assert.Equal(ledger, (await _http.LedgerSummaryAsync()).ToJsonString());
        Assert.Equal(0, (await _http.WalletAsync(user)).Cents("creditedCents"));
    }
}
