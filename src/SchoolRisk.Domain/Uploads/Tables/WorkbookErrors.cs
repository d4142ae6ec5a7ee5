using System.IO.Compression;
using System.Xml;

namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// The error cells («#DIV/0!», «#N/A», …) of one sheet of an <c>.xlsx</c> workbook, by row and column (1-based row,
/// 0-based column). ExcelDataReader 3.6 reads an error cell as empty, which would make a formula that failed a missing
/// value without a word (3.7 exposes the error, but the registry does not serve it); so the sheet's XML is searched for
/// cells typed <c>t="e"</c> (bytes only), and parsed once more only when it has one. Cells without a reference are
/// placed after the previous one, as Excel does.
/// </summary>
internal static class WorkbookErrors
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The error cells of the sheet at <paramref name="sheetIndex"/> (workbook order); empty when the workbook cannot be followed this way.</summary>
    public static IReadOnlyDictionary<(int Row, int Column), string> Of(Stream content, int sheetIndex)
    {
        content.Position = 0;
        var errors = new Dictionary<(int, int), string>();
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (SheetPart(zip, sheetIndex) is { } part && HasErrorCells(part))
            {
                using var sheet = part.Open();
                Read(sheet, errors);
            }
        }
        catch (Exception exception) when (exception is XmlException or InvalidDataException)
        {
            // ExcelDataReader reads what it can of such a workbook; the errors it cannot show are not looked for.
        }
        finally
        {
            content.Position = 0;
        }

        return errors;
    }

    /// <summary>Whether the sheet's XML has a cell typed as an error at all: a byte search, so a sheet without one is not parsed again.</summary>
    private static bool HasErrorCells(ZipArchiveEntry part)
    {
        ReadOnlySpan<byte> marker = "t=\"e\""u8;
        using var sheet = part.Open();
        var buffer = new byte[81920 + 8];
        var carried = 0;
        int read;
        while ((read = sheet.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var filled = carried + read;
            if (buffer.AsSpan(0, filled).IndexOf(marker) >= 0 || buffer.AsSpan(0, filled).IndexOf("t='e'"u8) >= 0)
            {
                return true;
            }

            carried = Math.Min(marker.Length - 1, filled);
            buffer.AsSpan(filled - carried, carried).CopyTo(buffer);
        }

        return false;
    }

    private static ZipArchiveEntry? SheetPart(ZipArchive zip, int sheetIndex)
    {
        var workbook = Load(zip, "xl/workbook.xml");
        var rels = Load(zip, "xl/_rels/workbook.xml.rels");
        var sheet = workbook?.GetElementsByTagName("sheet", Main).Cast<XmlElement>().ElementAtOrDefault(sheetIndex);
        var id = sheet?.GetAttribute("id", Relationships);
        var target = rels?.GetElementsByTagName("Relationship", "http://schemas.openxmlformats.org/package/2006/relationships").Cast<XmlElement>()
            .FirstOrDefault(relationship => relationship.GetAttribute("Id") == id)?.GetAttribute("Target");
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
        return zip.GetEntry(path);
    }

    private static XmlDocument? Load(ZipArchive zip, string name)
    {
        if (zip.GetEntry(name) is not { } entry)
        {
            return null;
        }

        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var document = new XmlDocument { XmlResolver = null };
        document.Load(reader);
        return document;
    }

    private static void Read(Stream sheet, Dictionary<(int, int), string> errors)
    {
        using var reader = XmlReader.Create(sheet, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        var (row, column) = (0, -1);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != Main)
            {
                continue;
            }

            if (reader.LocalName == "row")
            {
                row = int.TryParse(reader.GetAttribute("r"), out var r) ? r : row + 1;
                column = -1;
            }
            else if (reader.LocalName == "c")
            {
                column = Column(reader.GetAttribute("r")) ?? column + 1;
                if (reader.GetAttribute("t") == "e" && !reader.IsEmptyElement)
                {
                    var (at, value) = ((row, column), string.Empty);
                    using var cell = reader.ReadSubtree();
                    while (cell.Read())
                    {
                        if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "v")
                        {
                            value = cell.ReadElementContentAsString();
                        }
                    }

                    errors[at] = value.Length > 0 ? value : "#ERROR";
                }
            }
        }
    }

    /// <summary>The 0-based column of a reference such as «AB12»; <c>null</c> when there is none.</summary>
    private static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || !char.IsAsciiLetter(reference[0]))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }
}
