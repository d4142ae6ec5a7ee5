namespace SchoolRisk.Cli.Samples;

/// <summary>The sample region (Leningrad Oblast): 17 municipal districts and one city district, 330 schools.</summary>
public static class SampleRegion
{
    public const string Period = "2023-2024";

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
}
