using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Cli.Uploads;

/// <summary>
/// What reading a file as an upload finds, with no storage and no server: the same <see cref="UploadReading"/> the
/// function app runs. Without a registry, every id that could be a school id (<see cref="NonSchoolRows.LooksLikeSchoolId"/>:
/// Latin letters, digits, «-», «_», «.») is taken for a school of the municipality, and <see cref="RegistryChecked"/>
/// says the ids were not checked.
/// </summary>
public sealed record UploadCheck(
    string File,
    MunicipalityId MunicipalityId,
    bool RegistryChecked,
    string? Format,
    string? Sheet,
    string? Rejection,
    int DataRows,
    int ValidRows,
    int ProblemCount,
    IReadOnlyList<CheckedColumn> Columns,
    IReadOnlyList<UnrecognisedColumn> UnrecognisedColumns,
    IReadOnlyList<CheckedSchool> Schools,
    IReadOnlyList<UploadNote> Notes,
    IReadOnlyList<UploadProblem> Problems)
{
    /// <summary>Reads <paramref name="path"/> as an upload of <paramref name="municipalityId"/>; <paramref name="registry"/> <c>null</c> checks no ids.</summary>
    public static async Task<UploadCheck> RunAsync(string path, MunicipalityId municipalityId, SchoolRegistry? registry, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(path);
        var uploadPath = new UploadPath(Period.Parse("2000-2001"), municipalityId, file);
        var schools = registry ?? await IdShapedRegistryAsync(path, municipalityId, cancellationToken);
        await using var content = System.IO.File.OpenRead(path);
        var reading = new UploadReading(content, uploadPath, schools, UploadLimits.Default);
        var read = new List<SchoolRow>();
        string? rejection = null;
        try
        {
            await foreach (var row in reading.ReadValidRowsAsync(cancellationToken))
            {
                read.Add(row);
            }
        }
        catch (FileRejectedException exception)
        {
            rejection = exception.Message;
        }

        return new UploadCheck(
            file,
            municipalityId,
            registry is not null,
            reading.Format?.ToString().ToLowerInvariant(),
            reading.Sheet,
            rejection,
            reading.DataRows,
            reading.ValidRows,
            reading.ProblemCount,
            [.. reading.RecognisedColumns.Select(column => new CheckedColumn(column.Header, column.Indicator.Id, column.Indicator.Title))],
            reading.UnrecognisedColumns,
            [.. read.Select(row => new CheckedSchool(row.RowNumber, row.SchoolId, row.SchoolName, reading.RecognisedColumns.ToDictionary(column => column.Indicator.Id, column => column.Indicator.ValueOf(row.Indicators))))],
            reading.Notes,
            reading.Problems);
    }

    /// <summary>A registry of every id-shaped value in the file's school id column, all of <paramref name="municipalityId"/>.</summary>
    private static async Task<SchoolRegistry> IdShapedRegistryAsync(string path, MunicipalityId municipalityId, CancellationToken cancellationToken)
    {
        await using var content = System.IO.File.OpenRead(path);
        try
        {
            await using var table = await UploadTable.OpenAsync(content, Path.GetFileName(path), UploadLimits.Default, ColumnMap.FitAsHeader, cancellationToken);
            if (table.Header is not { } header || ColumnMap.TryRead(header, table.Format, Path.GetFileName(path)) is not { } columns)
            {
                return new SchoolRegistry([]);
            }

            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await foreach (var row in table.DataRowsAsync().WithCancellation(cancellationToken))
            {
                if (row.Cell(columns.SchoolId)?.Trim() is { } id && NonSchoolRows.LooksLikeSchoolId(id))
                {
                    ids.Add(id);
                }
            }

            return new SchoolRegistry(ids.Select(id => new RegisteredSchool(SchoolId.Parse(id), string.Empty, municipalityId, "secondary", "urban", false, 0)));
        }
        catch (FileRejectedException)
        {
            return new SchoolRegistry([]);
        }
    }
}
