namespace SchoolRisk.Functions.Notify;

/// <summary>The message on <c>risk-notifications</c>: which notice, and the blob (in the notices container) that holds it.</summary>
public sealed record NoticeMessage(string NoticeId, string MunicipalityId, string Period, string NoticeBlob)
{
    /// <summary>The queue <c>Notify</c> reads (<c>Notify/function.json</c>).</summary>
    public const string Queue = "risk-notifications";
}
