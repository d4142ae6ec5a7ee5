using System.IO.Compression;
using System.Text;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Uploads;

/// <summary>Which format a file is in, and the words messages use for its rows.</summary>
public static class UploadFormats
{
    /// <summary>The extensions accepted, as messages name them.</summary>
    private const string Accepted = ".xlsx, .xls, .csv, .txt, .tsv, .json";

    private const string Resave = "Откройте файл в Excel и сохраните его как «Книга Excel (.xlsx)» или «CSV (разделители — точка с запятой)».";

    /// <summary>
    /// The format of a file, told by its first bytes before its name: a ZIP archive holding <c>xl/workbook.xml</c> is an
    /// Excel workbook, an OLE2 compound file is an Excel 97–2003 workbook, text starting with <c>[</c> or named
    /// <c>.json</c> is JSON (text starting with <c>[{</c>, <c>[]</c> or <c>{</c>; a CSV whose first line is «[Свод]» is
    /// not), other text is delimited text, whatever the extension says (a CSV saved as «.xls» is read as the CSV it is).
    /// What cannot be read is refused, saying how to resave it: an OpenDocument spreadsheet (.ods), a Word or RTF
    /// document, a PDF, a web page (HTML, MHTML) or XML saved with an Excel extension, an empty file, any other binary file.
    /// </summary>
    /// <param name="fileName">The file's name, for its extension and messages.</param>
    /// <param name="content">The file, seekable; left at position 0.</param>
    /// <exception cref="FileRejectedException">The file is in no format the product reads.</exception>
    public static UploadFormat Detect(string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        var buffer = new byte[512];
        var length = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var head = buffer.AsSpan(0, length);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (head.StartsWith("PK\x03\x04"u8))
        {
            return Archive(fileName, content);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return extension is ".doc" or ".ppt" or ".msg"
                ? throw new FileRejectedException($"Файл «{fileName}»: это документ Office, а не таблица. {Resave}")
                : UploadFormat.Xls;
        }

        if (head.StartsWith("%PDF"u8))
        {
            throw new FileRejectedException($"Файл «{fileName}»: PDF не принимается, из него нельзя надёжно прочитать таблицу. Загрузите исходную таблицу в формате {Accepted}.");
        }

        if (length == 0 || head.TrimStart((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D]).IsEmpty)
        {
            throw new FileRejectedException($"Файл «{fileName}» пуст.");
        }

        if (IsBinary(head))
        {
            throw new FileRejectedException($"Файл «{fileName}»: формат не распознан (это не таблица Excel, не CSV и не JSON). {Resave}");
        }

        var text = FirstText(head);
        if (text.StartsWith('<') || text.StartsWith("MIME-Version:", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileRejectedException(
                $"Файл «{fileName}»: это веб-страница или XML (так сохраняют «таблицы Excel» некоторые программы), а не книга Excel. {Resave}");
        }

        if (text.StartsWith(@"{\rtf", StringComparison.Ordinal))
        {
            throw new FileRejectedException($"Файл «{fileName}»: это документ RTF, а не таблица. Перенесите таблицу в Excel и сохраните как .xlsx.");
        }

        var json = text.StartsWith('{') || (text.StartsWith('[') && text[1..].TrimStart() is var rest && (rest.Length == 0 || rest[0] is '{' or ']'));
        return extension == ".json" || json ? UploadFormat.Json : UploadFormat.Csv;
    }

    /// <summary>The word for a row in messages: records of JSON, rows of tables.</summary>
    public static string RowNoun(this UploadFormat format) => format == UploadFormat.Json ? "запись" : "строка";

    private static UploadFormat Archive(string fileName, Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("xl/workbook.xml") is not null || zip.Entries.Any(entry => entry.FullName.StartsWith("xl/", StringComparison.Ordinal)))
            {
                return UploadFormat.Xlsx;
            }

            if (zip.GetEntry("mimetype") is { } mimetype && ReadShort(mimetype).Contains("opendocument.spreadsheet", StringComparison.Ordinal))
            {
                throw new FileRejectedException(
                    $"Файл «{fileName}»: таблица OpenDocument (.ods) не принимается. Откройте её в LibreOffice или Excel и сохраните как «Книга Excel (.xlsx)».");
            }

            throw new FileRejectedException(zip.GetEntry("word/document.xml") is not null
                ? $"Файл «{fileName}»: это документ Word, а не таблица. Перенесите таблицу в Excel и сохраните как .xlsx."
                : $"Файл «{fileName}»: архив, а не таблица. Загрузите саму таблицу в формате {Accepted}.");
        }
        catch (InvalidDataException exception)
        {
            throw new FileRejectedException($"Файл «{fileName}» не является книгой Excel (.xlsx): архив повреждён. {Resave}", exception);
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static string ReadShort(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[100];
        return Encoding.ASCII.GetString(buffer, 0, stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false));
    }

    /// <summary>More than a stray control byte (zero included; tab and line breaks are text) in a start that is not UTF-16: not text.</summary>
    private static bool IsBinary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || Tables.TextEncoding.Utf16WithoutMark(head) is not null)
        {
            return false;
        }

        var controls = 0;
        foreach (var b in head)
        {
            controls += b is < 0x20 and not (0x09 or 0x0A or 0x0D or 0x0C) ? 1 : 0;
        }

        return controls > 1 + (head.Length / 100);
    }

    /// <summary>The start as text with BOM, zeros (UTF-16) and leading white space dropped.</summary>
    private static string FirstText(ReadOnlySpan<byte> head)
    {
        var text = new StringBuilder();
        foreach (var b in head.Length > 64 ? head[..64] : head)
        {
            if (b is not (0 or 0xEF or 0xBB or 0xBF or 0xFF or 0xFE))
            {
                text.Append((char)b);
            }
        }

        return text.ToString().TrimStart();
    }
}
