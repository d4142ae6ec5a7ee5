namespace SchoolRisk.Domain.Evaluation.Shape;

/// <summary>
/// How large a rule set may be, checked before a file is interpreted, so that no edit can hold a core for long or
/// exhaust memory while it is validated. The repository's rule set (<c>rules/</c>) is 15 files, 47 rules, at most 13 KB
/// and 17 test cases a file: the limits leave it more than tenfold room. Expressions have their own limits (length,
/// nesting, operators) in the expression check.
/// </summary>
public static class RuleSetLimits
{
    /// <summary>The most rule files a set may have.</summary>
    public const int MaxFiles = 100;

    /// <summary>The largest a rule file may be, in bytes of UTF-8 (256 KiB).</summary>
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>The most rules one file (workflow) may have.</summary>
    public const int MaxRulesPerFile = 200;

    /// <summary>The most rules a whole set may have.</summary>
    public const int MaxRules = 2_000;

    /// <summary>The most test cases one file may have.</summary>
    public const int MaxTestCasesPerFile = 500;

    /// <summary>The problem with a file of <paramref name="bytes"/> bytes, over <see cref="MaxFileBytes"/>: the same at every door, whether the file was read or only its size seen.</summary>
    public static string FileTooLarge(string fileName, long bytes) =>
        $"{fileName}: файл занимает {Size(bytes)}, допустимо не больше {Size(MaxFileBytes)}; разделите блок на несколько файлов или проверьте, что загружен нужный файл.";

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024d * 1024):0.#} МБ".Replace('.', ',')
        : $"{bytes / 1024d:0.#} КБ".Replace('.', ',');
}
