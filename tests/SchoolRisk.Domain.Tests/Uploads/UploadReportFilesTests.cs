using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Tests.Uploads;

/// <summary>An upload's report as JSON, written and read back as the page's view of one upload reads it.</summary>
public sealed class UploadReportFilesTests
{
    [Fact]
    public async Task ReadJson_OfWrittenReport_GivesBackProblemsColumnsWithTheirSuggestionAndNotes()
    {
        var report = new UploadReport(
            UploadId.For("2023-2024/gatchinsky/schools.xlsx", "0x1"), "2023-2024/gatchinsky/schools.xlsx", Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"),
            UploadOutcome.Evaluated, null, DataRows: 4, ValidRows: 3, ProblemCount: 1,
            [new UploadProblem(5, "Доля ЕГЭ", "много", "Файл «schools.xlsx», строка 5, столбец «Доля ЕГЭ»: «много» — не число.")],
            [new UnrecognisedColumn("Доля резульатов ЕГЭ ниже минимума", IndicatorCatalog.EgeBelowMinShare), new UnrecognisedColumn("Примечание", null),
             new UnrecognisedColumn("Обучающиеся с ОВЗ, чел.", IndicatorCatalog.OvzShare, IndicatorUnit.Count)],
            [new UploadNote(9, "Файл «schools.xlsx», строка 9: итоговая строка не учтена.")]);
        using var stream = new MemoryStream();
        await UploadReportFiles.WriteJsonAsync(report, stream, TestContext.Current.CancellationToken);

        var read = UploadReportFiles.ReadJson(System.Text.Encoding.UTF8.GetString(stream.ToArray()));

        Assert.Equal(report.Problems, read.Problems);
        Assert.Equal(report.UnrecognisedColumns, read.UnrecognisedColumns);
        Assert.Same(IndicatorCatalog.EgeBelowMinShare, read.UnrecognisedColumns[0].Suggestion);
        Assert.Equal(IndicatorUnit.Count, read.UnrecognisedColumns[2].NamedUnit);
        Assert.Equal(report.Notes, read.Notes);
        Assert.Equal((report.UploadId, report.Period, report.MunicipalityId, 1, 1), (read.UploadId, read.Period, read.MunicipalityId, read.SkippedRows, read.ProblemCount));
    }

    [Fact]
    public void ReadJson_OfARejection_GivesTheReason()
    {
        var json = """
            {"uploadId":"0123456789abcdef","blobName":"2023-2024/gatchinsky/x.ods","period":"2023-2024","municipalityId":"gatchinsky","outcome":"rejected",
             "rejectionReason":"Файл «x.ods» — таблица OpenDocument.","dataRows":0,"validRows":0,"problemCount":0,"problems":[],
             "unrecognisedColumns":[{"header":"Прочее","suggestedIndicator":"no_such_indicator"}],"notes":[],"hasErrors":true,"hasFindings":true,"skippedRows":0}
            """;

        var read = UploadReportFiles.ReadJson(json);

        Assert.Equal((UploadOutcome.Rejected, "Файл «x.ods» — таблица OpenDocument."), (read.Outcome, read.RejectionReason));
        Assert.Null(Assert.Single(read.UnrecognisedColumns).Suggestion);
    }

    [Fact]
    public void RejectedUploadSteps_OnThePage_OfferTheTemplateAndSayTheEarlierDataStays()
    {
        var page = RejectedUploadSteps.For(Period.Parse("2023-2024"), hasReport: true, onPage: true);
        var letter = RejectedUploadSteps.For(Period.Parse("2023-2024"), hasReport: false, onPage: false);

        Assert.Contains(page, step => step.Contains("«Шаблон Excel»", StringComparison.Ordinal));
        Assert.Contains(page, step => step.Contains("отчёте о проверке", StringComparison.Ordinal));
        Assert.DoesNotContain(letter, step => step.Contains("Шаблон", StringComparison.Ordinal) || step.Contains("отчёте", StringComparison.Ordinal));
        Assert.All([page, letter], steps => Assert.Contains("в силе остаются данные за этот период", steps[^1], StringComparison.Ordinal));
    }
}
