using System.Globalization;

namespace Platform.Api.Validation;

/// <summary>
/// Free text (titles, tags) the platform stores and shows to other people: printable Unicode only. Refuses control
/// characters (NUL included, which PostgreSQL text cannot hold), unpaired surrogates, noncharacters, and invisible
/// format characters (bidirectional overrides and isolates, zero-width spaces, BOM) that spoof what a reader sees,
/// except the zero-width joiner and non-joiner that emoji sequences and some scripts need.
/// </summary>
public static class SafeText
{
    public const string Rule = "must be printable text: no control, bidirectional-override, zero-width or unpaired surrogate characters";

    public static bool IsSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF'))
            {
                return false;
            }

            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format when c is not ('\u200C' or '\u200D'):
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                    return false;
            }
        }

        return true;
    }
}
