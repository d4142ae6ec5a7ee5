using System.Text;

namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// The encoding of a text upload, decided from the whole file: UTF-8 or UTF-16 by their byte order mark; UTF-16 without
/// one when every other byte of the start is zero; UTF-8 when every byte of the file decodes as UTF-8; otherwise
/// Windows-1251, what Excel's «CSV» is on a Russian Windows. Cyrillic in Windows-1251 is never valid UTF-8 (its letters
/// are bytes 0xC0–0xFF, which UTF-8 allows only before continuation bytes 0x80–0xBF), so a file that is plain ASCII
/// for its first megabytes and Windows-1251 after is still told apart.
/// </summary>
public static class TextEncoding
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Windows-1251: Cyrillic text from Excel and 1C on a Russian Windows.</summary>
    public static Encoding Windows1251 { get; } = CodePage(1251);

    /// <summary>A Windows code page, with .NET's code-page encodings registered first.</summary>
    private static Encoding CodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    /// <summary>Decides the encoding of <paramref name="content"/>, reading it to the end and leaving it at position 0.</summary>
    public static async Task<Encoding> DetectAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        var buffer = new byte[ChunkBytes];
        var length = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var head = buffer.AsSpan(0, length);
        Encoding? byMark = head switch
        {
            [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            [0xFF, 0xFE, ..] => Encoding.Unicode,
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
            _ => Utf16WithoutMark(head),
        };
        if (byMark is not null)
        {
            content.Position = 0;
            return byMark;
        }

        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(ChunkBytes)];
        try
        {
            decoder.GetChars(buffer, 0, length, chars, 0, flush: false);
            while ((length = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                decoder.GetChars(buffer, 0, length, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        }
        catch (DecoderFallbackException)
        {
            return Windows1251;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>
    /// UTF-16 without a byte order mark: in most character pairs of the start, the high byte is one of the few a
    /// Russian or English table uses (0x00 Latin, 0x04 Cyrillic, 0x20 typographic marks), and the pairs are not all
    /// Latin one way round only when the other byte varies. Little-endian puts the high byte second.
    /// </summary>
    internal static Encoding? Utf16WithoutMark(ReadOnlySpan<byte> head)
    {
        var pairs = Math.Min(head.Length, 4096) / 2;
        if (pairs < 4)
        {
            return null;
        }

        var (little, big) = (0, 0);
        for (var i = 0; i < pairs * 2; i += 2)
        {
            little += head[i + 1] is 0x00 or 0x04 or 0x20 or 0x21 && head[i] != 0 ? 1 : 0;
            big += head[i] is 0x00 or 0x04 or 0x20 or 0x21 && head[i + 1] != 0 ? 1 : 0;
        }

        var zeros = head[..(pairs * 2)].Count((byte)0);
        return zeros == 0 ? null
            : little >= pairs * 0.95 && little > big ? Encoding.Unicode
            : big >= pairs * 0.95 && big > little ? Encoding.BigEndianUnicode
            : null;
    }
}
