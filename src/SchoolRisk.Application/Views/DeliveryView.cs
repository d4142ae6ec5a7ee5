using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Application.Views;

/// <summary>
/// One delivery of a notice: <see cref="Kind"/> <c>notice</c>, <c>alert</c> (the committee's risk-zone alert) or
/// <c>digest</c>; to <see cref="RecipientId"/> by <see cref="Channel"/> (<c>email</c>, <c>webhook</c>, <c>serviceBus</c>,
/// <see cref="ChannelTitle"/> in Russian) at <see cref="Address"/>; <see cref="Status"/> <c>sent</c>, <c>retrying</c> or
/// <c>failed</c> (<see cref="StatusTitle"/>) after <see cref="Attempts"/> attempts, and the <see cref="Reason"/> of a failure (Russian).
/// </summary>
public sealed record DeliveryView(
    string DeliveryId, string Kind, string RecipientId, DeliveryChannel Channel, string ChannelTitle, string Address, DeliveryStatus Status, string StatusTitle,
    int Attempts, string? Reason, DateTimeOffset UpdatedAt)
{
    /// <summary>The view of <paramref name="record"/>.</summary>
    public static DeliveryView Of(DeliveryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DeliveryView(
            record.DeliveryId, record.Kind, record.RecipientId, record.Channel,
            record.Channel switch { DeliveryChannel.Email => "почта", DeliveryChannel.Webhook => "веб-хук", _ => "Service Bus" },
            record.Address, record.Status,
            record.Status switch { DeliveryStatus.Sent => "отправлено", DeliveryStatus.Retrying => "повторяется", _ => "не удалось" },
            record.Attempts, record.Reason, record.UpdatedAt);
    }
}
