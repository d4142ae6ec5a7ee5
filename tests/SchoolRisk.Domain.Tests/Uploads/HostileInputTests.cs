using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;
using SchoolRisk.TestFiles.Corpus;

namespace SchoolRisk.Domain.Tests.Uploads;

/// <summary>
/// Mutation fuzzing with fixed seeds: real upload files (CSV, TSV, XLSX, XLS, JSON: the test files, the corpus, the
/// reported cases) and rule files with bytes flipped, inserted,
/// cut or repeated. Whatever arrives, reading ends in rows or a clean refusal (<see cref="FileRejectedException"/>,
/// validation problems), never another exception. A failure names the seed that reproduces it.
/// </summary>
public sealed class HostileInputTests
{
    private const int MutationsPerFile = 120;

    public static TheoryData<string> UploadFiles() =>
        [
            .. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Uploads", "Files")).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal),
            .. MessyUploads.All.Where(upload => upload.Content.Length < 64 * 1024).Select(upload => upload.FileName),
            .. new[] { "svod_luzhsky.xls", "percent-formatted.xlsx", "gatchinsky.tsv" },
        ];

    [Theory]
    [MemberData(nameof(UploadFiles))]
    public async Task MutatedUpload_IsReadOrRefusedCleanly_NeverCrashes(string file)
    {
        var original = MessyUploads.All.FirstOrDefault(upload => upload.FileName == file)?.Content
            ?? (File.Exists(Path.Combine(AppContext.BaseDirectory, "Uploads", "Files", file))
                ? await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Uploads", "Files", file), TestContext.Current.CancellationToken)
                : Support.Reading.Case(file));
        var crashes = new List<string>();
        for (var seed = 0; seed < MutationsPerFile; seed++)
        {
            var (mutated, how) = Mutate(original, new Random(seed));
            using var content = new MemoryStream(mutated);
            var reading = new UploadReading(content, new UploadPath(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), file), TestRegistry.Schools, new UploadLimits { MaxRows = 1000 });
            try
            {
                await reading.ReadValidRowsAsync(TestContext.Current.CancellationToken).CountAsync(TestContext.Current.CancellationToken);
            }
            catch (FileRejectedException)
            {
                // A clean refusal: the message names the file and what is wrong.
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                crashes.Add($"seed {seed} ({how}): {exception.GetType().Name}: {exception.Message}");
            }
        }

        Assert.True(crashes.Count == 0, $"{file}: {crashes.Count} of {MutationsPerFile} mutations crashed the reader:\n{string.Join('\n', crashes.Take(10))}");
    }

    [Fact]
    public async Task Utf8Csv_WhoseEncodingSniffWindowEndsInsideACharacter_IsReadWhole()
    {
        // Blank lines (skipped) push the first data row's «Ж» to bytes 65535-65536, across the 64 KiB sniff window.
        var header = "school_id,ege_below_min_share,Примечание\n";
        var row = "gatchinsky-001,1,";
        var blank = new string('\n', (64 * 1024) - 1 - System.Text.Encoding.UTF8.GetByteCount(header + row));
        var csv = System.Text.Encoding.UTF8.GetBytes($"{header}{blank}{row}Жж\ngatchinsky-002,2,ок\n");
        using var content = new MemoryStream(csv);
        var reading = new UploadReading(content, new UploadPath(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), "schools.csv"), TestRegistry.Schools, UploadLimits.Default);

        var rows = await reading.ReadValidRowsAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([1m, 2m], rows.Select(row => row.Indicators.EgeBelowMinShare!.Value));
    }

    [Fact]
    public async Task MutatedRuleFile_IsRejectedWithProblems_NeverCrashesValidation()
    {
        var files = await RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules"), TestContext.Current.CancellationToken);
        var exams = files.Single(f => f.Name == "exams.json");
        var crashes = new List<string>();
        for (var seed = 0; seed < MutationsPerFile; seed++)
        {
            var (mutated, how) = Mutate(System.Text.Encoding.UTF8.GetBytes(exams.Json), new Random(seed));
            var candidate = files.Select(f => f == exams ? f with { Json = System.Text.Encoding.UTF8.GetString(mutated) } : f).ToList();
            try
            {
                await RuleSetValidation.ValidateAsync(candidate, TestContext.Current.CancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                crashes.Add($"seed {seed} ({how}): {exception.GetType().Name}: {exception.Message}");
            }
        }

        Assert.True(crashes.Count == 0, $"{crashes.Count} of {MutationsPerFile} mutated rule files crashed validation:\n{string.Join('\n', crashes.Take(10))}");
    }

    /// <summary>One to four edits: flip bytes, insert random bytes, cut the tail, or repeat a chunk.</summary>
    private static (byte[] Bytes, string How) Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var how = new List<string>();
        for (var edit = random.Next(1, 5); edit > 0 && bytes.Count > 0; edit--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    how.Add($"flip@{at}");
                    break;
                case 1:
                    var inserted = new byte[random.Next(1, 16)];
                    random.NextBytes(inserted);
                    bytes.InsertRange(at, inserted);
                    how.Add($"insert{inserted.Length}@{at}");
                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at);
                    how.Add($"cut@{at}");
                    break;
                default:
                    var length = Math.Min(random.Next(1, 200), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    how.Add($"repeat{length}@{at}");
                    break;
            }
        }

        return ([.. bytes], string.Join(",", how));
    }
}
