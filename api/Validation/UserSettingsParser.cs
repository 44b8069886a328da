using System.Text.Json;
using Platform.GrainInterfaces;

namespace Platform.Api.Validation;

/// <summary>Validates a <c>PUT /v1/users/{userId}/settings</c> body: <c>{ "personalization": true | false }</c>.</summary>
public static class UserSettingsParser
{
    public static UserSettings? Parse(JsonElement root, ValidationErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The body must be a JSON object.");
            return null;
        }

        bool? personalization = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("personalization"))
            {
                if (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    personalization = property.Value.GetBoolean();
                }
                else
                {
                    errors.Add("personalization", "'personalization' must be true or false.");
                }
            }
            else
            {
                errors.Add(property.Name.Length <= 64 ? property.Name : "$", "Unknown setting.");
            }
        }

        if (personalization is null && !errors.Any)
        {
            errors.Add("personalization", "'personalization' is required.");
        }

        return errors.Any ? null : new UserSettings(personalization!.Value);
    }
}
