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

    /// <summary>The body of <paramref name="delivery"/>, as text.</summary>
    public static string Serialize(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return JsonSerializer.Serialize(Body.Of(delivery, delivery.Letter.Text, delivery.Data, null, null), Json);
    }

    /// <summary>
    /// The body of a delivery too large to carry its data: <c>data</c> is <c>null</c>, <c>dataUrl</c> a read-only link to
    /// the notice's JSON until <c>dataUrlExpiresOn</c>, and <c>text</c> the letter cut to <paramref name="maxTextLength"/>
    /// characters with a note in Russian that the whole notice is behind the link and in the letter.
    /// </summary>
    public static string SerializeReferring(Delivery delivery, Uri dataUrl, DateTimeOffset dataUrlExpiresOn, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        const string Note = "\n\n[Уведомление слишком велико для одного сообщения: полностью оно в письме и по ссылке dataUrl.]";
        var text = delivery.Letter.Text.Length <= maxTextLength ? delivery.Letter.Text : delivery.Letter.Text[..maxTextLength] + Note;
        return JsonSerializer.Serialize(Body.Of(delivery, text, null, dataUrl, dataUrlExpiresOn), Json);
    }

    /// <summary>The body's fields in their order; the link's two only when there is a link.</summary>
    private sealed record Body(
        string DeliveryId, string Kind, string NoticeId, string RecipientId, string Subject, string Text, object? Data,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Uri? DataUrl,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DataUrlExpiresOn)
    {
        public static Body Of(Delivery delivery, string text, object? data, Uri? dataUrl, DateTimeOffset? dataUrlExpiresOn) =>
            new(delivery.DeliveryId, delivery.Kind, delivery.NoticeId, delivery.Recipient.RecipientId, delivery.Letter.Subject, text, data, dataUrl, dataUrlExpiresOn);
    }
}
