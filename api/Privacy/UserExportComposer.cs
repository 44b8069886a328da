namespace Platform.Api.Privacy;

/// <summary>Builds the export document from every registered <see cref="IUserExportPart"/>, in registration order.</summary>
public sealed class UserExportComposer(IEnumerable<IUserExportPart> parts)
{
    private readonly IUserExportPart[] _parts = [.. parts];

    public async Task<Dictionary<string, object?>> ComposeAsync(string userId, CancellationToken cancellationToken)
    {
        var reads = new Task<IReadOnlyDictionary<string, object?>>[_parts.Length];
        for (var i = 0; i < reads.Length; i++)
        {
            reads[i] = _parts[i].ReadAsync(userId, cancellationToken);
        }

        var document = new Dictionary<string, object?>(StringComparer.Ordinal) { ["userId"] = userId };
        foreach (var part in await Task.WhenAll(reads))
        {
            foreach (var (name, value) in part)
            {
                if (!document.TryAdd(name, value))
                {
                    throw new InvalidOperationException($"Two export parts write the property '{name}'.");
                }
            }
        }

        return document;
    }
}
