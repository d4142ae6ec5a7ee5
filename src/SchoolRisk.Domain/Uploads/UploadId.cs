using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// An upload's id, like <c>3f9a0c1b2d4e5f60</c>: 16 lower-case hex digits, the start of a SHA-256 of the upload's blob
/// name and version (<see cref="For"/>), so a redelivered event is the same upload. The shape is what <see cref="For"/>
/// has always made (it was <c>Application/Uploads/UploadId.For</c>). Written as its plain text in JSON, table columns
/// and keys (<see cref="UploadIdJsonConverter"/>). <c>default</c> is no upload; its
/// text is empty.
/// </summary>
[JsonConverter(typeof(UploadIdJsonConverter))]
public readonly record struct UploadId
{
    /// <summary>How many hex digits an id has.</summary>
    public const int Length = 16;

    private readonly string? _text;

    private UploadId(string text) => _text = text;

    /// <summary>The id of the upload that is version <paramref name="eTag"/> of blob <paramref name="blobName"/>: the first 16 lower-case hex digits of SHA-256 over <c>{blobName}\n{eTag}</c> (UTF-8).</summary>
    public static UploadId For(string blobName, string eTag) =>
        new(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{blobName}\n{eTag}")))[..Length]);

    /// <summary>The id <paramref name="text"/> names, or <c>false</c> when it is not 16 lower-case hex digits.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out UploadId id)
    {
        if (text is not { Length: Length } || !text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            id = default;
            return false;
        }

        id = new UploadId(text);
        return true;
    }

    /// <summary>The id <paramref name="text"/> names.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not 16 lower-case hex digits.</exception>
    public static UploadId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an upload id (16 lower-case hex digits).");

    /// <summary>The id as written, 16 lower-case hex digits; empty for <c>default</c>.</summary>
    public override string ToString() => _text ?? string.Empty;
}
