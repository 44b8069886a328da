using System.Globalization;

namespace Platform.Evaluation;

/// <summary>Applies <c>Name=Value</c> to the same-named property of the learning or ranking options, for ablations.</summary>
public static class OptionOverrides
{
    public static void Apply(string assignment, params object[] targets)
    {
        var parts = assignment.Split('=', 2);
        if (parts.Length != 2)
        {
            throw new ArgumentException($"Expected Name=Value, got '{assignment}'.");
        }

        foreach (var target in targets)
        {
            var property = target.GetType().GetProperty(parts[0]);
            if (property is not null && property.CanWrite)
            {
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                property.SetValue(target, type == typeof(TimeSpan)
                    ? TimeSpan.Parse(parts[1], CultureInfo.InvariantCulture)
                    : Convert.ChangeType(parts[1], type, CultureInfo.InvariantCulture));
                return;
            }
        }

        throw new ArgumentException($"No option named '{parts[0]}'.");
    }
}
