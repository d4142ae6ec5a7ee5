using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;
using SchoolRisk.Functions.Http;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// The common part of the view functions: the caller's <see cref="AccessScope"/> from its key, 403 for a key that sees
/// nothing, then a query's <see cref="ViewAnswer{T}"/> as HTTP: 200 with the view, 404 for a period that is not one or
/// what is not found, 403 for a municipality the key does not see, 400 for a request that cannot be used. Messages people read are in Russian.
/// </summary>
public static class ViewAnswers
{
    /// <summary>Answers with JSON from <paramref name="query"/> run in the caller's scope.</summary>
    public static Task<HttpResponseData> JsonAsync<T>(HttpRequestData request, Func<AccessScope, Task<ViewAnswer<T>>> query, CancellationToken cancellationToken)
        where T : class =>
        AnswerAsync(request, query, (value, token) => request.JsonAsync(HttpStatusCode.OK, value, token), cancellationToken);

    /// <summary>Answers with the HTML page from <paramref name="query"/> run in the caller's scope (an error is JSON).</summary>
    public static Task<HttpResponseData> HtmlAsync(HttpRequestData request, Func<AccessScope, Task<ViewAnswer<string>>> query, CancellationToken cancellationToken) =>
        AnswerAsync(request, query, (html, token) => request.TextAsync(HttpStatusCode.OK, "text/html; charset=utf-8", html, token), cancellationToken);

    /// <summary>Answers with the file from <paramref name="query"/> run in the caller's scope, to download (an error is JSON).</summary>
    public static Task<HttpResponseData> FileAsync(HttpRequestData request, Func<AccessScope, Task<ViewAnswer<TemplateFile>>> query, CancellationToken cancellationToken) =>
        AnswerAsync(request, query, (file, token) => request.FileAsync(file.FileName, file.ContentType, file.Content, token), cancellationToken);

    private static async Task<HttpResponseData> AnswerAsync<T>(
        HttpRequestData request, Func<AccessScope, Task<ViewAnswer<T>>> query, Func<T, CancellationToken, Task<HttpResponseData>> found, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var key = CallerKey.Of(request);
        if (!key.Scope.SeesAnything)
        {
            return await request.ErrorAsync(
                HttpStatusCode.Forbidden, $"Ключ «{key.Name}» не даёт доступа к данным: нужен ключ комитета или муниципалитета.", cancellationToken);
        }

        var answer = await query(key.Scope);
        return answer.Value is { } value
            ? await found(value, cancellationToken)
            : await request.ErrorAsync(
                answer.Outcome switch
                {
                    ViewOutcome.Forbidden => HttpStatusCode.Forbidden,
                    ViewOutcome.Invalid => HttpStatusCode.BadRequest,
                    _ => HttpStatusCode.NotFound,
                },
                answer.Message,
                cancellationToken);
    }
}
