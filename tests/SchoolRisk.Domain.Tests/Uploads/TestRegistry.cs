using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Tests.Uploads;

/// <summary>Five schools of gatchinsky and one of luzhsky.</summary>
internal static class TestRegistry
{
    public static SchoolRegistry Schools { get; } = new(
    [
        .. Enumerable.Range(1, 5).Select(n => new RegisteredSchool(SchoolId.Parse($"gatchinsky-00{n}"), $"МОУ «Гатчинская СОШ № {n}»", MunicipalityId.Parse("gatchinsky"), "secondary", "urban", false, 500)),
        new RegisteredSchool(SchoolId.Parse("luzhsky-001"), "МОУ «Лужская СОШ № 1»", MunicipalityId.Parse("luzhsky"), "secondary", "urban", false, 500),
    ]);
}
