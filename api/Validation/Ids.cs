namespace Platform.Api.Validation;

/// <summary>The contract's id rule: 1 to 64 characters from <c>[A-Za-z0-9_.:-]</c>.</summary>
public static class Ids
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    public const string Rule = "must be 1 to 64 characters from [A-Za-z0-9_.:-]";
}
