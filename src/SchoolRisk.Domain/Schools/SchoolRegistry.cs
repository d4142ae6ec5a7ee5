using System.Globalization;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Registry;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Schools;

/// <summary>
/// The schools of the region, by id: who exists, and which municipality each belongs to (docs/methodology.md, section 2). Read
/// from the committee's CSV with the columns <c>school_id, school_name, municipality_id, level, settlement, remote,
/// enrolment</c>, checked row by row: a row with a problem is refused and named in <see cref="Check"/>, the other rows
/// are the registry. Ids are unique ignoring case: a row repeated word for word is counted once (a note), a later row
/// with the same id and other data is refused and the first stays.
/// </summary>
public sealed class SchoolRegistry : ICommitteeFile
{
    /// <summary>What the committee calls this file in messages.</summary>
    public const string Title = "Реестр школ";

    public const string Secondary = "secondary";
    public const string Basic = "basic";
    public const string Urban = "urban";
    public const string Rural = "rural";

    private static readonly string[] Columns = ["school_id", "school_name", "municipality_id", "level", "settlement", "remote", "enrolment"];

    private static readonly string[] OptionalColumns = ["district"];

    /// <summary>Programme levels as written, lower case with «ё» as «е»: the ids and the Russian words and abbreviations people use.</summary>
    private static readonly Dictionary<string, string> Levels = new(StringComparer.Ordinal)
    {
        [Secondary] = Secondary,
        ["средняя"] = Secondary,
        ["сош"] = Secondary,
        [Basic] = Basic,
        ["основная"] = Basic,
        ["оош"] = Basic,
    };

    private static readonly Dictionary<string, string> Settlements = new(StringComparer.Ordinal)
    {
        [Urban] = Urban,
        ["городская"] = Urban,
        ["город"] = Urban,
        [Rural] = Rural,
        ["сельская"] = Rural,
        ["село"] = Rural,
    };

    private static readonly Dictionary<string, bool> YesNo = new(StringComparer.Ordinal) { ["yes"] = true, ["да"] = true, ["no"] = false, ["нет"] = false };

    /// <summary>The schools by the text of their ids, ignoring case: an upload's <c>GATCHINSKY-001</c> is the registry's <c>gatchinsky-001</c>.</summary>
    private readonly Dictionary<string, RegisteredSchool> _schools;

    /// <summary>A registry of schools given by code (tests, tools); ids must be unique ignoring case.</summary>
    public SchoolRegistry(IEnumerable<RegisteredSchool> schools)
        : this([.. schools], null)
    {
    }

    private SchoolRegistry(IReadOnlyCollection<RegisteredSchool> schools, FileCheck? check)
    {
        _schools = schools.ToDictionary(school => school.Id.ToString(), StringComparer.OrdinalIgnoreCase);
        MunicipalityIds = [.. _schools.Values.Select(school => school.MunicipalityId).Distinct().Order()];
        Check = check ?? FileCheck.AllValid(Title, _schools.Count);
    }

    /// <summary>The municipalities the schools belong to, in ordinal order.</summary>
    public IReadOnlyList<MunicipalityId> MunicipalityIds { get; }

    public FileCheck Check { get; }

    /// <summary>
    /// The school <paramref name="schoolId"/> names, ignoring case (an upload's <c>GATCHINSKY-001</c> finds the registry's
    /// <c>gatchinsky-001</c>, whose <see cref="RegisteredSchool.Id"/> is the spelling that travels on), or <c>null</c>
    /// when the registry has no such school.
    /// </summary>
    public RegisteredSchool? Find(SchoolId schoolId) => _schools.GetValueOrDefault(schoolId.ToString());

    public IEnumerable<RegisteredSchool> InMunicipality(MunicipalityId municipalityId) =>
        _schools.Values.Where(school => school.MunicipalityId == municipalityId).OrderBy(school => school.Id);

