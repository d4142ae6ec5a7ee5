using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// Reads a CSV file as rows of text, streaming. The encoding is UTF-8 (with or without BOM), UTF-16 with a BOM, or,
/// when the first 64 KiB are not valid UTF-8, Windows-1251 (Excel's «CSV» on a Russian Windows). The separator is the
/// one of <c>;</c>, <c>,</c> and tab that occurs most often outside quotes in the first lines.
/// </summary>
public static class CsvTable
{
    private const int SniffBytes = 64 * 1024;
    private const int MaxFieldLength = 4000;
    private static readonly char[] Separators = [';', ',', '\t'];

    static CsvTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async IAsyncEnumerable<TableRow> ReadAsync(
        Stream content, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var prefix = new byte[SniffBytes];
        var length = await content.ReadAtLeastAsync(prefix, SniffBytes, throwOnEndOfStream: false, cancellationToken);
        var encoding = DetectEncoding(prefix.AsSpan(0, length), wholeFile: length < SniffBytes);
        // The window may end inside a character: the sniff decodes it leniently; the reader below stays strict.
        var separator = DetectSeparator(Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback).GetString(prefix, 0, length));

        using var reader = new StreamReader(new PrefixedStream(prefix, length, content), encoding, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            BadDataFound = null,
            IgnoreBlankLines = false,
            MaxFieldSize = MaxFieldLength,
        });

        while (await ReadAsync(csv, fileName))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new TableRow(csv.RawRow, csv.Record ?? []);
        }
    }

    /// <summary>
    /// UTF-8 or UTF-16 by their BOM; UTF-8 when the bytes decode strictly; otherwise Windows-1251. When
    /// <paramref name="wholeFile"/>, a character cut by the end is invalid too (nothing follows to complete it).
    /// </summary>
    internal static Encoding DetectEncoding(ReadOnlySpan<byte> prefix, bool wholeFile = false)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            // A multi-byte character cut by the end of the prefix is not an error unless the prefix is the whole file.
            strict.GetDecoder().GetCharCount(prefix, flush: wholeFile);
            return strict;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1251);
        }
    }

    /// <summary>The separator that occurs most often outside quotes in the first 20 non-empty lines; <c>;</c> wins a tie.</summary>
    internal static char DetectSeparator(string text)
    {
        var counts = new int[Separators.Length];
        var quoted = false;
        var lines = 0;
        var lineHasText = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '\n')
            {
                lines += lineHasText ? 1 : 0;
                lineHasText = false;
                if (lines >= 20)
                {
                    break;
                }
            }
            else if (!quoted && Array.IndexOf(Separators, c) is var index and >= 0)
            {
                counts[index]++;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineHasText = true;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            best = counts[i] > counts[best] ? i : best;
        }

        return Separators[best];
    }

    private static async Task<bool> ReadAsync(CsvParser csv, string fileName)
    {
        try
        {
            return await csv.ReadAsync();
        }
        catch (CsvHelperException exception) when (exception is FieldValidationException || exception.Message.Contains("MaxFieldSize", StringComparison.Ordinal))
        {
            throw new UploadRejectedException(
                $"Файл «{fileName}», строка {csv.RawRow}: поле длиннее {MaxFieldLength} символов; файл отклонён.", exception);
        }
        catch (CsvHelperException exception)
        {
            throw new UploadRejectedException($"Файл «{fileName}», строка {csv.RawRow}: файл не читается как CSV.", exception);
        }
        catch (DecoderFallbackException exception)
        {
            // The start of the file read as UTF-8, a later byte did not (a file cut or spliced mid-character).
            throw new UploadRejectedException(
                $"Файл «{fileName}», строка {csv.RawRow}: текст не читается в кодировке UTF-8; сохраните файл заново в UTF-8 или Windows-1251.", exception);
        }
    }
}
