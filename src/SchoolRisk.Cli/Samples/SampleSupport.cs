using System.Text;
using System.Text.Json;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;

namespace SchoolRisk.Cli.Samples;

/// <summary>
/// The committee's sample support decisions of a period, written to <c>support/{period}.json</c> as the list of bodies
/// the door <c>POST /api/support/{period}</c> takes (<c>{school, kind, amount, mentor, comment, by}</c>), which the demo
/// records one by one. Among the weak schools of the <see cref="SampleRegion.Tracked"/> municipalities, weakest first,
/// every other one is supported and the others are not, so that the effect of support has comparable schools; the kinds
/// take turns (subsidy, mentoring, methodological help), and a mentor is the strongest school of the same municipality
/// and programme level.
/// </summary>
public static class SampleSupport
{
    /// <summary>The latent quality below which a school counts as weak (the generator draws troubled and weak schools around −2.5 and −1.2).</summary>
    public const double WeakBelow = -1.0;

    private static readonly SupportKind[] Kinds = [SupportKind.Subsidy, SupportKind.Mentoring, SupportKind.MethodologicalHelp];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="schools">Every school of the region with its latent quality in the period of the decisions (lower is weaker).</param>
    /// <returns>The supported schools' ids.</returns>
    public static IReadOnlySet<SchoolId> Supported(IReadOnlyList<(RegisteredSchool School, double Quality)> schools) =>
        Weak(schools).Where((_, rank) => rank % 2 == 0).Select(school => school.School.Id).ToHashSet();

    /// <param name="folder">The samples folder.</param>
    /// <param name="period">The period of the decisions, like <c>2023-2024</c>.</param>
    /// <param name="schools">Every school of the region with its latent quality in <paramref name="period"/>.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    public static async Task WriteAsync(string folder, string period, IReadOnlyList<(RegisteredSchool School, double Quality)> schools, CancellationToken cancellationToken)
    {
        var decisions = Weak(schools).Where((_, rank) => rank % 2 == 0).Select((school, turn) =>
        {
            var kind = Kinds[turn % Kinds.Length];
            var mentor = schools.Where(other => other.School.MunicipalityId == school.School.MunicipalityId && other.School.Level == school.School.Level)
                .OrderByDescending(other => other.Quality).ThenBy(other => other.School.Id).First().School.Id;
            return new Dictionary<string, object?>
            {
                ["school"] = school.School.Id.ToString(),
                ["kind"] = kind.ToKey(),
                ["amount"] = kind == SupportKind.Subsidy ? 500_000m + (100_000m * turn) : null,
                ["mentor"] = kind == SupportKind.Mentoring ? mentor.ToString() : null,
                ["comment"] = kind switch
                {
                    SupportKind.Subsidy => "на оснащение кабинетов и повышение квалификации учителей",
                    SupportKind.Mentoring => "пара на учебный год, план совместных занятий",
                    _ => "методические семинары по подготовке к ОГЭ",
                },
                ["by"] = "Н. Смирнова, отдел мониторинга",
            };
        }).ToList();
        var path = Path.Combine(folder, "support", $"{period}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(decisions, Json) + "\n", new UTF8Encoding(false), cancellationToken);
    }

    private static IEnumerable<(RegisteredSchool School, double Quality)> Weak(IReadOnlyList<(RegisteredSchool School, double Quality)> schools) =>
        schools.Where(school => SampleRegion.Tracked.Contains(school.School.MunicipalityId.ToString()) && school.Quality < WeakBelow)
            .OrderBy(school => school.Quality).ThenBy(school => school.School.Id.ToString(), StringComparer.Ordinal);
}
