using System.Text.RegularExpressions;
using SchoolRisk.Domain.Federal;

namespace SchoolRisk.Domain.Tests.Federal;

/// <summary><c>docs/federal-list.md</c> names exactly the columns, and the headers of each, that the reader accepts.</summary>
public sealed partial class FederalListDocTests
{
    [Fact]
    public async Task Doc_NamesExactlyTheColumnsAndHeadersTheReaderAccepts()
    {
        var doc = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "docs", "federal-list.md"), TestContext.Current.CancellationToken);

        var documented = doc.Select(line => Row().Match(line)).Where(match => match.Success)
            .Select(match => (match.Groups["id"].Value, match.Groups["required"].Value == "yes", string.Join("|", Header().Matches(match.Groups["headers"].Value).Select(h => h.Groups[1].Value))))
            .ToList();

        Assert.Equal(
            FederalColumns.All.Append(FederalColumns.Other).Select(column => (column.Id, column.Required, string.Join("|", column.Headers))),
            documented);
    }

    [Fact]
    public void EveryDocumentedHeader_IsMatchedToItsColumn()
    {
        Assert.All(
            FederalColumns.All.Append(FederalColumns.Other).SelectMany(column => column.Headers.Select(header => (column, header))),
            pair => Assert.Same(pair.column, FederalColumns.Match(pair.header)));
    }

    [GeneratedRegex(@"^\| `(?<id>[^`]+)` \| (?<required>yes|no) \| [^|]* \| (?<headers>.*) \|$")]
    private static partial Regex Row();

    [GeneratedRegex("«([^«»]*)»")]
    private static partial Regex Header();
}
