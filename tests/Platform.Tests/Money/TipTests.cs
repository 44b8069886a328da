using System.Net;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Money;

[Collection(PlatformCollection.Name)]
public sealed class TipTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task ConcurrentTipsWithDuplicatesNeverOverdrawAndChargeEachTipOnce()
    {
        var user = NewId("u");
        var creators = new[] { NewId("c"), NewId("c"), NewId("c") };
        Assert.Equal(HttpStatusCode.OK, (await _http.CreditAsync(user, 1_000)).StatusCode);

        // 30 distinct tips of 70 cents (2,100 asked of 1,000), each sent twice at once.
        var random = new Random(15);
        var tips = Enumerable.Range(0, 30).Select(i => (Id: NewId("t"), Creator: creators[random.Next(creators.Length)])).ToArray();
        var sends = tips.Concat(tips).OrderBy(_ => random.Next())
            .Select(t => MoneyClient.UntilConfirmedAsync(() => _http.TipAsync(t.Id, user, t.Creator, 70)).ContinueWith(r => (t.Id, r.Result)))
            .ToArray();
        var answers = await Task.WhenAll(sends);

        var byTip = answers.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.Select(a => a.Result.StatusCode).ToArray());
        var charged = byTip.Where(t => t.Value.Contains(HttpStatusCode.Created)).Select(t => t.Key).ToList();
        foreach (var (tipId, statuses) in byTip)
        {
            Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.PaymentRequired }));
            Assert.True(statuses.Count(s => s == HttpStatusCode.Created) <= 1, $"tip {tipId} was created twice");
            if (statuses.Contains(HttpStatusCode.Created))
            {
                // The duplicate of a charged tip is answered from its record, never with a 402.
                Assert.DoesNotContain(HttpStatusCode.PaymentRequired, statuses);
            }
        }

        Assert.Equal(14, charged.Count); // floor(1000 / 70)
        var wallet = await _http.WalletAsync(user);
        Assert.Equal(1_000 - (14 * 70), wallet.Cents("balanceCents"));
        Assert.Equal(14 * 70, wallet.Cents("spentCents"));
        Assert.Equal(1_000, wallet.Cents("creditedCents"));
        long gross = 0;
        foreach (var creator in creators)
        {
            var earnings = await _http.EarningsAsync(creator);
            Assert.Equal(70 * tips.Count(t => t.Creator == creator && charged.Contains(t.Id)), earnings.Cents("tipsCents"));
            gross += earnings.Cents("grossCents");
        }

        Assert.Equal(14 * 70, gross);
    }

    [Fact]
    public async Task TipOverTheBalanceIs402AndChangesNothing()
    {
        var user = NewId("u");
        var creator = NewId("c");
        await _http.CreditAsync(user, 50);
        var before = await _http.LedgerSummaryAsync();

        var response = await _http.TipAsync("t-over-" + user, user, creator, 51);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(402, problem.GetProperty("status").GetInt32());
        Assert.Equal(50, (await _http.WalletAsync(user)).Cents("balanceCents"));
        Assert.Equal(0, (await _http.EarningsAsync(creator)).Cents("grossCents"));
        Assert.Equal(before.ToJsonString(), (await _http.LedgerSummaryAsync()).ToJsonString());

        // The refused id was not used up: the same tip once it fits goes through.
        var fits = await _http.TipAsync("t-over-" + user, user, creator, 50);
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        Assert.Equal(0, (await fits.BodyAsync()).Cents("balanceCents"));
    }

    [Fact]
    public async Task ReplayedTipIsAnsweredFromItsRecordAndAnotherBodyIs409()
    {
        var user = NewId("u");
        var creator = NewId("c");
        await _http.CreditAsync(user, 500);
        var tipId = NewId("t");

        var first = await _http.TipAsync(tipId, user, creator, 120);
        var again = await _http.TipAsync(tipId, user, creator, 120);
        var otherAmount = await _http.TipAsync(tipId, user, creator, 121);
        var otherCreator = await _http.TipAsync(tipId, user, NewId("c"), 120);
        var otherUser = await _http.TipAsync(tipId, NewId("u"), creator, 120);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(380, (await first.BodyAsync()).Cents("balanceCents"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(380, (await again.BodyAsync()).Cents("balanceCents"));
        Assert.Equal(HttpStatusCode.Conflict, otherAmount.StatusCode);
        await otherAmount.ReadProblemAsync();
        Assert.Equal(HttpStatusCode.Conflict, otherCreator.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherUser.StatusCode);
        Assert.Equal(380, (await _http.WalletAsync(user)).Cents("balanceCents"));
        Assert.Equal(120, (await _http.EarningsAsync(creator)).Cents("grossCents"));
    }

    [Fact]
    public async Task PlatformFeeIsRoundedDownPerPayment()
    {
        var user = NewId("u");
        var creator = NewId("c");
        await _http.CreditAsync(user, 1_000);

        foreach (var amount in new[] { 1, 3, 7, 99, 10 })
        {
            Assert.Equal(HttpStatusCode.Created, (await _http.TipAsync(NewId("t"), user, creator, amount)).StatusCode);
        }

        // floor(0.3 * each): 0 + 0 + 2 + 29 + 3 = 34, where floor(0.3 * 120) would be 36.
        var earnings = await _http.EarningsAsync(creator);
        Assert.Equal(120, earnings.Cents("tipsCents"));
        Assert.Equal(0, earnings.Cents("salesCents"));
        Assert.Equal(120, earnings.Cents("grossCents"));
        Assert.Equal(34, earnings.Cents("platformFeeCents"));
        Assert.Equal(86, earnings.Cents("netCents"));
    }

    [Fact]
    public async Task TipOnAVideoMustNameItsCreator()
    {
        var user = NewId("u");
        var creator = NewId("c");
        var video = NewId("v");
        await _http.RegisterVideoAsync(video, creator);
        await _http.CreditAsync(user, 100);

        var wrongCreator = await _http.TipAsync(NewId("t"), user, NewId("c"), 10, video);
        var unknownVideo = await _http.TipAsync(NewId("t"), user, creator, 10, NewId("v"));
        var right = await _http.TipAsync(NewId("t"), user, creator, 10, video);

        Assert.Equal(HttpStatusCode.BadRequest, wrongCreator.StatusCode);
        Assert.True((await wrongCreator.ReadProblemAsync()).GetProperty("errors").TryGetProperty("videoId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownVideo.StatusCode);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        Assert.Equal(90, (await _http.WalletAsync(user)).Cents("balanceCents"));
    }

    [Theory]
    [InlineData("""{"userId":"u-1","creatorId":"c-1","amountCents":5}""", "tipId")]
    [InlineData("""{"tipId":"t-1","userId":"u-1","creatorId":"c-1","amountCents":0}""", "amountCents")]
    [InlineData("""{"tipId":"t-1","userId":"u-1","creatorId":"c-1","amountCents":1000001}""", "amountCents")]
    [InlineData("""{"tipId":"t-1","userId":"u-1","creatorId":"c-1","amountCents":1.5}""", "amountCents")]
    [InlineData("""{"tipId":"t-1","userId":"u 1","creatorId":"c-1","amountCents":5}""", "userId")]
    [InlineData("""{"tipId":"t-1","userId":"u-1","amountCents":5}""", "creatorId")]
    public async Task MalformedTipIs400WithTheFieldNamed(string body, string field)
    {
        var response = await _http.PostAsync("/v1/tips", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty(field, out _), body);
    }
}
