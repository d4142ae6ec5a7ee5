using System.Text;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Cli.Samples;

/// <summary>
/// Writes the sample region's federal file of <see cref="SampleRegion.Period"/> to <c>federal/{period}.csv</c>
/// (docs/federal-list.md; UTF-8 with BOM, <c>;</c>, Russian headers, as Excel saves «CSV UTF-8»): the
/// <see cref="Assessed"/> schools of lowest latent quality, each with a risk profile drawn from its quality, of which the
/// weakest tenth of the region is on the federal list, as the regional classification (the bottom tenth of the results
/// index) mostly finds too, except on purpose: <see cref="Disagreements"/> of the weakest are left off the list, and as
/// many schools just above the tenth are put on it, so the comparison shows schools both ways.
/// </summary>
public static class SampleFederalList
{
    /// <summary>How many schools the federal file profiles (the programme assesses the weak ones, not the region).</summary>
    public const int Assessed = 50;

    /// <summary>How many schools the file disagrees on in each direction.</summary>
    public const int Disagreements = 3;

    private static readonly string[] Headers = ["Код ОО", "Наименование ОО", "В федеральном перечне ШНОР", .. FederalRiskFactors.All.Select(factor => factor.Title)];

    /// <param name="folder">The samples folder.</param>
    /// <param name="schools">Every school of the region with its latent quality (lower is weaker).</param>
    /// <param name="random">Draws the risk levels.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    public static async Task WriteAsync(string folder, IReadOnlyList<(RegisteredSchool School, double Quality)> schools, Random random, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentNullException.ThrowIfNull(random);
        var weakest = schools.OrderBy(school => school.Quality).ThenBy(school => school.School.Id).Take(Assessed).ToList();
        var tenth = schools.Count / 10;
        var text = new StringBuilder();
        text.AppendLine(string.Join(';', Headers));
        foreach (var ((school, quality), rank) in weakest.Select((school, rank) => (school, rank)))
        {
            // The first few of the weakest are left off; as many ranked just past the tenth are put on.
            var onList = rank < tenth ? rank >= Disagreements : rank < tenth + Disagreements;
            var levels = FederalRiskFactors.All.Select(_ => Level(quality, random));
            text.AppendLine(string.Join(';', new[] { school.Id.ToString(), SpreadsheetText.CsvField(school.Name, ';'), onList ? "да" : "нет" }.Concat(levels)));
        }

        var path = Path.Combine(folder, "federal", $"{SampleRegion.Period}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text.ToString().ReplaceLineEndings("\r\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken);
    }

    /// <summary>A factor's level: the weaker the school, the likelier high; one in six not assessed (empty).</summary>
    private static string Level(double quality, Random random)
    {
        var draw = random.NextDouble();
        return draw < 1.0 / 6 ? string.Empty
            : random.NextDouble() < Math.Clamp(-quality / 3, 0.1, 0.9) ? "высокий"
            : draw < 0.6 ? "средний"
            : "низкий";
    }
}
