using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Api.Options;

namespace Platform.Api.Security;

/// <summary>
/// The configured admin key and app keys, kept as SHA-256 hashes. A presented key is hashed once and compared with
/// every configured hash in constant time, without stopping at a match, so timing reveals neither which key
/// matched nor any key's content or length.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly byte[]? _admin;
    private readonly byte[][] _apps;

    public ApiKeyRing(IOptions<GatewayOptions> gateway, IOptions<AuthOptions> auth)
    {
        _admin = string.IsNullOrEmpty(gateway.Value.AdminApiKey) ? null : Hash(gateway.Value.AdminApiKey);
        _apps = [.. auth.Value.AppKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Hash(k.Trim()))];
    }

    /// <summary>What a presented key is: the admin key, the app key at an index, or nothing.</summary>
    public (bool Admin, int App) Match(string presented)
    {
        var hash = Hash(presented);
        var admin = _admin is not null && CryptographicOperations.FixedTimeEquals(hash, _admin);
        var app = -1;
        for (var i = 0; i < _apps.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, _apps[i]) && app < 0)
            {
                app = i;
            }
        }

        return (admin, app);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
