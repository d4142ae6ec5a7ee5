using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using SchoolRisk.Domain.Notices.Deliveries;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// Deliveries as a signed JSON POST of the <see cref="DeliveryBody"/>: <c>{deliveryId, kind, noticeId, recipientId, subject, text, data}</c>, where
/// <c>data</c> is the notice or the digest. Headers: <c>X-SchoolRisk-Delivery</c> (the dedupe key: a receiver that
/// has seen it ignores the repeat), <c>X-SchoolRisk-Timestamp</c> (Unix seconds) and <c>X-SchoolRisk-Signature</c>:
/// <c>sha256=</c> and the hex HMAC-SHA256 of <c>{timestamp}.{body}</c> under the recipient's secret.
/// Delivered only when the configured URL itself answered 2xx to the POST: the <see cref="HttpClient"/> must not follow
/// redirects (<see cref="CreateHttpClient"/>), and a response from any other URL is not taken. A redirect (3xx) and any
/// other 4xx are permanent; 408, 429, 5xx, an unreachable or silent receiver are transient; a TLS certificate the app
/// does not trust is permanent. Reasons are in Russian, for whoever fixes the recipients directory.
/// </summary>
public sealed class WebhookSender(HttpClient http, TimeProvider time) : IDeliverySender
{
    /// <summary>The header with the delivery's dedupe key.</summary>
    public const string DeliveryHeader = "X-SchoolRisk-Delivery";

    /// <summary>The header with the moment of sending, in Unix seconds: part of what is signed.</summary>
    public const string TimestampHeader = "X-SchoolRisk-Timestamp";

    /// <summary>The header with the signature (<see cref="Sign"/>).</summary>
    public const string SignatureHeader = "X-SchoolRisk-Signature";

    /// <inheritdoc/>
    public DeliveryChannel Channel => DeliveryChannel.Webhook;

    /// <summary>The client webhooks need: redirects are never followed, each call lasts at most <paramref name="timeout"/>.</summary>
    public static HttpClient CreateHttpClient(TimeSpan timeout) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = timeout };

    /// <summary>The signature a receiver expects: <c>sha256=</c> and the hex HMAC-SHA256 of <c>{timestamp}.{body}</c>.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <inheritdoc/>
    public async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var url = delivery.Recipient.WebhookUrl!;
        var body = DeliveryBody.Serialize(delivery);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(DeliveryHeader, delivery.DeliveryId);
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(delivery.Recipient.WebhookSecret!, timestamp, body));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            throw new DeliveryFailedException(
                $"веб-хук {url}: не удалось установить защищённое соединение (сертификат получателя не доверен или TLS не согласован): {exception.Message} " +
                "Получателю нужно исправить сертификат, либо исправьте адрес в справочнике адресатов.", permanent: true, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new DeliveryFailedException($"веб-хук {url} недоступен: {exception.Message}", permanent: false, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailedException($"веб-хук {url} не ответил за {http.Timeout.TotalSeconds:0} с", permanent: false, exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.RequestMessage?.RequestUri is { } answered && answered != url)
            {
                throw new DeliveryFailedException(
                    $"ответ получен не от адреса веб-хука {url}, а от {answered} (запрос был перенаправлен); укажите в справочнике адресатов конечный адрес.", permanent: true);
            }

            if (status is >= 300 and < 400)
            {
                var location = response.Headers.Location is { } target ? new Uri(url, target).ToString() : "адрес не указан";
                throw new DeliveryFailedException(
                    $"адрес веб-хука {url} отвечает перенаправлением {status} на {location}; укажите в справочнике адресатов конечный адрес.", permanent: true);
            }

            if (!response.IsSuccessStatusCode)
            {
                var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
                throw new DeliveryFailedException($"веб-хук {url} ответил {status} {response.ReasonPhrase}{Hint(response.StatusCode, transient)}", permanent: !transient);
            }
        }
    }

    private static string Hint(HttpStatusCode status, bool transient) => status switch
    {
        _ when transient => " (временная ошибка получателя)",
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "; получатель не принял подпись: сверьте webhook_secret в справочнике адресатов с ключом получателя.",
        HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.MethodNotAllowed => "; по этому адресу нет приёма уведомлений: исправьте webhook_url в справочнике адресатов.",
        _ => "; получатель отклонил уведомление: выясните причину у получателя.",
    };
}
