using System.Text;
using System.Text.Json;

namespace SchoolRisk.Domain.Evaluation.Editing;

/// <summary>
/// Replaces scalar values of a JSON text in place, found by their path (<c>["Rules", 3, "Properties", "Threshold"]</c>),
/// leaving every other character as it was: indentation, comments, key order, the way other numbers are written. A
/// rule file edited from the page thus differs from its version only where a value changed, and the diff between
/// versions shows exactly that. Comments and trailing commas are accepted, as every door reads rule files.
/// </summary>
internal static class JsonValueEdits
{
    private static readonly JsonReaderOptions Reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    /// <summary>The key of a value's path: its segments (property names and array indices) joined by a separator no name holds.</summary>
    public static string PathOf(params object[] segments) => string.Join('\u001F', segments);

    /// <summary>
    /// <paramref name="json"/> with the value at each path of <paramref name="replacements"/> replaced by the JSON literal
    /// given (a number as written, or a quoted string). A path the text does not have is left out; the caller reads the
    /// document first and asks only for values it found. Throws <see cref="JsonException"/> for text that is not JSON.
    /// </summary>
    public static string Replace(string json, IReadOnlyDictionary<string, string> replacements)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var spans = new List<(int Start, int End, string Literal)>();
        var reader = new Utf8JsonReader(bytes, Reading);
        var path = new List<object>();
        var indices = new Stack<int>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    Enter();
                    path.Add(Segment());
                    indices.Push(reader.TokenType == JsonTokenType.StartArray ? -1 : int.MinValue);
                    property = null;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    indices.Pop();
                    path.RemoveAt(path.Count - 1);
                    continue;
                default:
                    Enter();
                    var key = string.Join('\u001F', path.Skip(1).Append(Segment()));
                    if (replacements.TryGetValue(key, out var literal))
                    {
                        spans.Add(((int)reader.TokenStartIndex, (int)reader.BytesConsumed, literal));
                    }

                    continue;
            }
        }

        var edited = new StringBuilder();
        var at = 0;
        foreach (var (start, end, literal) in spans.OrderBy(span => span.Start))
        {
            edited.Append(Encoding.UTF8.GetString(bytes, at, start - at)).Append(literal);
            at = end;
        }

        return edited.Append(Encoding.UTF8.GetString(bytes, at, bytes.Length - at)).ToString();

        // A value inside an array takes the next index; inside an object, the property just read.
        void Enter()
        {
            if (indices.Count > 0 && indices.Peek() != int.MinValue)
            {
                indices.Push(indices.Pop() + 1);
            }
        }

        object Segment() => indices.Count == 0 ? string.Empty : indices.Peek() == int.MinValue ? property ?? string.Empty : indices.Peek();
    }
}
