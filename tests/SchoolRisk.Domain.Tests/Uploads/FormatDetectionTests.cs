using System.Text;
using SchoolRisk.Domain.Tests.Uploads.Support;
using SchoolRisk.TestFiles.Workbooks;

namespace SchoolRisk.Domain.Tests.Uploads;

/// <summary>A file is read by what it is, not what its name says; what the product cannot read is refused saying how to resave it.</summary>
public sealed class FormatDetectionTests
{
    private const string Csv = "school_id;ege_below_min_share\ngatchinsky-001;12,5\n";

    [Theory]
    [InlineData("schools.csv")]
    [InlineData("schools.txt")]
    [InlineData("schools.tsv")]
    [InlineData("schools.xls")]
    [InlineData("schools")]
    public async Task TextWhateverTheName_IsReadAsTheDelimitedTextItIs(string fileName)
    {
        var (rows, _) = await Reading.ReadAsync(Encoding.UTF8.GetBytes(Csv), fileName);

        Assert.Equal(12.5m, Assert.Single(rows).Indicators.EgeBelowMinShare);
    }

    [Fact]
    public async Task ACsvWhoseFirstLineIsInSquareBrackets_IsReadAsTheCsvItIs()
    {
        var (rows, _) = await Reading.ReadAsync(Encoding.UTF8.GetBytes("[Свод по школам]\n" + Csv), "schools.csv");

        Assert.Equal(12.5m, Assert.Single(rows).Indicators.EgeBelowMinShare);
    }

    [Theory]
    [InlineData("schools.xlsx")]
    [InlineData("schools.xls")]
    [InlineData("schools.csv")]
    public async Task WorkbookWhateverTheName_IsReadAsAWorkbook(string fileName)
    {
        var workbook = XlsxWriter.Write([new TestSheet("Лист1", [["Код школы", "ЕГЭ ниже минимума"], ["gatchinsky-001", 12.5]])]);

        var (rows, _) = await Reading.ReadAsync(workbook, fileName);

        Assert.Equal(12.5m, Assert.Single(rows).Indicators.EgeBelowMinShare);
    }

    public static TheoryData<string, byte[], string> Unreadable() => new()
    {
        { "schools.ods", Archives.Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")), "таблица OpenDocument (.ods) не принимается. Откройте её в LibreOffice или Excel и сохраните как «Книга Excel (.xlsx)»" },
        { "schools.docx", Archives.Zip(("word/document.xml", "<x/>")), "это документ Word, а не таблица" },
        { "schools.zip", Archives.Zip(("schools.csv", Csv)), "архив, а не таблица" },
        { "schools.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%âãÏÓ\n1 0 obj"), "PDF не принимается" },
        { "schools.xls", Encoding.UTF8.GetBytes("<html><body><table><tr><td>school_id</td></tr></table></body></html>"), "это веб-страница или XML" },
        { "schools.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00], "не является книгой Excel (.xlsx): архив повреждён" },
        { "schools.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600]], "не читается как книга Excel (.xls)" },
        { "schools.bin", [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0E, 0x0F], "формат не распознан" },
        { "schools.csv", [], "пуст" },
        { "schools.xls", Encoding.ASCII.GetBytes("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n"), "это веб-страница или XML" },
        { "schools.xls", Encoding.ASCII.GetBytes("{\\rtf1\\ansi Код ОО}"), "это документ RTF" },
        { "schools.json", Encoding.UTF8.GetBytes("{\"school_id\": \"gatchinsky-001\""), "не читается как JSON-массив записей" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task WhatCannotBeRead_IsRefusedNamingTheFileAndWhatToDo(string fileName, byte[] content, string expected)
    {
        var message = await Reading.RejectionAsync(content, fileName);

        Assert.StartsWith($"Файл «{fileName}»", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
