using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Precedence;

namespace SchoolRisk.Domain.Tests.Uploads.Precedence;

public sealed class UploadPrecedenceTests
{
    private static readonly UploadPath Schools = new(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), "schools.csv");
    private static readonly UploadPath Rubrics = new(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), "rubrics.csv", UploadKind.Rubrics);
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static PriorUpload Prior(string id, string hash, UploadStanding standing, DateTimeOffset? createdAt, UploadPath? path = null) =>
        new(TestIds.Upload(id), (path ?? Schools).BlobName, hash, standing, createdAt);

    [Fact]
    public void Decide_NoHistory_Evaluates_SupersedingNothing()
    {
        var precedence = UploadPrecedence.Decide(Schools, TestIds.Upload("new"), "h1", Noon, []);

        Assert.Equal(new UploadPrecedence(UploadPrecedenceKind.Evaluate, null, []), precedence with { Supersedes = [] });
        Assert.Empty(precedence.Supersedes);
    }

    [Fact]
    public void Decide_SameContentAsACompletedUpload_IsADuplicateOfIt()
    {
        var precedence = UploadPrecedence.Decide(Schools, TestIds.Upload("new"), "h1", Noon, [Prior("old", "h1", UploadStanding.Completed, Noon.AddHours(-1))]);

        Assert.Equal(UploadPrecedenceKind.Duplicate, precedence.Kind);
        Assert.Equal(TestIds.Upload("old"), precedence.Other);
        Assert.Empty(precedence.Supersedes);
    }

    [Fact]
    public void Decide_SameContentAsARejectedSupersededOrFailedUpload_IsEvaluated()
    {
        // A rejected file sent again is read again: the registry or the rules that refused it may have been corrected.
        var precedence = UploadPrecedence.Decide(Schools, TestIds.Upload("new"), "h1", Noon, [Prior("refused", "h1", UploadStanding.Other, Noon.AddHours(-2))]);

        Assert.Equal(UploadPrecedenceKind.Evaluate, precedence.Kind);
        Assert.Empty(precedence.Supersedes);
    }

    [Fact]
    public void Decide_ItsOwnRecord_IsNeitherADuplicateNorSuperseded()
    {
        // A redelivered event finds its own upload recorded, completed, with the same content and time.
        var precedence = UploadPrecedence.Decide(Schools, TestIds.Upload("new"), "h1", Noon, [Prior("new", "h1", UploadStanding.Completed, Noon)]);

        Assert.Equal(UploadPrecedenceKind.Evaluate, precedence.Kind);
        Assert.Empty(precedence.Supersedes);
    }

    [Fact]
    public void Decide_UploadsOfTheOtherKind_AreNotCompared()
    {
        var precedence = UploadPrecedence.Decide(
            Schools, TestIds.Upload("new"), "h1", Noon,
            [Prior("rubric-same", "h1", UploadStanding.Completed, Noon.AddHours(-1), Rubrics), Prior("rubric-later", "h2", UploadStanding.Completed, Noon.AddHours(1), Rubrics)]);

        Assert.Equal(UploadPrecedenceKind.Evaluate, precedence.Kind);
        Assert.Empty(precedence.Supersedes);
    }

    [Fact]
    public void Decide_ACompletedUploadCreatedLater_SupersedesTheNewOne()
    {
        var precedence = UploadPrecedence.Decide(Schools, TestIds.Upload("new"), "h1", Noon, [Prior("later", "h2", UploadStanding.Completed, Noon.AddMinutes(1))]);

        Assert.Equal(UploadPrecedenceKind.Superseded, precedence.Kind);
        Assert.Equal(TestIds.Upload("later"), precedence.Other);
    }

    [Fact]
    public void Decide_ALaterUploadThatDidNotComplete_DoesNotSupersede()
    {
        var precedence = UploadPrecedence.Decide(Schools, TestIds.Upload("new"), "h1", Noon, [Prior("later", "h2", UploadStanding.Other, Noon.AddMinutes(1))]);

        Assert.Equal(UploadPrecedenceKind.Evaluate, precedence.Kind);
    }

    [Fact]
    public void Decide_ALaterRepeatOfTheCurrentContent_SupersedesTheNewOne_WhichSupersedesNothing()
    {
        // current (h1) completed; the municipality sends h2, then h1 again (repeated, a duplicate of current) before h2 is
        // decided: its last word is h1, so h2 is superseded by the repeat and current's results stand.
        var precedence = UploadPrecedence.Decide(
            Schools, TestIds.Upload("new"), "h2", Noon,
            [Prior("current", "h1", UploadStanding.Completed, Noon.AddHours(-1)), Prior("repeat", "h1", UploadStanding.Repeated, Noon.AddMinutes(1))]);

        Assert.Equal(new UploadPrecedence(UploadPrecedenceKind.Superseded, TestIds.Upload("repeat"), []), precedence with { Supersedes = [] });
        Assert.Empty(precedence.Supersedes);
    }

    [Fact]
    public void Decide_AnEarlierRepeat_IsNeitherSupersededNorCompared()
    {
        var precedence = UploadPrecedence.Decide(
            Schools, TestIds.Upload("new"), "h2", Noon,
            [Prior("current", "h1", UploadStanding.Completed, Noon.AddHours(-2)), Prior("repeat", "h1", UploadStanding.Repeated, Noon.AddHours(-1))]);

        Assert.Equal(UploadPrecedenceKind.Evaluate, precedence.Kind);
        Assert.Equal([TestIds.Upload("current")], precedence.Supersedes);
    }

    [Fact]
    public void Decide_ACompletedUploadCreatedAtTheSameMoment_DoesNotSupersede()
    {
        var precedence = UploadPrecedence.Decide(Schools, TestIds.Upload("new"), "h1", Noon, [Prior("same-time", "h2", UploadStanding.Completed, Noon)]);

        Assert.Equal(UploadPrecedenceKind.Evaluate, precedence.Kind);
        Assert.Equal([TestIds.Upload("same-time")], precedence.Supersedes);
    }

    [Fact]
    public void Decide_ACompletedUploadWithoutACreationTime_DoesNotSupersede()
    {
        var precedence = UploadPrecedence.Decide(Schools, TestIds.Upload("new"), "h1", Noon, [Prior("unknown-time", "h2", UploadStanding.Completed, null)]);

        Assert.Equal(UploadPrecedenceKind.Evaluate, precedence.Kind);
        Assert.Equal([TestIds.Upload("unknown-time")], precedence.Supersedes);
    }

    [Fact]
    public void Decide_DuplicateContent_WinsOverALaterCompletedUpload()
    {
        var precedence = UploadPrecedence.Decide(
            Schools, TestIds.Upload("new"), "h1", Noon,
            [Prior("later", "h2", UploadStanding.Completed, Noon.AddHours(1)), Prior("same", "h1", UploadStanding.Completed, Noon.AddHours(-1))]);

        Assert.Equal(UploadPrecedenceKind.Duplicate, precedence.Kind);
        Assert.Equal(TestIds.Upload("same"), precedence.Other);
    }

    [Fact]
    public void Decide_Evaluated_SupersedesEveryEarlierCompletedUploadOfItsKind_AndNothingElse()
    {
        var precedence = UploadPrecedence.Decide(
            Schools, TestIds.Upload("new"), "h9", Noon,
            [
                Prior("first", "h1", UploadStanding.Completed, Noon.AddDays(-2)),
                Prior("second", "h2", UploadStanding.Completed, Noon.AddDays(-1)),
                Prior("refused", "h3", UploadStanding.Other, Noon.AddHours(-3)),
                Prior("replaced", "h4", UploadStanding.Other, Noon.AddHours(-2)),
                Prior("rubrics", "h5", UploadStanding.Completed, Noon.AddHours(-1), Rubrics),
            ]);

        Assert.Equal(UploadPrecedenceKind.Evaluate, precedence.Kind);
        Assert.Equal([TestIds.Upload("first"), TestIds.Upload("second")], precedence.Supersedes);
    }

    [Fact]
    public void Decide_ARecordWhoseBlobNameIsNotAnUploadPath_IsIgnored()
    {
        var precedence = UploadPrecedence.Decide(Schools, TestIds.Upload("new"), "h1", Noon, [new PriorUpload(TestIds.Upload("stray"), "schools.csv", "h1", UploadStanding.Completed, Noon)]);

        Assert.Equal(UploadPrecedenceKind.Evaluate, precedence.Kind);
    }
}
