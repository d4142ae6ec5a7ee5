using System.Collections;

namespace SchoolRisk.LocalHost.Logging;

/// <summary>
/// The state of a log line the host writes on the worker's behalf: its message and named fields, as
/// <c>Microsoft.Extensions.Logging</c>'s structured state (a list of name/value pairs ending with
/// <c>{OriginalFormat}</c>), so that any provider sees the fields (the JSON console formatter writes them under
/// <c>State</c>, Application Insights as custom dimensions). <see cref="ToString"/> is the message.
/// </summary>
public sealed class LogFields : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The name <c>Microsoft.Extensions.Logging</c> gives the message template.</summary>
    public const string OriginalFormat = "{OriginalFormat}";

    private readonly List<KeyValuePair<string, object?>> _fields = [];

    public LogFields(string message) => Message = message;

    public string Message { get; }

    public int Count => _fields.Count + 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == _fields.Count ? new(OriginalFormat, Message.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)) : _fields[index];

    /// <summary>Adds a field, or replaces the value of one of that name.</summary>
    public LogFields Set(string name, object? value)
    {
        var index = _fields.FindIndex(field => field.Key == name);
        if (index >= 0)
        {
            _fields[index] = new(name, value);
        }
        else
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    /// <summary>The value of a field, or <c>null</c>.</summary>
    public object? Get(string name) => _fields.FirstOrDefault(field => field.Key == name).Value;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var index = 0; index < Count; index++)
        {
            yield return this[index];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}
