using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Tests.Uploads.Support;

/// <summary>Reads a test upload as an upload of gatchinsky for 2023-2024 would be read.</summary>
public static class Reading
{
    /// <summary>The sample region's registry (samples/registry/schools.csv), as the cases use it.</summary>
    public static async Task<SchoolRegistry> SampleRegistryAsync()
    {
        await using var content = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "samples", "schools.csv"));
        return await SchoolRegistry.ReadCsvAsync(content, "schools.csv", TestContext.Current.CancellationToken);
    }

    /// <summary>A file of the cases folder (tests/cases/2026-11-29).</summary>
    public static byte[] Case(string file)
    {
        using var content = CaseFiles.Open("2026-11-29", file);
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }

    public static async Task<(List<SchoolRow> Rows, UploadReading Reading)> ReadAsync(
        byte[] content, string fileName, SchoolRegistry? registry = null, string municipality = "gatchinsky", UploadLimits? limits = null)
    {
        using var stream = new MemoryStream(content);
        var reading = new UploadReading(stream, new UploadPath(Period.Parse("2023-2024"), MunicipalityId.Parse(municipality), fileName), registry ?? TestRegistry.Schools, limits ?? UploadLimits.Default);
        var rows = await reading.ReadValidRowsAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        return (rows, reading);
    }

    /// <summary>The message of the rejection reading <paramref name="content"/> ends in.</summary>
    public static async Task<string> RejectionAsync(byte[] content, string fileName, SchoolRegistry? registry = null)
    {
        var error = await Assert.ThrowsAsync<FileRejectedException>(() => ReadAsync(content, fileName, registry));
        return error.Message;
    }
}
