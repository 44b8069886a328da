using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Platform.Api.Services;

/// <summary>
/// The creator studio's static files (plain HTML, CSS and JavaScript), embedded in this assembly so
/// every host that maps the gateway serves them without a build step or a content folder.
/// </summary>
public sealed class StudioAssets
{
    private const string ResourcePrefix = "Platform.Api.Studio.";

    private readonly FrozenDictionary<string, StudioAsset> _assets;

    public StudioAssets()
    {
        var assembly = typeof(StudioAssets).Assembly;
        var assets = new Dictionary<string, StudioAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var name = resource[ResourcePrefix.Length..];
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 8))}\"";
            assets[name] = new StudioAsset(name, ContentTypeOf(name), content, etag);
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The page itself, served for every creator.</summary>
    public StudioAsset Page => _assets["studio.html"];

    /// <summary>The operators' experiment page.</summary>
    public StudioAsset ExperimentPage => _assets["experiments.html"];
    /// <summary>The operators' moderation page.</summary>
    public StudioAsset ModerationPage => _assets["moderation.html"];

    /// <summary>A script or stylesheet by file name; null when there is none.</summary>
    public StudioAsset? Find(string name) =>
        _assets.TryGetValue(name, out var asset) && asset.ContentType != "text/html; charset=utf-8" ? asset : null;

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
