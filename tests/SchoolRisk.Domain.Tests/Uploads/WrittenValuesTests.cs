using System.Text;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Tests.Uploads.Support;

namespace SchoolRisk.Domain.Tests.Uploads;

/// <summary>
/// Values as people write them in text: units, thousands separators, either decimal mark; a value that could be read
/// two ways is read the way the rest of the file settles it, or refused with a message, never guessed.
/// </summary>
public sealed class WrittenValuesTests
{
    [Theory]
    [InlineData("12,5 %", 12.5)]
    [InlineData("12,5%", 12.5)]
    [InlineData("12.5\u00A0%", 12.5)]
    [InlineData("'12,5", 12.5)]
    [InlineData(" 7 ", 7)]
    [InlineData("+3", 3)]
    [InlineData("0,125", 0.125)]
    [InlineData(",5", 0.5)]
    [InlineData("99,9999999999999999", 100)]
    public async Task PercentColumn_TakesTheWaysPeopleWriteAShare(string written, double expected)
    {
        var (rows, reading) = await ReadAsync("ege_below_min_share", written);

        Assert.Empty(reading.Problems);
        Assert.Equal((decimal)expected, Assert.Single(rows).Indicators.EgeBelowMinShare);
    }

    [Theory]
    [InlineData("5‰", 5)]
    [InlineData("5,5 ‰", 5.5)]
    [InlineData("1 234", 1234)]
    [InlineData("1\u00A0234,5", 1234.5)]
    [InlineData("1\u202F234,5", 1234.5)]
    [InlineData("1 234 567", 1234567)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234,567", 1234567)]
    public async Task PerThousandColumn_TakesPerMilleSignsAndThousandsSeparators(string written, double expected)
    {
        var (rows, reading) = await ReadAsync("offences_per_1000", written);

        Assert.Empty(reading.Problems);
        Assert.Equal((decimal)expected, Assert.Single(rows).Indicators.OffencesPer1000);
    }

    [Theory]
    [InlineData("ege_below_min_share", "5‰", "значение «5‰» записано в промилле (‰), а показатель измеряется в процентах; уберите знак «‰» и проверьте значение.")]
    [InlineData("offences_per_1000", "5%", "значение «5%» записано в процентах, а показатель измеряется на 1000 обучающихся; уберите знак «%» и проверьте значение.")]
    [InlineData("supervision_orders", "3%", "значение «3%» записано в процентах, а показатель измеряется в штуках (количество); уберите знак «%» и проверьте значение.")]
    [InlineData("ege_below_min_share", "12 5", "значение «12 5» не является числом.")]
    [InlineData("ege_below_min_share", "1,2,3", "значение «1,2,3» не является числом.")]
    [InlineData("ege_below_min_share", "12,5,", "значение «12,5,» не является числом.")]
    [InlineData("ege_below_min_share", "−1", "значение «−1» вне допустимого диапазона (от 0 до 100).")]
    public async Task AUnitOrFormThatDoesNotFit_IsRefusedSayingWhy(string indicator, string written, string expected)
    {
        var (_, reading) = await ReadAsync(indicator, written, andAnotherSchool: true);

        Assert.Equal(expected, Assert.Single(reading.Problems).Message.Split(": ", 2)[1]);
    }

    [Theory]
    [InlineData("12,5", 1.234)]
    [InlineData("0.5", 1234)]
    [InlineData("1 234,5", 1.234)]
    [InlineData("2,000,000", 1234)]
    public async Task AValueThatCouldBeReadTwoWays_IsReadAsTheRestOfTheFileSettles(string settling, double expected)
    {
        var csv = $"school_id;offences_per_1000\ngatchinsky-001;\"1,234\"\ngatchinsky-002;\"{settling}\"\n";

        var (rows, reading) = await Reading.ReadAsync(Encoding.UTF8.GetBytes(csv), "schools.csv");

        Assert.Empty(reading.Problems);
        Assert.Equal((decimal)expected, rows.Single(row => row.SchoolId == SchoolId.Parse("gatchinsky-001")).Indicators.OffencesPer1000);
    }

    [Fact]
    public async Task AValueThatCouldBeReadTwoWays_InAFileThatDoesNotSettleIt_IsRefusedNamingBothReadings()
    {
        var (rows, reading) = await Reading.ReadAsync(Encoding.UTF8.GetBytes("school_id;offences_per_1000\ngatchinsky-001;1,234\ngatchinsky-002;7\n"), "schools.csv");

        Assert.Equal(["gatchinsky-002"], rows.Select(row => row.SchoolId.ToString()));
        Assert.Equal(
            "Файл «schools.csv», строка 2, столбец «offences_per_1000»: значение «1,234» можно прочесть двояко: как 1,234 (запятая — десятичный разделитель) или как " +
            "1\u00A0234 (запятая разделяет тысячи), а другие числа файла не показывают, какой разделитель в нём десятичный. Запишите число без разделителя тысяч или с другим числом знаков после запятой.",
            Assert.Single(reading.Problems).Message);
    }

    [Theory]
    [InlineData("да", 1)]
    [InlineData("Нет", 0)]
    [InlineData("ИСТИНА", 1)]
    [InlineData("1", 1)]
    public async Task FlagColumn_TakesItsWords(string written, double expected)
    {
        var (rows, _) = await ReadAsync("has_sports_club", written);

        Assert.Equal((decimal)expected, Assert.Single(rows).Indicators.HasSportsClub);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("н/д")]
    [InlineData("нет данных")]
    public async Task MissingMarks_AreAMissingValueNotZero(string written)
    {
        var (rows, reading) = await ReadAsync("ege_below_min_share", written, andAnotherSchool: true);

        Assert.Empty(reading.Problems);
        Assert.Null(rows[0].Indicators.EgeBelowMinShare);
    }

    private static Task<(List<SchoolRisk.Domain.Schools.SchoolRow> Rows, SchoolRisk.Domain.Uploads.UploadReading Reading)> ReadAsync(string indicator, string written, bool andAnotherSchool = false)
    {
        var csv = new StringBuilder($"school_id;{indicator}\n");
        csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"gatchinsky-001;\"{written}\"\n");
        if (andAnotherSchool)
        {
            csv.Append($"gatchinsky-002;1\n");
        }

        return Reading.ReadAsync(Encoding.UTF8.GetBytes(csv.ToString()), "schools.csv");
    }
}
