using MiniExcelLibs;
using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;
using static SchoolRisk.Domain.Tests.Support.SupportSchools;

namespace SchoolRisk.Domain.Tests.Support;

/// <summary>The subsidy list: the schools its criteria name, by municipality, with why and what was decided; one Excel sheet.</summary>
public sealed class SubsidyListTests
{
    private static readonly Period Period = Period.Parse("2023-2024");

    private static readonly SupportSchool[] Schools =
    [
        Low("luzhsky-002", -2.5m, "luzhsky"),
        Of("gatchinsky-007", "gatchinsky", SchoolRegistry.Basic, "Южный", SchoolClassification.None with { LowResults = true, StablyLowResults = true, ResultsIndex = -1.25m }, SchoolAssessment.None),
        Resilient("gatchinsky-003"),
        High("gatchinsky-001", 1),
    ];

    [Fact]
    public void For_DefaultCriteria_LowResultAndUnfavourableConditionSchools_ByMunicipalityThenId_WithReasonsAndDecisions()
    {
        var subsidy = new SupportDecision(Period, SchoolId.Parse("gatchinsky-007"), SupportKind.Subsidy, 100m, null, string.Empty, "комитет", DateTimeOffset.UnixEpoch);

        var entries = SubsidyList.For(Schools, [subsidy], SupportSettings.Default);

        Assert.Equal(
            [
                ("gatchinsky-003", "ШНСУ", "школа, функционирующая в неблагоприятных социальных условиях", ""),
                ("gatchinsky-007", "ШНОР (стабильно)", "низкие результаты два года подряд (индекс результатов −1,25)", "субсидия"),
                ("luzhsky-002", "ШНОР", "школа с низкими результатами обучения (индекс результатов −2,5)", ""),
            ],
            entries.Select(e => (e.School.School.Id.ToString(), e.Classification, e.Reason, string.Join(", ", e.Decided.Select(kind => kind.Title())))));
    }

    [Fact]
    public void For_StablyLowOnly_WithoutUnfavourableConditions_OnlyTheStablyLowSchool()
    {
        var entries = SubsidyList.For(Schools, [], SupportSettings.Default with { SubsidyStablyLowOnly = true, SubsidyForUnfavourableConditions = false });

        Assert.Equal(["gatchinsky-007"], entries.Select(e => e.School.School.Id.ToString()));
    }

    [Fact]
    public void WriteXlsx_OneSheet_TitleRussianHeadersAndARowPerSchool()
    {
        var entries = SubsidyList.For(Schools, [], SupportSettings.Default);
        using var file = new MemoryStream();

        SubsidyList.WriteXlsx(entries, Period, id => id == "gatchinsky" ? "Гатчинский" : id, file);

        file.Position = 0;
        Assert.Equal(["Субсидия"], MiniExcel.GetSheetNames(file));
        var rows = file.Query().Cast<IDictionary<string, object?>>().Select(row => row.Values.Select(value => value?.ToString() ?? string.Empty).ToList()).ToList();
        Assert.Equal("Школы, отвечающие критериям субсидии, 2023-2024 учебный год", rows[0][0]);
        Assert.Equal(SubsidyList.Headers, rows[1]);
        Assert.Equal(["Гатчинский", "gatchinsky-003", "Школа gatchinsky-003", "средняя", "ШНСУ", "школа, функционирующая в неблагоприятных социальных условиях", ""], rows[2]);
        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public void WriteXlsx_TheTitleAndHeaderRowsStayInView_NoFilterOverTheTitle_ColumnsWideEnough()
    {
        using var file = new MemoryStream();

        SubsidyList.WriteXlsx(SubsidyList.For(Schools, [], SupportSettings.Default), Period, id => id, file);

        file.Position = 0;
        using var archive = new System.IO.Compression.ZipArchive(file);
        using var reader = new StreamReader(archive.Entries.Single(entry => entry.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).Open());
        var sheet = reader.ReadToEnd();
        Assert.Contains("ySplit=\"2\"", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:autoFilter", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<autoFilter", sheet, StringComparison.Ordinal);
        Assert.Contains("<x:col min=\"6\" max=\"6\" width=\"50.", sheet, StringComparison.Ordinal);
    }
}
