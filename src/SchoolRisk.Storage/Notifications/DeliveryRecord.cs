using SchoolRisk.Domain.Notices.Deliveries;

namespace SchoolRisk.Storage.Notifications;

/// <summary>One delivery's state: where it went, how it ended, after how many attempts, and why it failed.</summary>
public sealed record DeliveryRecord(
    string DeliveryId, string NoticeId, string Kind, string RecipientId, DeliveryChannel Channel, string Address, DeliveryStatus Status, int Attempts, string? Reason, DateTimeOffset UpdatedAt);
