using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SchoolRisk.Domain.Notices.Deliveries;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// The JSON a webhook receives and a Service Bus message carries, one contract for both:
/// <c>{deliveryId, kind, noticeId, recipientId, subject, text, data}</c>, where <c>subject</c> and <c>text</c> are the
/// letter in Russian (plain text) and <c>data</c> is the notice or the digest. camelCase names, enums as camelCase
/// strings, Cyrillic written as is; kept apart from the HTTP functions' answers so that neither changes the other.
/// </summary>
public static class DeliveryBody
{
    /// <summary>The serializer options of the body.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The body of <paramref name="delivery"/>, as UTF-16 text.</summary>
    public static string Serialize(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return JsonSerializer.Serialize(
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
            Json);
    }
}
