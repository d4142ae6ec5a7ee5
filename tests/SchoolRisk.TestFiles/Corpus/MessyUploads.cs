using System.Text;
using SchoolRisk.TestFiles.Workbooks;

namespace SchoolRisk.TestFiles.Corpus;

/// <summary>
/// The messy-upload corpus: one small file for each kind of thing real files do, built here in code (deterministic, no
/// binary checked in), with what reading each must give. The domain tests read every file; the end-to-end tests upload
/// every file through the local host, as a municipality would, and check what is stored.
/// </summary>
public static class MessyUploads
{
    private static readonly Encoding Windows1251 = Windows1251Encoding();

    public static IReadOnlyList<MessyUpload> All { get; } =
    [
        new("Excel percent format: 12,5 % stored as 0.125", "percent.xlsx",
            Xlsx([["Код школы", "ЕГЭ ниже минимума", "ОГЭ на «2»"], ["gatchinsky-001", new NumberValue(0.125, "0.0%"), new NumberValue(0.03, "0%")]]),
            Values(("gatchinsky-001", [("ege_below_min_share", 12.5m), ("oge_fail_share", 3m)])), []),
        new("A formula's binary noise shown as «10,0»: 10 on the threshold", "formula.xlsx",
            Xlsx([["Код школы", "ЕГЭ ниже минимума"], ["gatchinsky-001", new FormulaValue("B3/B4*100", 9.999999999999998, "0.0")]]),
            Values(("gatchinsky-001", [("ege_below_min_share", 10m)])), []),
        new("A number Excel turned into a date", "date.xlsx",
            Xlsx([["Код школы", "ЕГЭ ниже минимума"], ["gatchinsky-001", new NumberValue(45415, "dd.mm.yyyy")], ["gatchinsky-002", 4]]),
            Values(("gatchinsky-002", [("ege_below_min_share", 4m)])), ["в ячейке дата «03.05.2024», а не число"]),
        new("A date in a workbook of the 1904 date system", "date1904.xlsx",
            Xlsx([["Код школы", "ЕГЭ ниже минимума"], ["gatchinsky-001", new NumberValue(43953, "dd.mm.yyyy")], ["gatchinsky-002", 4]], date1904: true),
            Values(("gatchinsky-002", [("ege_below_min_share", 4m)])), ["в ячейке дата «03.05.2024»"]),
        new("Numbers kept as text, with an apostrophe", "text-numbers.xlsx",
            Xlsx([["Код школы", "ЕГЭ ниже минимума", "ОГЭ на «2»"], ["gatchinsky-001", new TextValue("12,5", QuotePrefix: true), new TextValue("'7")]]),
            Values(("gatchinsky-001", [("ege_below_min_share", 12.5m), ("oge_fail_share", 7m)])), []),
        new("Units as people write them: «12,5 %», «12,5%», «5‰»", "units.csv",
            Utf8("school_id;ege_below_min_share;oge_fail_share;offences_per_1000\ngatchinsky-001;12,5 %;12,5%;5‰\n"),
            Values(("gatchinsky-001", [("ege_below_min_share", 12.5m), ("oge_fail_share", 12.5m), ("offences_per_1000", 5m)])), []),
        new("Thousands separators: space, no-break space, narrow no-break space, a comma in a point-decimal file", "thousands.csv",
            Utf8("school_id,offences_per_1000,supervision_orders\ngatchinsky-001,1 234,1\ngatchinsky-002,1\u00A0234.5,2\ngatchinsky-003,1\u202F234,3\ngatchinsky-004,\"1,234\",4\ngatchinsky-005,0.5,5\n"),
            Values(
                ("gatchinsky-001", [("offences_per_1000", 1234m)]), ("gatchinsky-002", [("offences_per_1000", 1234.5m)]), ("gatchinsky-003", [("offences_per_1000", 1234m)]),
                ("gatchinsky-004", [("offences_per_1000", 1234m)]), ("gatchinsky-005", [("offences_per_1000", 0.5m)])),
            []),
        new("A value two readings fit, which nothing in the file settles", "ambiguous.csv",
            Utf8("school_id;offences_per_1000\ngatchinsky-001;1,234\ngatchinsky-002;7\n"),
            Values(("gatchinsky-002", [("offences_per_1000", 7m)])), ["можно прочесть двояко"]),
        new("Windows-1251 whose Cyrillic starts after the first 64 KiB", "late-cyrillic.csv",
            LateCyrillic(),
            Values(("gatchinsky-001", [("ege_below_min_share", 1m)]), ("gatchinsky-002", [("ege_below_min_share", 2m)])), [], Notes: 1, Unrecognised: ["comment"]),
        new("Excel 97–2003 workbook (.xls)", "svod.xls",
            XlsWriter.Write([new TestSheet("Лист1", [["Код ОО", "Наименование ОО", "Сохранность контингента"], ["gatchinsky-001", "СОШ № 1", 91.5], ["gatchinsky-002", "СОШ № 2", new NumberValue(0.927, "0.0%")]])]),
            Values(("gatchinsky-001", [("retention_share", 91.5m)]), ("gatchinsky-002", [("retention_share", 92.7m)])), []),
        new("Tab-separated with decimal commas (.tsv)", "svod.tsv",
            Utf8("Код ОО\tНаименование ОО\tЕГЭ ниже минимума\tИндекс социального благополучия\ngatchinsky-001\tСОШ № 1\t1,1\t0,33\ngatchinsky-002\tСОШ № 2\t11,6\t0,61\n"),
            Values(("gatchinsky-001", [("ege_below_min_share", 1.1m), ("social_wellbeing_index", 0.33m)]), ("gatchinsky-002", [("ege_below_min_share", 11.6m), ("social_wellbeing_index", 0.61m)])), []),
        new("An OpenDocument spreadsheet (.ods)", "svod.ods",
            Archives.Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>")),
            Values(), [], Rejection: "сохраните как «Книга Excel (.xlsx)»"),
        new("Headers as people write them: other order and forms, abbreviations, units, notes in brackets and on a second line", "headers.csv",
            Utf8("Код ОО (по реестру);Результаты ЕГЭ ниже мин. балла, доля;\"Доля двоек ОГЭ\n(по данным РЦОКО)\";Педагоги высшей кв. категории, %;Сохранность контингента обучающихся 2023-2024\n" +
                "gatchinsky-001;4;5;30;97\n"),
            Values(("gatchinsky-001", [("ege_below_min_share", 4m), ("oge_fail_share", 5m), ("teachers_top_category_share", 30m), ("retention_share", 97m)])), []),
        new("A header that matches nothing is reported with the closest indicator, even when every row is fine", "unknown-header.csv",
            Utf8("school_id;ege_below_min_share;Сохранённость контингента\ngatchinsky-001;4;97\n"),
            Values(("gatchinsky-001", [("ege_below_min_share", 4m)])), [], Unrecognised: ["Сохранённость контингента"]),
        new("JSON whose first record lacks a key", "missing-key.json",
            Utf8("""[{"school_id": "gatchinsky-001", "oge_fail_share": 3.0}, {"school_id": "gatchinsky-002", "ege_below_min_share": 12.5, "oge_fail_share": "4,0"}]"""),
            Values(("gatchinsky-001", [("ege_below_min_share", null), ("oge_fail_share", 3m)]), ("gatchinsky-002", [("ege_below_min_share", 12.5m), ("oge_fail_share", 4m)])), []),
        new("The data sheet after an instruction sheet", "sheets.xlsx",
            XlsxWriter.Write([
                new TestSheet("Инструкция", [["Заполните лист «Свод». Код школы — из реестра."]]),
                new TestSheet("Свод", [["Сведения о школах"], [], ["Код ОО", "ЕГЭ ниже минимума"], ["gatchinsky-001", 6]]),
            ]),
            Values(("gatchinsky-001", [("ege_below_min_share", 6m)])), []),
        new("A total, a sub-heading and a signature under the table", "totals.csv",
            Utf8("Код ОО;Наименование;ЕГЭ ниже минимума\nГородские школы;;\ngatchinsky-001;СОШ № 1;4\nИтого по району;;4\n;;\nИсполнитель: Иванова И. И., тел. 2-34-56;;\n"),
            Values(("gatchinsky-001", [("ege_below_min_share", 4m)])), [], Notes: 3),
        new("Quoted cells spanning lines: rows numbered as Excel shows them", "multiline.csv",
            Utf8("school_id;ege_below_min_share;comment\ngatchinsky-001;1;\"строка 1\nстрока 2\nстрока 3\"\ngatchinsky-002;много;x\n"),
            Values(("gatchinsky-001", [("ege_below_min_share", 1m)])), ["строка 3, столбец «ege_below_min_share»: значение «много» не является числом"], Unrecognised: ["comment"]),
        new("A school id with «/» that is not in the registry", "slash-id.csv",
            Utf8("school_id;ege_below_min_share\ngatchinsky-001/1;12,5\ngatchinsky-002;4\n"),
            Values(("gatchinsky-002", [("ege_below_min_share", 4m)])), ["школа «gatchinsky-001/1» не найдена в реестре школ"]),
        new("A comma-separated row with a decimal comma: more fields than the header, skipped, never read shifted", "shifted.csv",
            Utf8("school_id,ege_below_min_share,oge_fail_share\ngatchinsky-001,12,5,3\ngatchinsky-002,4,11\n"),
            Values(("gatchinsky-002", [("ege_below_min_share", 4m), ("oge_fail_share", 11m)])), ["значения сдвинулись"]),
        new("A header naming a unit its indicator is not measured in: the column is not read", "unit-header.csv",
            Utf8("Код ОО;ОГЭ на 2;Обучающиеся с ОВЗ, чел.\ngatchinsky-001;1;45\n"),
            Values(("gatchinsky-001", [("oge_fail_share", 1m), ("ovz_share", null)])), [], Unrecognised: ["Обучающиеся с ОВЗ, чел."]),
        new("Last year's sheet and this year's in one workbook", "two-years.xlsx",
            XlsxWriter.Write([
                new TestSheet("2022-2023", [["Код ОО", "ЕГЭ ниже минимума"], ["gatchinsky-001", 1]]),
                new TestSheet("2023-2024", [["Код ОО", "ЕГЭ ниже минимума"], ["gatchinsky-001", 12.5]]),
            ]),
            Values(), [], Rejection: "в книге несколько листов с таблицей школ («2022-2023», «2023-2024»)"),
        new("A formula's error cell", "error-cell.xlsx",
            Xlsx([["Код школы", "ЕГЭ ниже минимума"], ["gatchinsky-001", new ErrorValue("#DIV/0!")], ["gatchinsky-002", 4]]),
            Values(("gatchinsky-002", [("ege_below_min_share", 4m)])), ["в ячейке ошибка формулы «#DIV/0!»"]),
        new("A stray quote that would swallow the rows after it", "stray-quote.csv",
            Utf8("Код ОО;Наименование;ЕГЭ ниже минимума\ngatchinsky-001;СОШ № 1;12,5\ngatchinsky-002;\"СОШ № 2;4\ngatchinsky-003;СОШ № 3;20\n"),
            Values(), [], Rejection: "ячейка открывается кавычкой"),
        new("A 40,000-character cell", "huge-cell.csv",
            Utf8($"school_id;ege_below_min_share;comment\ngatchinsky-001;{new string('9', 40_000)};x\ngatchinsky-002;3;{new string('я', 40_000)}\n"),
            Values(("gatchinsky-002", [("ege_below_min_share", 3m)])), ["(40 000 знаков)"], Unrecognised: ["comment"]),
    ];

    private static Dictionary<string, IReadOnlyDictionary<string, decimal?>> Values(params (string School, (string Indicator, decimal? Value)[] Values)[] schools) =>
        schools.ToDictionary(school => school.School, school => (IReadOnlyDictionary<string, decimal?>)school.Values.ToDictionary(value => value.Indicator, value => value.Value));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Xlsx(IReadOnlyList<IReadOnlyList<SheetValue?>> rows, bool date1904 = false) => XlsxWriter.Write([new TestSheet("Данные", rows)], date1904);

    private static byte[] LateCyrillic()
    {
        var ascii = new string('x', 70_000);
        return Windows1251.GetBytes($"school_id;ege_below_min_share;comment\r\ngatchinsky-001;1;{ascii}\r\ngatchinsky-002;2;Пересдача в мае\r\nИтого по району;;\r\n");
    }


    private static Encoding Windows1251Encoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1251);
    }
}
