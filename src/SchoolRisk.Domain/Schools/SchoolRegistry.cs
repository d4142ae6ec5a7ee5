using System.Globalization;
using System.Runtime.CompilerServices;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Schools;

/// <summary>
/// The schools of the region, by id: who exists, and which municipality each belongs to. Read from a CSV with the
/// columns <c>school_id, school_name, municipality_id, level, settlement, remote, enrolment</c>.
/// </summary>
public sealed class SchoolRegistry
{
    private static readonly string[] Columns = ["school_id", "school_name", "municipality_id", "level", "settlement", "remote", "enrolment"];

    private readonly Dictionary<string, RegisteredSchool> _schools;

    public SchoolRegistry(IEnumerable<RegisteredSchool> schools)
    {
        _schools = schools.ToDictionary(school => school.Id, StringComparer.OrdinalIgnoreCase);
        MunicipalityIds = [.. _schools.Values.Select(school => school.MunicipalityId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The municipalities the schools belong to, in ordinal order.</summary>
    public IReadOnlyList<string> MunicipalityIds { get; }

    public RegisteredSchool? Find(string schoolId) => _schools.GetValueOrDefault(schoolId);

    public IEnumerable<RegisteredSchool> InMunicipality(string municipalityId) =>
        _schools.Values.Where(school => school.MunicipalityId == municipalityId).OrderBy(school => school.Id, StringComparer.Ordinal);

    public static async Task<SchoolRegistry> ReadCsvAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        new(await ReadSchoolsAsync(content, fileName, cancellationToken).ToListAsync(cancellationToken));

    private static async IAsyncEnumerable<RegisteredSchool> ReadSchoolsAsync(
        Stream content, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int[]? index = null;
        await foreach (var row in CsvTable.ReadAsync(content, fileName, cancellationToken))
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (index is null)
            {
                index = row.IndexesOf(Columns, column => $"Реестр «{fileName}»: нет столбца «{column}».");
                continue;
            }

            string Cell(int column) => row.Cell(index[column])?.Trim() ?? string.Empty;
            if (!int.TryParse(Cell(6), NumberStyles.Integer, CultureInfo.InvariantCulture, out var enrolment))
            {
                throw new UploadRejectedException($"Реестр «{fileName}», строка {row.Number}: численность «{Cell(6)}» не является целым числом.");
            }

            yield return new RegisteredSchool(Cell(0), Cell(1), Cell(2), Cell(3), Cell(4), Cell(5) == "yes", enrolment);
        }
    }
}
