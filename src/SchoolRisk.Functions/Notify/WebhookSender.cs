using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Notify;

/// <summary>
/// Deliveries as a signed JSON POST: <c>{deliveryId, kind, noticeId, recipientId, subject, text, data}</c>, where
/// <c>data</c> is the notice or the digest. Headers: <c>X-SchoolRisk-Delivery</c> (the dedupe key: a receiver that
/// has seen it ignores the repeat), <c>X-SchoolRisk-Timestamp</c> (Unix seconds) and <c>X-SchoolRisk-Signature</c>:
/// <c>sha256=</c> and the hex HMAC-SHA256 of <c>{timestamp}.{body}</c> under the recipient's secret. 2xx is delivered;
/// 408, 429 and 5xx are retried; any other answer is permanent.
/// </summary>
public sealed class WebhookSender(HttpClient http, TimeProvider time) : IDeliverySender
{
    public const string DeliveryHeader = "X-SchoolRisk-Delivery";
    public const string TimestampHeader = "X-SchoolRisk-Timestamp";
    public const string SignatureHeader = "X-SchoolRisk-Signature";

    public DeliveryChannel Channel => DeliveryChannel.Webhook;

    /// <summary>The signature a receiver expects: <c>sha256=</c> and the hex HMAC-SHA256 of <c>{timestamp}.{body}</c>.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = JsonSerializer.Serialize(
            new
            {
                delivery.DeliveryId,
                delivery.Kind,
                delivery.NoticeId,
                delivery.Recipient.RecipientId,
                delivery.Letter.Subject,
                delivery.Letter.Text,
                Data = delivery.Data,
            },
            HttpOutput.JsonOptions);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Recipient.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(DeliveryHeader, delivery.DeliveryId);
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(delivery.Recipient.WebhookSecret!, timestamp, body));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailedException($"Webhook {delivery.Address} unreachable: {exception.Message}", permanent: false, exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
                throw new DeliveryFailedException($"Webhook {delivery.Address} answered {status} {response.ReasonPhrase}", permanent: !transient);
            }
        }
    }
}
