using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.GrainInterfaces;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Money;

[Collection(PlatformCollection.Name)]
public sealed class LedgerTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task MoneyIsConservedToTheCentUnderRandomConcurrentPayments()
    {
        var before = await _http.LedgerSummaryAsync();
        var random = new Random(1515);
        var users = Enumerable.Range(0, 8).Select(_ => NewId("u")).ToArray();
        var creators = Enumerable.Range(0, 4).Select(_ => NewId("c")).ToArray();
        var video = NewId("v");
        await _http.RegisterPaidVideoAsync(video, creators[0], 333);
        foreach (var user in users)
        {
            await _http.CreditAsync(user, random.Next(1, 3_000));
        }

        // Tips, purchases (some of the same video twice) and more credits, all at once; each retried until confirmed.
        var calls = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 120; i++)
        {
            var user = users[random.Next(users.Length)];
            var roll = random.Next(10);
            var amount = random.Next(1, 800);
            var id = NewId(roll switch { < 7 => "t", < 9 => "p", _ => "cr" });
            calls.Add(MoneyClient.UntilConfirmedAsync(() => roll switch
            {
                < 7 => _http.TipAsync(id, user, creators[random.Next(creators.Length)], amount),
                < 9 => _http.PurchaseAsync(id, user, video),
                _ => _http.CreditAsync(user, amount, id),
            }));
        }

        var answers = await Task.WhenAll(calls);

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.PaymentRequired }));
        var after = await _http.LedgerSummaryAsync();
        Assert.Equal(after.Cents("creditedCents"), after.Cents("balanceCents") + after.Cents("spentCents") + after.Cents("forfeitedCents"));
        Assert.Equal(after.Cents("spentCents"), after.Cents("grossCents"));

        // The ledger's change is exactly what these wallets and creators hold, summed one by one.
        long credited = 0, balance = 0, spent = 0, gross = 0, fee = 0;
        foreach (var user in users)
        {
            var wallet = await _http.WalletAsync(user);
            Assert.True(wallet.Cents("balanceCents") >= 0);
            Assert.Equal(wallet.Cents("creditedCents"), wallet.Cents("balanceCents") + wallet.Cents("spentCents"));
            credited += wallet.Cents("creditedCents");
            balance += wallet.Cents("balanceCents");
            spent += wallet.Cents("spentCents");
        }

        foreach (var creator in creators)
        {
            var earnings = await _http.EarningsAsync(creator);
            gross += earnings.Cents("grossCents");
            fee += earnings.Cents("platformFeeCents");
        }

        Assert.Equal(credited, after.Cents("creditedCents") - before.Cents("creditedCents"));
        Assert.Equal(balance, after.Cents("balanceCents") - before.Cents("balanceCents"));
        Assert.Equal(spent, after.Cents("spentCents") - before.Cents("spentCents"));
        Assert.Equal(gross, after.Cents("grossCents") - before.Cents("grossCents"));
        Assert.Equal(fee, after.Cents("platformFeeCents") - before.Cents("platformFeeCents"));
        Assert.Equal(spent, gross);
    }

    [Fact]
    public async Task LedgerSummaryNeedsTheAdminKey()
    {
        var response = await _http.GetAsync("/v1/admin/ledger/summary");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task WalletJournalIsCompleteAcrossPagesWrittenToStorage()
    {
        var user = NewId("u");
        var creator = NewId("c");
        var credits = new List<string>();
        for (var i = 0; i < 105; i++)
        {
            var creditId = NewId("cr");
            credits.Add(creditId);
            Assert.Equal(HttpStatusCode.OK, (await _http.CreditAsync(user, i + 1, creditId)).StatusCode);
        }

        var tipId = NewId("t");
        Assert.Equal(HttpStatusCode.Created, (await _http.TipAsync(tipId, user, creator, 10)).StatusCode);

        var wallet = platform.Server.Services.GetRequiredService<IGrainFactory>().GetGrain<IWalletGrain>(user);
        var journal = await wallet.GetJournalAsync();

        Assert.Equal(106, journal.Length);
        Assert.Equal(credits, journal.Take(105).Select(e => e.PaymentId));
        Assert.All(journal.Take(105), e => Assert.Equal(PaymentKind.Credit, e.Kind));
        var total = 105 * 106 / 2;
        Assert.Equal(total, journal[104].BalanceAfterCents);
        Assert.Equal(new PaymentJournalEntry(tipId, PaymentKind.Tip, creator, null, 10, 3, total - 10, journal[105].At), journal[105]);
    }
}
