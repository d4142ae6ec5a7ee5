using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// The form every report file takes, an upload's or a committee file's: JSON with camel-case names, enums as strings
/// and Cyrillic unescaped; CSV in UTF-8 with BOM and <c>;</c> separators, so Excel on a Russian Windows opens it as is,
/// every cell neutralised against formula injection (<see cref="SpreadsheetText"/>).
/// </summary>
internal static class ReportFileFormat
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>A CSV writer over <paramref name="destination"/>, left open, that starts with the UTF-8 BOM.</summary>
    public static StreamWriter CsvWriter(Stream destination) =>
        new(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);

    /// <summary>One CSV line of neutralised cells.</summary>
    public static string Line(params string?[] cells) => string.Join(';', cells.Select(cell => SpreadsheetText.CsvField(cell, ';')));
}
