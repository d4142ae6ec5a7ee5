using System.Text;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Cli.Samples;

/// <summary>The sample region (Leningrad Oblast): 17 municipal districts and one city district, 330 schools.</summary>
public static class SampleRegion
{
    public const string Period = "2023-2024";

    /// <summary>The period before, uploaded by <see cref="Tracked"/> only, so that stably low results show.</summary>
    public const string PreviousPeriod = "2022-2023";

    /// <summary>
    /// The period after, uploaded by <see cref="Tracked"/> only (the new school year, as far as it has arrived), so that
    /// exits from the risk group and the effect of the support decided in <see cref="Period"/> show.
    /// </summary>
    public const string NextPeriod = "2024-2025";

    /// <summary>Municipalities whose previous and next periods' results are in the samples.</summary>
    public static IReadOnlyList<string> Tracked { get; } = ["vsevolozhsky", "vyborgsky", "volkhovsky"];

    public static IReadOnlyList<SampleMunicipality> Municipalities { get; } =
    [
        new("boksitogorsky", "Бокситогорский", "Бокситогорская", 12),
        new("volosovsky", "Волосовский", "Волосовская", 14),
        new("volkhovsky", "Волховский", "Волховская", 22),
        new("vsevolozhsky", "Всеволожский", "Всеволожская", 48),
        new("vyborgsky", "Выборгский", "Выборгская", 34),
        new("gatchinsky", "Гатчинский", "Гатчинская", 36),
        new("kingiseppsky", "Кингисеппский", "Кингисеппская", 16),
        new("kirishsky", "Киришский", "Киришская", 12),
        new("kirovsky", "Кировский", "Кировская", 18),
        new("lodeynopolsky", "Лодейнопольский", "Лодейнопольская", 8),
        new("lomonosovsky", "Ломоносовский", "Ломоносовская", 20),
        new("luzhsky", "Лужский", "Лужская", 20),
        new("podporozhsky", "Подпорожский", "Подпорожская", 8),
        new("priozersky", "Приозерский", "Приозерская", 14),
        new("slantsevsky", "Сланцевский", "Сланцевская", 8),
        new("sosnovoborsky", "Сосновоборский городской округ", "Сосновоборская", 10),
        new("tikhvinsky", "Тихвинский", "Тихвинская", 14),
        new("tosnensky", "Тосненский", "Тосненская", 16),
    ];

    /// <summary>
    /// The educational district of each municipality (the registry's <c>district</c> column): five districts of neighbouring
    /// municipalities, as the region groups them (docs/methodology.md, section 2; the grouping is ours, by geography).
    /// </summary>
    public static string DistrictOf(string municipalityId) => municipalityId switch
    {
        "vyborgsky" or "priozersky" or "vsevolozhsky" => "Северный",
        "kingiseppsky" or "slantsevsky" or "lomonosovsky" or "sosnovoborsky" or "volosovsky" => "Западный",
        "gatchinsky" or "luzhsky" or "tosnensky" => "Южный",
        "kirovsky" or "kirishsky" or "volkhovsky" => "Центральный",
        _ => "Восточный",
    };

    /// <summary>
    /// How each municipality sends its file: most as UTF-8 CSV with column ids; four as Excel's «CSV» on a Russian
    /// Windows (Windows-1251, <c>;</c>, decimal comma, Russian headers under a title line); one as UTF-8 with BOM and
    /// <c>;</c>; two as XLSX with a title row; two as JSON.
    /// </summary>
    public static SampleForm FormatOf(string municipalityId)
    {
        static Encoding Windows1251()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1251);
        }

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return municipalityId switch
        {
            "volosovsky" or "kirishsky" or "luzhsky" or "tikhvinsky" => new SampleForm(UploadFormat.Csv, Windows1251(), ';', true, true),
            "priozersky" => new SampleForm(UploadFormat.Csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), ';', true, true),
            "vyborgsky" or "lomonosovsky" => new SampleForm(UploadFormat.Xlsx, utf8, ',', false, true),
            "kirovsky" or "slantsevsky" => new SampleForm(UploadFormat.Json, utf8, ',', false, false),
            _ => new SampleForm(UploadFormat.Csv, utf8, ',', false, false),
        };
    }
}