    /// <summary>
    /// Reads and checks a registry CSV (any encoding and separator <see cref="CsvTable"/> reads). Never throws on a row's
    /// problem; throws <see cref="FileRejectedException"/> when the file cannot be read at all (not CSV, empty, a column
    /// missing), with a Russian message naming the file.
    /// </summary>
    public static async Task<SchoolRegistry> ReadCsvAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var log = new FileCheckLog(Title, fileName);
        var schools = new Dictionary<string, (RegisteredSchool School, int Row)>(StringComparer.OrdinalIgnoreCase);
        await foreach (var (row, cells) in log.RowsAsync(content, Columns, OptionalColumns, cancellationToken))
        {
            if (Read(row, cells, log) is not { } school)
            {
                continue;
            }

            if (!schools.TryGetValue(school.Id.ToString(), out var first))
            {
                schools[school.Id.ToString()] = (school, row.Number);
            }
            else if (school with { Id = first.School.Id } == first.School)
            {
                log.Note(row, Columns[0], school.Id.ToString(), $"строка повторяет строку {first.Row}; школа «{school.Id}» учтена один раз, повтор можно удалить.");
            }
            else
            {
                log.Refuse(row, Columns[0], school.Id.ToString(),
                    $"школа «{school.Id}» уже есть в строке {first.Row} с другими данными; действует строка {first.Row}, эта строка не учтена. Оставьте одну из строк.");
            }
        }

        return new SchoolRegistry([.. schools.Values.Select(entry => entry.School)], log.Build(schools.Count));
    }

    /// <summary>One row's school, or <c>null</c> when any of its cells is refused (each refusal logged).</summary>
    private static RegisteredSchool? Read(TableRow row, string[] cells, FileCheckLog log)
    {
        var problems = 0;
        void Refuse(int column, string problem)
        {
            problems++;
            log.Refuse(row, Columns[column], cells[column].Length > 0 ? cells[column] : null, problem);
        }

        if (!SchoolId.TryParse(cells[0], out var id))
        {
            Refuse(0, cells[0].Length == 0
                ? "не указан код школы."
                : SchoolId.ProblemOf(cells[0]) + " Исправьте код в реестре и в файлах муниципалитета.");
        }

        if (!MunicipalityId.TryParse(cells[2].ToLowerInvariant(), out var municipality))
        {
            Refuse(2, cells[2].Length == 0
                ? "не указан код муниципалитета."
                : $"«{cells[2]}» не является кодом муниципалитета: латинские строчные буквы, цифры и дефис, как папка загрузок муниципалитета (например gatchinsky).");
        }

        if (!Levels.TryGetValue(Key(cells[3]), out var level))
        {
            Refuse(3, $"{(cells[3].Length == 0 ? "не указан уровень" : $"уровень «{cells[3]}» не распознан")}: укажите {Secondary} (средняя, СОШ) или {Basic} (основная, ООШ).");
        }

        if (!Settlements.TryGetValue(Key(cells[4]), out var settlement))
        {
            Refuse(4, $"{Given("местность", cells[4])}: укажите {Urban} (городская) или {Rural} (сельская).");
        }

        if (!YesNo.TryGetValue(Key(cells[5]), out var remote))
        {
            Refuse(5, $"{Given("удалённость", cells[5])}: укажите yes (да) или no (нет).");
        }

        var digits = string.Concat(cells[6].Where(c => c is not (' ' or '\u00A0' or '\u202F')));
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var enrolment))
        {
            Refuse(6, $"{Given("численность", cells[6])}: укажите целое неотрицательное число учащихся, например 387.");
        }

        return problems > 0 ? null : new RegisteredSchool(id, cells[1], municipality, level!, settlement!, remote, enrolment) { District = cells[7].Length > 0 ? cells[7] : null };
    }

    /// <summary>«не указана местность» or «местность «x» не распознана» (the feminine nouns of the columns).</summary>
    private static string Given(string what, string text) => text.Length == 0 ? $"не указана {what}" : $"{what} «{text}» не распознана";

    private static string Key(string text) => text.ToLowerInvariant().Replace('ё', 'е');
}
