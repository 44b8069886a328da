using System.Net;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Money;

[Collection(PlatformCollection.Name)]
public sealed class CreditTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task CreditIsAppliedOncePerCreditId()
    {
        var user = NewId("u");
        var creditId = NewId("cr");

        var first = await _http.CreditAsync(user, 700, creditId);
        var again = await _http.CreditAsync(user, 700, creditId);
        var otherAmount = await _http.CreditAsync(user, 701, creditId);
        var otherUser = await _http.CreditAsync(NewId("u"), 700, creditId);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.BodyAsync();
        Assert.Equal(user, (string)body["userId"]!);
        Assert.Equal(700, body.Cents("balanceCents"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(700, (await again.BodyAsync()).Cents("balanceCents"));
        Assert.Equal(HttpStatusCode.Conflict, otherAmount.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherUser.StatusCode);
        var wallet = await _http.WalletAsync(user);
        Assert.Equal(700, wallet.Cents("balanceCents"));
        Assert.Equal(700, wallet.Cents("creditedCents"));
        Assert.Equal(0, wallet.Cents("spentCents"));
    }

    [Fact]
    public async Task CreditNeedsTheAdminKey()
    {
        var user = NewId("u");

        var none = await _http.CreditAsync(user, 100, adminKey: null);
        var wrong = await _http.CreditAsync(user, 100, adminKey: "not-the-key");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        await none.ReadProblemAsync();
        Assert.Equal(0, (await _http.WalletAsync(user)).Cents("balanceCents"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000_001)]
    public async Task CreditOutOfRangeIs400(long amountCents)
    {
        var user = NewId("u");

        var response = await _http.CreditAsync(user, amountCents);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty("amountCents", out _));
        Assert.Equal(0, (await _http.WalletAsync(user)).Cents("creditedCents"));
    }

    [Fact]
    public async Task UnknownWalletIsEmpty()
    {
        var user = NewId("u");

        var wallet = await _http.WalletAsync(user);

        Assert.Equal(user, (string)wallet["userId"]!);
        Assert.Equal(0, wallet.Cents("balanceCents"));
        Assert.Equal(0, wallet.Cents("spentCents"));
        Assert.Equal(0, wallet.Cents("creditedCents"));
    }
}
