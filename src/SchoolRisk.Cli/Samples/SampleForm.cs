using System.Text;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Cli.Samples;

/// <summary>The form a sample upload takes: format, encoding, separator, decimal mark, header language.</summary>
public sealed record SampleForm(UploadFormat Format, Encoding Encoding, char Separator, bool DecimalComma, bool RussianHeaders)
{
    public string Extension => Format.ToString().ToLowerInvariant();
}
