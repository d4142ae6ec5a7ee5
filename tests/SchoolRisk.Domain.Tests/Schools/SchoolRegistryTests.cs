using System.Text;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Tests.Schools;

/// <summary>The registry is checked row by row: a person's mistake refuses its row and is named, never the whole registry.</summary>
public sealed class SchoolRegistryTests
{
    private const string Cases = "2026-11-29";
    private const string Header = "school_id,school_name,municipality_id,level,settlement,remote,enrolment\n";
    private const string Good = "gatchinsky-001,Школа 1,gatchinsky,secondary,urban,no,500\n";

    [Fact]
    public async Task RegistryCase_EverySchoolIsRead_NothingIsReported()
    {
        var registry = await ReadCaseAsync("registry.csv");

        Assert.Equal(
            [
                new RegisteredSchool(SchoolId.Parse("gatchinsky-001"), "МОУ «Гатчинская СОШ № 1»", MunicipalityId.Parse("gatchinsky"), "secondary", "rural", true, 387),
                new RegisteredSchool(SchoolId.Parse("gatchinsky-002"), "МОУ «Гатчинская СОШ № 2»", MunicipalityId.Parse("gatchinsky"), "secondary", "rural", false, 317),
            ],
            registry.InMunicipality(MunicipalityId.Parse("gatchinsky")));
        Assert.Equal((3, 3, 0), (registry.Check.DataRows, registry.Check.ValidRows, registry.Check.ProblemCount));
        Assert.Empty(registry.Check.Notes);
        Assert.Null(registry.Check.Unusable);
    }

    [Fact]
    public async Task DuplicateRowCase_TheRepeatedRowCountsOnce_WithANoteNamingFileRowAndColumn()
    {
        var registry = await ReadCaseAsync("registry-duplicate-row.csv");

        Assert.Equal(["gatchinsky", "kirovsky"], registry.MunicipalityIds.Select(id => id.ToString()));
        Assert.Single(registry.InMunicipality(MunicipalityId.Parse("kirovsky")));
        Assert.Equal((4, 3, 0), (registry.Check.DataRows, registry.Check.ValidRows, registry.Check.ProblemCount));
        var note = Assert.Single(registry.Check.Notes);
        Assert.Equal((5, "school_id", "kirovsky-003"), (note.Row, note.Column, note.Value));
        Assert.Equal(
            "Реестр школ «registry-duplicate-row.csv», строка 5, столбец «school_id»: строка повторяет строку 4; школа «kirovsky-003» учтена один раз, повтор можно удалить.",
            note.Message);
    }

