using SchoolRisk.Domain.Notices.Deliveries;

namespace SchoolRisk.Application.Notices;

/// <summary>Sends a delivery over one channel; failures are <see cref="DeliveryFailedException"/>s that say whether retrying can help.</summary>
public interface IDeliverySender
{
    DeliveryChannel Channel { get; }

    Task SendAsync(Delivery delivery, CancellationToken cancellationToken);
}
