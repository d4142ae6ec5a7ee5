using System.Text;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Shape;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Testing;

/// <summary>
/// Waits for the rejection of a whole edit of the <c>rules</c> container. Every event of the container's files is
/// handled on whatever the container holds when it is handled, so an edit of several files can be read while it is being
/// written, and a late event of an earlier edit reads the next one: rejections of such states are recorded around the
/// edit's own, with its reason too. The one wanted is that of the container holding exactly the edit's files.
/// </summary>
public static class ContainerRejections
{
    /// <summary>
    /// The rejection recorded with <paramref name="reason"/> of the container holding exactly <paramref name="files"/>
    /// (by the version they make, <see cref="RuleRejection.CandidateVersion"/>; a file too large to be read is not
    /// among those read), once there is one.
    /// </summary>
    public static async Task<RuleRejection> OfAsync(RuleStore store, IEnumerable<RuleFile> files, string reason)
    {
        ArgumentNullException.ThrowIfNull(store);
        var version = RuleSet.VersionOf(files.Where(file => Encoding.UTF8.GetByteCount(file.Json) <= RuleSetLimits.MaxFileBytes));
        return (await Poll.UntilAsync(
            () => store.ListRejectionsAsync(TestContext.Current.CancellationToken)
                .FirstOrDefaultAsync(rejection => rejection.Reason == reason && rejection.CandidateVersion == version, TestContext.Current.CancellationToken).AsTask(),
            rejection => rejection is not null,
            $"the rejection of the edit '{reason}' of the container holding files of version {version}"))!;
    }
}
