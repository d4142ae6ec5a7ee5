using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SchoolRisk.TestFiles.Corpus;
using SchoolRisk.Testing;

namespace SchoolRisk.Cli.Tests.Uploads;

/// <summary><c>schoolrisk uploads check</c>, <c>put</c> and <c>grant</c>, run as the program a municipal specialist or the committee runs.</summary>
public sealed class UploadsCommandTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    [Fact]
    public async Task Check_AsJson_GivesWhatAnUploadWouldRead_WithNoStorage()
    {
        var file = await WriteAsync(MessyUploads.All.Single(upload => upload.FileName == "unknown-header.csv"));

        var (exit, output) = await CliProcess.RunAsync("uploads", "check", file, "--municipality", "gatchinsky", "--registry", Path.Combine(TestDeployment.RepositoryRoot, "samples", "registry", "schools.csv"), "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var school = Assert.Single(json.RootElement.GetProperty("schools").EnumerateArray());
        Assert.Equal("gatchinsky-001", school.GetProperty("schoolId").GetString());
        Assert.Equal(4m, school.GetProperty("values").GetProperty("ege_below_min_share").GetDecimal());
        var unrecognised = Assert.Single(json.RootElement.GetProperty("unrecognisedColumns").EnumerateArray());
        Assert.Equal("Сохранённость контингента", unrecognised.GetProperty("header").GetString());
        Assert.Equal("retention_share", unrecognised.GetProperty("suggestedIndicator").GetString());
    }

    [Fact]
    public async Task Check_AFileWithProblems_PrintsEveryProblemInRussian_AndExitsWithOne()
    {
        var file = await WriteAsync(MessyUploads.All.Single(upload => upload.FileName == "date.xlsx"));

        var (exit, output) = await CliProcess.RunAsync("uploads", "check", file, "--municipality", "gatchinsky");

        Assert.Equal(1, exit);
        Assert.Contains("Реестр не указан (--registry): коды школ не сверены с реестром.", output, StringComparison.Ordinal);
        Assert.Contains("в ячейке дата «03.05.2024»", output, StringComparison.Ordinal);
        Assert.Contains("Файл будет принят; пропущено строк: 1.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_OnTheLocalStack_UploadsWaitsAndPrintsTheOutcome_AndNeverOverwritesAnOriginal()
    {
        var file = await WriteAsync(MessyUploads.All.Single(upload => upload.FileName == "unknown-header.csv"));
        string[] put = ["uploads", "put", "--connection-string", fixture.Deployment.ConnectionString, "--municipality", "gatchinsky", "--period", "2030-2031", file];

        var (exit, output) = await CliProcess.RunAsync(put);
        var (again, secondOutput) = await CliProcess.RunAsync(put);

        Assert.Equal(0, exit);
        Assert.Contains("Статус: принят и оценён.", output, StringComparison.Ordinal);
        Assert.Contains("Оценено школ: 1;", output, StringComparison.Ordinal);
        Assert.Contains("Столбец «Сохранённость контингента» не распознан и не прочитан (похож на retention_share).", output, StringComparison.Ordinal);
        Assert.Equal(1, again);
        Assert.Contains("Статус: повтор уже загруженного файла.", secondOutput, StringComparison.Ordinal);
        Assert.Contains("unknown-header-", secondOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_AFileTheProductCannotRead_PrintsTheRejectionAndWhatToDo()
    {
        var file = await WriteAsync(MessyUploads.All.Single(upload => upload.FileName == "svod.ods"));

        var (exit, output) = await CliProcess.RunAsync("uploads", "put", "--connection-string", fixture.Deployment.ConnectionString, "--municipality", "gatchinsky", "--period", "2031-2032", file);

        Assert.Equal(1, exit);
        Assert.Contains("Статус: отклонён.", output, StringComparison.Ordinal);
        Assert.Contains("сохраните как «Книга Excel (.xlsx)»", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("a\\b.csv")]
    [InlineData("schools.csv.")]
    public async Task Put_AFileWhoseNameCannotBeItsBlobName_IsRefusedBeforeUploading_WithWhatToDo(string name)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("schoolrisk-uploads-").FullName, name);
        await File.WriteAllTextAsync(file, "school_id,ege_below_min_share\ngatchinsky-001,1\n", TestContext.Current.CancellationToken);

        var (exit, output) = await CliProcess.RunAsync("uploads", "put", "--connection-string", fixture.Deployment.ConnectionString, "--municipality", "gatchinsky", "--period", "2032-2033", file);

        Assert.Equal(2, exit);
        Assert.Contains("Переименуйте файл.", output, StringComparison.Ordinal);
        Assert.False(await new BlobContainerClient(fixture.Deployment.ConnectionString, "uploads").GetBlobsAsync(BlobTraits.None, BlobStates.None, "2032-2033/", TestContext.Current.CancellationToken).AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Grant_OnTheLocalEmulator_SaysTheLinkWorksOnlyInAzure_AndWhatToUseInstead()
    {
        var (exit, output) = await CliProcess.RunAsync("uploads", "grant", "--connection-string", fixture.Deployment.ConnectionString, "--municipality", "gatchinsky", "--period", "2023-2024");

        Assert.Equal(0, exit);
        Assert.Contains("Azurite не принимает SAS на папку", output, StringComparison.Ordinal);
        Assert.Contains($"schoolrisk uploads put --connection-string '{fixture.Deployment.ConnectionString}' --municipality gatchinsky --period 2023-2024 schools.xlsx", output, StringComparison.Ordinal);
    }

    private static async Task<string> WriteAsync(MessyUpload upload)
    {
        var folder = Directory.CreateTempSubdirectory("schoolrisk-uploads-").FullName;
        var path = Path.Combine(folder, upload.FileName);
        await File.WriteAllBytesAsync(path, upload.Content, TestContext.Current.CancellationToken);
        return path;
    }
}
