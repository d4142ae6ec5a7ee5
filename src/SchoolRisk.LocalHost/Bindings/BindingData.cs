using System.Text.Json;

namespace SchoolRisk.LocalHost.Bindings;

/// <summary>
/// The values an invocation's binding expressions may name, matched ignoring case as the WebJobs SDK does: the trigger
/// metadata (<c>queueTrigger</c>, <c>DequeueCount</c>, <c>Id</c>, HTTP route parameters and query values …) and, for a
/// message or body that is a JSON object, its properties. A value is text or a <see cref="JsonElement"/>.
/// </summary>
internal sealed class BindingData
{
    private readonly Dictionary<string, object> _values = new(StringComparer.OrdinalIgnoreCase);

    public BindingData Set(string name, string value)
    {
        _values[name] = value;
        return this;
    }

    /// <summary>Adds the properties of <paramref name="json"/> when it is a JSON object; an earlier value of the same name wins.</summary>
    public BindingData AddJsonProperties(string json)
    {
        if (!json.TrimStart().StartsWith('{'))
        {
            return this;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                _values.TryAdd(property.Name, property.Value.Clone());
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: no properties.
        }

        return this;
    }

    public bool TryGet(string name, out object? value)
    {
        var found = _values.TryGetValue(name, out var stored);
        value = stored;
        return found;
    }
}
