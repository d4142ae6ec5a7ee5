using SchoolRisk.Application.Views;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// The common part of the view functions: read the HTTP trigger <c>req</c>, work out the caller's
/// <see cref="AccessScope"/> from its key and refuse a key that sees nothing (403), then answer with a query's
/// <see cref="ViewAnswer{T}"/>: 200 with the view, 404 for a period that is not one or what is not found, 403 for a
/// municipality the key does not see. Messages people read are in Russian.
/// </summary>
public static class ViewRequest
{
    public const string TriggerBinding = "req";

    public static async Task<IResult> HandleAsync(InvocationRequest request, Func<HttpTriggerRequest, AccessScope, Task<IResult>> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!HttpTriggerRequest.TryRead(request, TriggerBinding, out var http))
        {
            return FunctionJson.Failed(InvocationResponse.Log($"No HTTP request in binding '{TriggerBinding}'."));
        }

        var scope = AccessScope.Of(http.KeyName, http.HasMasterKey);
        return scope.SeesAnything
            ? await answer(http, scope)
            : HttpOutput.Error(StatusCodes.Status403Forbidden, $"Ключ «{http.KeyName}» не даёт доступа к данным: нужен ключ комитета или муниципалитета.");
    }

    /// <summary>A query's answer as JSON: the view with 200, or the error with its status.</summary>
    public static IResult Json<T>(ViewAnswer<T> answer)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Value is { } value ? HttpOutput.Json(StatusCodes.Status200OK, value) : Error(answer);
    }

    /// <summary>A query's HTML answer: the page with 200, or the error (JSON) with its status.</summary>
    public static IResult Html(ViewAnswer<string> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Value is { } html ? HttpOutput.Text(StatusCodes.Status200OK, "text/html; charset=utf-8", html) : Error(answer);
    }

    private static IResult Error<T>(ViewAnswer<T> answer)
        where T : class =>
        HttpOutput.Error(answer.Outcome == ViewOutcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound, answer.Message);
}
