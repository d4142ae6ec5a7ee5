using System.Text;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Tests.Uploads;

/// <summary>Text quoted back in a message is cut short, never in the middle of a character.</summary>
public sealed class UploadTextTests
{
    [Fact]
    public void ALongText_IsCutToItsStart_WithItsLength()
    {
        var text = new string('а', 100);

        Assert.Equal($"{new string('а', UploadText.MaxQuoted)}… (100 знаков)", UploadText.Quote(text));
    }

    [Fact]
    public void AnEmojiAtTheCut_IsLeftOutWhole_NotSplitIntoHalfASurrogatePair()
    {
        var text = new string('а', UploadText.MaxQuoted - 1) + "😀" + new string('б', 20);

        var quoted = UploadText.Quote(text);

        Assert.Equal($"{new string('а', UploadText.MaxQuoted - 1)}… (101 знаков)", quoted.Replace('\u00A0', ' '));
        Assert.DoesNotContain(quoted, char.IsSurrogate);
        Assert.Equal(quoted, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(quoted)));
    }

    [Fact]
    public void AnEmojiThatEndsWithinTheLimit_IsKeptWhole()
    {
        var text = new string('а', UploadText.MaxQuoted - 2) + "😀" + new string('б', 20);

        Assert.StartsWith(new string('а', UploadText.MaxQuoted - 2) + "😀…", UploadText.Quote(text), StringComparison.Ordinal);
    }
}
