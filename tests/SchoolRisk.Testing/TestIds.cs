using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Testing;

/// <summary>Typed ids for tests, each named by a word: the same word is the same id, another word another id.</summary>
public static class TestIds
{
    /// <summary>An upload's id, made from <paramref name="name"/> as <see cref="UploadId.For"/> makes one from a blob's name.</summary>
    public static UploadId Upload(string name) => UploadId.For(name, "test");

    /// <summary>A rule set version: the version of one rule file named <paramref name="name"/>.</summary>
    public static RuleSetVersion Version(string name) => RuleSet.VersionOf([new RuleFile(name, "{}")]);
}
