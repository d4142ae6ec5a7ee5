namespace SchoolRisk.Domain.Tests;

/// <summary>The files of the shared cases, copied under <c>Cases/{date}/</c> next to the tests.</summary>
internal static class CaseFiles
{
    public static Stream Open(string date, string name) => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Cases", date, name));
}
