using SchoolRisk.Domain.Notices.Deliveries;

namespace SchoolRisk.Application.Notices;

/// <summary>Sends a delivery over one channel; failures are <see cref="DeliveryFailedException"/>s that say whether retrying can help.</summary>
public interface IDeliverySender
{
    /// <summary>The channel this sender serves; one sender per channel.</summary>
    DeliveryChannel Channel { get; }

    /// <summary>Sends <paramref name="delivery"/> once.</summary>
    /// <exception cref="DeliveryFailedException">The send failed; <see cref="DeliveryFailedException.Permanent"/> says whether retrying can help.</exception>
    Task SendAsync(Delivery delivery, CancellationToken cancellationToken);
}
