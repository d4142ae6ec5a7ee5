using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace SchoolRisk.LocalHost.Bindings;

/// <summary>
/// Conversions between the protocol's <c>TypedData</c> and what the host's bindings write, after the Functions host's
/// own (<c>GrpcMessageConversionExtensions.ToObject</c>): <c>string</c> is text, <c>json</c> is a JSON value,
/// <c>bytes</c>/<c>stream</c> are bytes, <c>int</c>/<c>double</c> are numbers, the collections are arrays.
/// </summary>
internal static class TypedDataValue
{
    public static TypedData Text(string text) => new() { String = text };

    public static TypedData Json(string json) => new() { Json = json };

    public static TypedData Bytes(byte[] bytes) => new() { Bytes = ByteString.CopyFrom(bytes) };

    /// <summary>A value for a log's fields: text, JSON text, bytes, a number or an array; <c>null</c> when empty.</summary>
    public static object? ToObject(TypedData data) => data.DataCase switch
    {
        TypedData.DataOneofCase.String => data.String,
        TypedData.DataOneofCase.Json => data.Json,
        TypedData.DataOneofCase.Bytes => data.Bytes.ToByteArray(),
        TypedData.DataOneofCase.Stream => data.Stream.ToByteArray(),
        TypedData.DataOneofCase.Int => data.Int,
        TypedData.DataOneofCase.Double => data.Double,
        TypedData.DataOneofCase.CollectionString => data.CollectionString.String.ToArray(),
        TypedData.DataOneofCase.CollectionDouble => data.CollectionDouble.Double.ToArray(),
        TypedData.DataOneofCase.CollectionSint64 => data.CollectionSint64.Sint64.ToArray(),
        _ => null,
    };

    /// <summary>
    /// A blob output's content: text and JSON as UTF-8, bytes as they are, a number as its invariant text;
    /// <c>null</c> when there is nothing to write (an absent or JSON <c>null</c> value).
    /// </summary>
    public static byte[]? ToContent(TypedData? data) => data?.DataCase switch
    {
        TypedData.DataOneofCase.String => Encoding.UTF8.GetBytes(data.String),
        TypedData.DataOneofCase.Json => IsJsonNull(data.Json) ? null : Encoding.UTF8.GetBytes(data.Json),
        TypedData.DataOneofCase.Bytes => data.Bytes.ToByteArray(),
        TypedData.DataOneofCase.Stream => data.Stream.ToByteArray(),
        TypedData.DataOneofCase.Int => Encoding.UTF8.GetBytes(data.Int.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        TypedData.DataOneofCase.Double => Encoding.UTF8.GetBytes(data.Double.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => null,
    };

    /// <summary>
    /// A queue output's messages, as the queue binding writes them: a string is one message; JSON is one message of its
    /// text, except an array, which is one message per element (a string element is its value, any other its JSON), and
    /// <c>null</c>, which is none; bytes are one message; a collection is one message per item.
    /// </summary>
    public static IReadOnlyList<byte[]> ToQueueMessages(TypedData? data) => data?.DataCase switch
    {
        TypedData.DataOneofCase.String => [Encoding.UTF8.GetBytes(data.String)],
        TypedData.DataOneofCase.Json => JsonMessages(data.Json),
        TypedData.DataOneofCase.CollectionString => [.. data.CollectionString.String.Select(Encoding.UTF8.GetBytes)],
        TypedData.DataOneofCase.CollectionBytes => [.. data.CollectionBytes.Bytes.Select(bytes => bytes.ToByteArray())],
        _ => ToContent(data) is { } content ? [content] : [],
    };

    private static List<byte[]> JsonMessages(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        return [.. items
            .Where(item => item.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            .Select(item => Encoding.UTF8.GetBytes(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText()))];
    }

    private static bool IsJsonNull(string json) => json.Trim() is "null" or "";
}
