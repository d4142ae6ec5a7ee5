using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;
using SchoolRisk.Domain.Notices.Deliveries;

namespace SchoolRisk.Functions.Notify;

/// <summary>
/// Letters over SMTP with MailKit: HTML with a plain-text alternative. The Message-ID is derived from the delivery's
/// dedupe key, so in the one case a letter can go twice (the process dies after the server accepted it and before the
/// delivery was recorded) the copy has the same Message-ID and mail clients show one letter.
/// </summary>
public sealed class MailSender(DeliveryOptions options) : IDeliverySender
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = new MimeMessage { Subject = delivery.Letter.Subject, MessageId = $"{delivery.DeliveryId}@schoolrisk" };
        message.From.Add(MailboxAddress.Parse(options.From));
        // One mailbox, as the recipients directory checked it with this parser; its display name, or else the recipient's name.
        var to = MailboxAddress.Parse(ParserOptions.Default, delivery.Address);
        to.Name = to.Name is { Length: > 0 } name ? name : delivery.Recipient.Name;
        message.To.Add(to);
        message.Headers.Add("X-SchoolRisk-Notice", delivery.NoticeId);
        message.Body = new BodyBuilder { HtmlBody = delivery.Letter.Html, TextBody = delivery.Letter.Text }.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.SmtpHost, options.SmtpPort, options.SmtpSecurity, cancellationToken);
            if (options.SmtpUser is { Length: > 0 } user)
            {
                await client.AuthenticateAsync(user, options.SmtpPassword ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException exception)
        {
            // 5xx replies (mailbox unknown, message refused) are permanent; 4xx (mailbox busy, try later) are not.
            throw new DeliveryFailedException(
                $"SMTP {options.SmtpHost}:{options.SmtpPort} refused {delivery.Address}: {(int)exception.StatusCode} {exception.Message}", (int)exception.StatusCode >= 500, exception);
        }
        catch (Exception exception) when (exception is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException
            or MailKit.Security.AuthenticationException)
        {
            throw new DeliveryFailedException($"SMTP {options.SmtpHost}:{options.SmtpPort} unavailable: {exception.Message}", permanent: false, exception);
        }
    }
}
