using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SchoolRisk.LocalHost.Bindings;

/// <summary>
/// Resolves the <c>{expressions}</c> of a binding property (a queue name, a blob path) at invocation time, as the
/// WebJobs SDK's <c>BindingTemplateToken</c> does: <c>{name}</c> or <c>{name.property}</c> from the
/// <see cref="BindingData"/>, else the built-ins <c>{rand-guid}</c> (a new GUID, format <c>D</c>) and
/// <c>{DateTime}</c> (now, UTC, format <c>yyyy-MM-ddTHH-mm-ssZ</c>), each with an optional <c>:format</c>
/// (<c>{rand-guid:N}</c>, <c>{DateTime:yyyy}</c>). <c>%Setting%</c> is resolved once, when the function is loaded
/// (<see cref="Configuration.AppSettings.Resolve"/>).
/// </summary>
internal static class BindingExpression
{
    private const string DefaultDateTimeFormat = "yyyy-MM-ddTHH-mm-ssZ";

    /// <exception cref="InvalidOperationException">An expression names no value (the SDK's "No value for named parameter"), or a brace is unbalanced.</exception>
    public static string Resolve(string template, BindingData data, TimeProvider time)
    {
        var result = new StringBuilder(template.Length);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                result.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                throw new InvalidOperationException($"Invalid binding expression '{template}': '{{' without '}}'.");
            }

            result.Append(template, position, open - position).Append(Evaluate(template[(open + 1)..close], data, time));
            position = close + 1;
        }

        return result.ToString();
    }

    private static string Evaluate(string expression, BindingData data, TimeProvider time)
    {
        var colon = expression.IndexOf(':', StringComparison.Ordinal);
        var (path, format) = colon > 0 ? (expression[..colon], expression[(colon + 1)..]) : (expression, null);
        var parts = path.Split('.');
        if (data.TryGet(parts[0], out var value))
        {
            foreach (var part in parts.Skip(1))
            {
                value = Member(value, part, expression);
            }

            return Text(value, format);
        }

        if (path.Equals("rand-guid", StringComparison.OrdinalIgnoreCase))
        {
            return Guid.NewGuid().ToString(format ?? "D", CultureInfo.InvariantCulture);
        }

        if (path.Equals("DateTime", StringComparison.OrdinalIgnoreCase))
        {
            return time.GetUtcNow().UtcDateTime.ToString(format ?? DefaultDateTimeFormat, CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException($"No value for named parameter '{parts[0]}'.");
    }

    private static JsonElement Member(object? value, string name, string expression)
    {
        if (value is JsonElement { ValueKind: JsonValueKind.Object } element)
        {
            foreach (var property in element.EnumerateObject().Where(property => property.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return property.Value;
            }
        }

        throw new InvalidOperationException($"Error while accessing '{name}' in '{{{expression}}}': property doesn't exist.");
    }

    private static string Text(object? value, string? format) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString()!,
        JsonElement { ValueKind: JsonValueKind.Number } number when format is not null && number.TryGetInt64(out var integer) =>
            integer.ToString(format, CultureInfo.InvariantCulture),
        JsonElement element => element.GetRawText(),
        string text when format is not null && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) =>
            integer.ToString(format, CultureInfo.InvariantCulture),
        string text => text,
        _ => string.Empty,
    };
}
