using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Tests.Uploads.Support;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.TestFiles.Corpus;

namespace SchoolRisk.Domain.Tests.Uploads;

/// <summary>Every file of the messy-upload corpus (<see cref="MessyUploads"/>), read as an upload is read, gives what it must.</summary>
public sealed class MessyUploadsTests
{
    public static TheoryData<string> Kinds() => [.. MessyUploads.All.Select(upload => upload.Kind)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CorpusFile_IsReadAsItsPersonMeantIt(string kind)
    {
        var upload = MessyUploads.All.Single(entry => entry.Kind == kind);
        if (upload.Rejection is { } rejection)
        {
            Assert.Contains(rejection, await Reading.RejectionAsync(upload.Content, upload.FileName, await Reading.SampleRegistryAsync()), StringComparison.Ordinal);
            return;
        }

        var (rows, reading) = await Reading.ReadAsync(upload.Content, upload.FileName, await Reading.SampleRegistryAsync());

        Assert.Equal(upload.Values.Keys.Order(StringComparer.Ordinal), rows.Select(row => row.SchoolId.ToString()).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            foreach (var (indicator, value) in upload.Values[row.SchoolId.ToString()])
            {
                Assert.Equal(value, IndicatorCatalog.Find(indicator)!.ValueOf(row.Indicators));
            }
        }

        Assert.Equal(upload.Problems.Count, reading.ProblemCount);
        Assert.All(upload.Problems.Zip(reading.Problems), pair => Assert.Contains(pair.First, pair.Second.Message.Replace('\u00A0', ' '), StringComparison.Ordinal));
        Assert.Equal(upload.Notes, reading.Notes.Count);
        Assert.Equal(upload.UnrecognisedHeaders, reading.UnrecognisedColumns.Select(column => column.Header));
    }

    [Fact]
    public void Corpus_HasAFileForEveryFormatTheProductReads() =>
        Assert.Equal(
            [UploadFormat.Csv, UploadFormat.Xlsx, UploadFormat.Xls, UploadFormat.Json],
            MessyUploads.All.Select(upload => Path.GetExtension(upload.FileName)).Distinct().Select(extension => extension switch
            {
                ".xlsx" => UploadFormat.Xlsx,
                ".xls" => UploadFormat.Xls,
                ".json" => UploadFormat.Json,
                _ => UploadFormat.Csv,
            }).Distinct().Order());
}
