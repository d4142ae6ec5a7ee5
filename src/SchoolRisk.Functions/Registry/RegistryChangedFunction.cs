using SchoolRisk.Application.Registry;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage;

namespace SchoolRisk.Functions.Registry;

/// <summary>
/// <c>RegistryChanged</c>: queue trigger <c>event</c> on <c>registry-events</c> (Event Grid BlobCreated events for the
/// registry container; in Azure only those of <c>schools.csv</c> and <c>recipients.csv</c>) →
/// <see cref="RegistryFileCheck.CheckAsync"/>; queue output <c>notice</c> on <c>risk-notifications</c> when the file has
/// problems to tell the committee. See <c>RegistryChanged/function.json</c>.
/// </summary>
public static class RegistryChangedFunction
{
    public const string TriggerBinding = "event";
    public const string NoticeBinding = "notice";

    public static IEndpointRouteBuilder MapRegistryChanged(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/RegistryChanged", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(InvocationRequest request, RegistryFileCheck check, StorageAccount account, CancellationToken cancellationToken)
    {
        if (!BlobEventTrigger.TryRead(request, TriggerBinding, account.Options.RegistryContainer, out var blobEvent, out var answer))
        {
            return answer;
        }

        var outcome = await check.CheckAsync(blobEvent.BlobName, cancellationToken);
        return FunctionJson.Ok(new InvocationResponse(new Dictionary<string, object?>().With(NoticeBinding, outcome.Notice), [outcome.Message]));
    }
}
