namespace SchoolRisk.Storage.Rules;

/// <summary>How an <see cref="AuthorOrigin"/> is shown next to a name in the audit (<c>rules list</c>, a rejection's text), in Russian.</summary>
public static class AuthorOrigins
{
    /// <summary>«(указано в метаданных, не проверено)» and the like: what a reader of the audit may rely on.</summary>
    public static string Label(this AuthorOrigin origin) => origin switch
    {
        AuthorOrigin.SignedIn => "(вход в Microsoft Entra)",
        AuthorOrigin.FunctionKey => "(ключ функции)",
        AuthorOrigin.CommandLine => "(указано в командной строке, не проверено)",
        AuthorOrigin.System => "(система)",
        _ => "(указано в метаданных, не проверено)",
    };

    /// <summary>The name and how it is known: «a.petrova@edu.example.ru (вход в Microsoft Entra)».</summary>
    public static string Describe(string by, AuthorOrigin origin) => $"{by} {origin.Label()}";
}
