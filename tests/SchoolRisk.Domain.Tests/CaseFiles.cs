namespace SchoolRisk.Domain.Tests;

/// <summary>The files of the reported cases (<c>tests/cases/{date}/</c>), copied under <c>cases/{date}/</c> next to the tests.</summary>
internal static class CaseFiles
{
    public static Stream Open(string date, string name) => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "cases", date, name));
}
