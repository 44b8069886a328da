using System.Text.RegularExpressions;

namespace Platform.Tests.Documentation;

/// <summary>
/// The routes shared/API.md names, read from the contract's own text: every <c>`METHOD /path`</c>, the siblings written
/// after it as <c>| `/last-segment`</c>, and a path given as <c>the same under `/path`</c>. Path parameters compare by
/// position, not by name (<c>{id}</c> is <c>{videoId}</c>).
/// </summary>
public static partial class ContractRoutes
{
    /// <summary>shared/API.md: beside the repository (CI) or above it (a worktree).</summary>
    public static string? Locate()
    {
        for (var dir = new DirectoryInfo(RepositoryPaths.Root); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "API.md");
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>"GET /v1/videos/{}" for every route of <paramref name="contract"/>, in the order it names them.</summary>
    public static IReadOnlyList<string> Parse(string contract)
    {
        var routes = new List<string>();
        foreach (Match match in Route().Matches(contract))
        {
            var method = match.Groups["method"].Value;
            var path = match.Groups["path"].Value;
            Add(routes, method, path);
            var rest = contract.AsSpan(match.Index + match.Length).ToString();
            for (var sibling = Sibling().Match(rest); sibling.Success; sibling = Sibling().Match(rest))
            {
                Add(routes, method, path[..path.LastIndexOf('/')] + sibling.Groups["segment"].Value);
                rest = rest[sibling.Length..];
            }

            if (SameUnder().Match(rest) is { Success: true } same)
            {
                Add(routes, method, same.Groups["path"].Value);
            }
        }

        return routes;
    }

    /// <summary>The comparable form of a route: method, one space, the path with every parameter as <c>{}</c>.</summary>
    public static string Normalize(string method, string path) =>
        $"{method.ToUpperInvariant()} {Parameter().Replace(path.TrimEnd('/'), "{}")}";

    private static void Add(List<string> routes, string method, string path)
    {
        var route = Normalize(method, path);
        if (!routes.Contains(route))
        {
            routes.Add(route);
        }
    }

    [GeneratedRegex(@"`(?<method>GET|POST|PUT|PATCH|DELETE) (?<path>/[^`\s?]*)[^`]*`")]
    private static partial Regex Route();

    [GeneratedRegex(@"^\s*\|\s*`(?<segment>/[^`\s?/]+)`")]
    private static partial Regex Sibling();

    [GeneratedRegex(@"^[^`\n]*\bthe same under\s+`(?<path>/[^`\s?]+)[^`]*`")]
    private static partial Regex SameUnder();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