    [Fact]
    public async Task SlashIdCase_TheIdIsRefusedNamingFileRowColumnAndValue_TheOtherRowsAreTheRegistry()
    {
        var registry = await ReadCaseAsync("registry-school-id-slash.csv");

        Assert.Equal(["gatchinsky-002"], registry.InMunicipality(MunicipalityId.Parse("gatchinsky")).Select(school => school.Id.ToString()));
        Assert.NotNull(registry.Find(SchoolId.Parse("kirovsky-003")));
        var problem = Assert.Single(registry.Check.Problems);
        Assert.Equal((2, "school_id", "gatchinsky-001/1"), (problem.Row, problem.Column, problem.Value));
        Assert.StartsWith(
            "Реестр школ «registry-school-id-slash.csv», строка 2, столбец «school_id»: код школы «gatchinsky-001/1» содержит недопустимый знак «/»: " +
            "код может состоять только из латинских букв, цифр и знаков «-», «_», «.»",
            problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlashIdCase_TheUploadOfThatSchoolIsSkippedWithAMessage_TheOtherSchoolIsRead()
    {
        var registry = await ReadCaseAsync("registry-school-id-slash.csv");
        await using var upload = CaseFiles.Open(Cases, "upload-school-id-slash.csv");
        var reading = new UploadReading(upload, new UploadPath(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), "upload-school-id-slash.csv"), registry, UploadLimits.Default);

        var rows = await reading.ReadValidRowsAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal("gatchinsky-002", Assert.Single(rows).SchoolId.ToString());
        var skipped = Assert.Single(reading.Problems);
        Assert.Equal((2, "gatchinsky-001/1"), (skipped.Row, skipped.Value));
        Assert.Contains("школа «gatchinsky-001/1» не принята в реестр школ (Реестр школ «registry-school-id-slash.csv», строка 2, столбец «school_id»: код школы «gatchinsky-001/1» содержит недопустимый знак «/»", skipped.Message, StringComparison.Ordinal);
        Assert.EndsWith("исправить реестр может комитет, после этого загрузите файл снова.", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConflictingDuplicate_TheFirstRowIsKept_TheOtherIsRefusedNamingBothRows()
    {
        var registry = await ReadAsync(Header + Good + "GATCHINSKY-001,Школа 1 (новая),gatchinsky,secondary,urban,no,510\n");

        Assert.Equal(500, registry.Find(SchoolId.Parse("gatchinsky-001"))!.Enrolment);
        Assert.Equal(SchoolId.Parse("gatchinsky-001"), registry.Find(SchoolId.Parse("GATCHINSKY-001"))!.Id);
        var problem = Assert.Single(registry.Check.Problems);
        Assert.Equal((3, "school_id"), (problem.Row, problem.Column));
        Assert.Contains("школа «GATCHINSKY-001» уже есть в строке 2 с другими данными; действует строка 2, эта строка не учтена", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRussianWordsPeopleWrite_AreReadAsTheIds()
    {
        var registry = await ReadAsync(Header
            + "gatchinsky-001,Школа 1,Gatchinsky,Средняя,сельская,Да,1 164\n"
            + "gatchinsky-002,Школа 2,gatchinsky,ООШ,Город,нет,87\n");

        Assert.Equal(new RegisteredSchool(SchoolId.Parse("gatchinsky-001"), "Школа 1", MunicipalityId.Parse("gatchinsky"), "secondary", "rural", true, 1164), registry.Find(SchoolId.Parse("gatchinsky-001")));
        Assert.Equal(new RegisteredSchool(SchoolId.Parse("gatchinsky-002"), "Школа 2", MunicipalityId.Parse("gatchinsky"), "basic", "urban", false, 87), registry.Find(SchoolId.Parse("gatchinsky-002")));
        Assert.Equal(0, registry.Check.ProblemCount);
    }

    [Theory]
    [InlineData("gatchinsky-002,Ш,Гатчинский,secondary,urban,no,500", "municipality_id", "«Гатчинский» не является кодом муниципалитета")]
    [InlineData("gatchinsky-002,Ш,,secondary,urban,no,500", "municipality_id", "не указан код муниципалитета")]
    [InlineData("gatchinsky-002,Ш,gatchinsky,начальная,urban,no,500", "level", "уровень «начальная» не распознан: укажите secondary (средняя, СОШ) или basic (основная, ООШ)")]
    [InlineData("gatchinsky-002,Ш,gatchinsky,secondary,посёлок,no,500", "settlement", "местность «посёлок» не распознана: укажите urban (городская) или rural (сельская)")]
    [InlineData("gatchinsky-002,Ш,gatchinsky,secondary,urban,,500", "remote", "не указана удалённость: укажите yes (да) или no (нет)")]
    [InlineData("gatchinsky-002,Ш,gatchinsky,secondary,urban,no,-5", "enrolment", "численность «-5» не распознана: укажите целое неотрицательное число учащихся")]
    [InlineData("gatchinsky-002,Ш,gatchinsky,secondary,urban,no,12.5", "enrolment", "численность «12.5» не распознана")]
    [InlineData(",Ш,gatchinsky,secondary,urban,no,500", "school_id", "не указан код школы")]
    public async Task ABadCell_RefusesItsRowOnly_NamingFileRowAndColumn(string row, string column, string expected)
    {
        var registry = await ReadAsync(Header + Good + row + "\n");

        Assert.NotNull(registry.Find(SchoolId.Parse("gatchinsky-001")));
        Assert.Null(registry.Find(SchoolId.Parse("gatchinsky-002")));
        var problem = Assert.Single(registry.Check.Problems);
        Assert.Equal((3, column), (problem.Row, problem.Column));
        Assert.StartsWith($"Реестр школ «schools.csv», строка 3, столбец «{column}»: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCellOfARowThatIsWrong_IsNamed()
    {
        var registry = await ReadAsync(Header + "a/b,Ш,Гатчина,x,y,z,w\n");

        Assert.Equal(["school_id", "municipality_id", "level", "settlement", "remote", "enrolment"], registry.Check.Problems.Select(problem => problem.Column));
        Assert.Equal("Реестр школ «schools.csv»: ни одна из 1 строк не прошла проверку.", registry.Check.Unusable);
    }

    [Fact]
    public async Task AMissingColumn_MakesTheFileUnusable_NamingEveryMissingColumn()
    {
        var error = await Assert.ThrowsAsync<FileRejectedException>(() => ReadAsync("school_id,school_name,municipality_id,settlement,enrolment\n" + Good));

        Assert.StartsWith("Реестр школ «schools.csv», строка 1: нет столбцов «level», «remote» (нужны столбцы school_id, school_name,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADistrictColumn_IsReadPerSchool_AnEmptyCellIsNoDistrict()
    {
        var registry = await ReadAsync(
            "school_id,school_name,municipality_id,level,settlement,remote,enrolment,district\n" +
            "gatchinsky-001,Школа 1,gatchinsky,secondary,urban,no,500,Южный\n" +
            "gatchinsky-002,Школа 2,gatchinsky,secondary,urban,no,500,\n");

        Assert.Equal("Южный", registry.Find(SchoolId.Parse("gatchinsky-001"))!.District);
        Assert.Null(registry.Find(SchoolId.Parse("gatchinsky-002"))!.District);
        Assert.Equal(0, registry.Check.ProblemCount);
    }

    [Fact]
    public async Task AFileWithoutTheDistrictColumn_StillReads_WithNoDistricts()
    {
        var registry = await ReadAsync(Header + Good);

        Assert.Null(registry.Find(SchoolId.Parse("gatchinsky-001"))!.District);
        Assert.Equal(0, registry.Check.ProblemCount);
    }

    private static async Task<SchoolRegistry> ReadCaseAsync(string name)
    {
        await using var content = CaseFiles.Open(Cases, name);
        return await SchoolRegistry.ReadCsvAsync(content, name, TestContext.Current.CancellationToken);
    }

    private static async Task<SchoolRegistry> ReadAsync(string csv)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await SchoolRegistry.ReadCsvAsync(content, "schools.csv", TestContext.Current.CancellationToken);
    }
}
