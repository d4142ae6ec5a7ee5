using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SchoolRisk.Domain.Notices.Deliveries;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// Letters over SMTP with MailKit: HTML with a plain-text alternative. The Message-ID is derived from the delivery's
/// dedupe key, so in the one case a letter can go twice (the process dies after the server accepted it and before the
/// delivery was recorded) the copy has the same Message-ID and mail clients show one letter.
/// The address is the recipient's <c>email</c> cell parsed by MimeKit exactly as the recipients directory checks it (one
/// mailbox, a display name allowed; the row's name is used when the cell has none). Every failure is a
/// <see cref="DeliveryFailedException"/> with a reason in Russian for whoever fixes it. Permanent: an address the parser
/// refuses, a relay certificate the app does not trust or TLS that cannot be set up, credentials refused, any 5xx reply.
/// Transient: the relay unreachable, the connection dropped or timed out (the handshake's too), a 4xx reply, a broken
/// SMTP conversation.
/// </summary>
public sealed class MailSender(DeliveryOptions options) : IDeliverySender
{
    /// <inheritdoc/>
    public DeliveryChannel Channel => DeliveryChannel.Email;

    private string Relay => $"{options.SmtpHost}:{options.SmtpPort}";

    /// <inheritdoc/>
    public async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = Compose(delivery);
        string? certificateProblem = null;
        using var client = new SmtpClient
        {
            Timeout = (int)options.Timeout.TotalMilliseconds,
            ServerCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                certificateProblem = errors == SslPolicyErrors.None ? null : CertificateProblem(certificate, chain, errors);
                return errors == SslPolicyErrors.None;
            },
        };
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
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Classify(exception, delivery, certificateProblem);
        }
    }

    private MimeMessage Compose(Delivery delivery)
    {
        if (!MailboxAddress.TryParse(ParserOptions.Default, options.From, out var from))
        {
            throw new DeliveryFailedException(
                $"адрес отправителя «{options.From}» (настройка Notifications:From) не читается как адрес электронной почты; исправьте настройку.", permanent: true);
        }

        if (!MailboxAddress.TryParse(ParserOptions.Default, delivery.Address, out var to))
        {
            throw new DeliveryFailedException(
                $"адрес «{delivery.Address}» не читается как один адрес электронной почты; исправьте столбец email адресата «{delivery.Recipient.RecipientId}» " +
                "в справочнике адресатов (registry/recipients.csv).", permanent: true);
        }

        if (string.IsNullOrEmpty(to.Name))
        {
            to.Name = delivery.Recipient.Name;
        }

        var message = new MimeMessage { Subject = delivery.Letter.Subject, MessageId = $"{delivery.DeliveryId}@schoolrisk" };
        message.From.Add(from);
        message.To.Add(to);
        message.Headers.Add("X-SchoolRisk-Notice", delivery.NoticeId);
        message.Body = new BodyBuilder { HtmlBody = delivery.Letter.Html, TextBody = delivery.Letter.Text }.ToMessageBody();
        return message;
    }

    private DeliveryFailedException Classify(Exception exception, Delivery delivery, string? certificateProblem) => exception switch
    {
        SslHandshakeException when certificateProblem is not null => new(
            $"почтовый сервер {Relay} предъявил сертификат, которому приложение не доверяет: {certificateProblem}. Письма не отправляются. " +
            "Проверьте Notifications:SmtpHost (имя должно совпадать с именем в сертификате) и сертификат сервера (выдан доверенным центром, не просрочен).",
            permanent: true, exception),
        SslHandshakeException when !CausedBy<SocketException>(exception) => new(
            $"не удалось установить защищённое соединение (TLS) с почтовым сервером {Relay}: {exception.Message} " +
            "Проверьте Notifications:SmtpSecurity и Notifications:SmtpPort (обычно StartTls — порт 587, SslOnConnect — порт 465).",
            permanent: true, exception),
        SmtpCommandException { StatusCode: var status } command when (int)status >= 500 => new(Refused(command, delivery), permanent: true, exception),
        SmtpCommandException command => new(
            $"почтовый сервер {Relay} временно отказал: {(int)command.StatusCode} {command.Message}", permanent: false, exception),
        MailKit.Security.AuthenticationException => new(
            $"почтовый сервер {Relay} не принял учётные данные пользователя «{options.SmtpUser}»: {exception.Message} " +
            "Проверьте Notifications:SmtpUser и Notifications:SmtpPassword.",
            permanent: true, exception),
        ServiceNotAuthenticatedException => new(
            $"почтовый сервер {Relay} принимает письма только после входа: {exception.Message} Задайте Notifications:SmtpUser и Notifications:SmtpPassword.",
            permanent: true, exception),
        NotSupportedException => new(
            $"почтовый сервер {Relay} не поддерживает то, что требуется для отправки: {exception.Message} Проверьте настройки Notifications:Smtp*.",
            permanent: true, exception),
        SocketException or IOException or TimeoutException or OperationCanceledException or SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException => new(
            $"почтовый сервер {Relay} недоступен или оборвал соединение: {exception.Message}", permanent: false, exception),
        _ => new($"непредвиденная ошибка при отправке письма через {Relay} ({exception.GetType().Name}): {exception.Message}", permanent: false, exception),
    };

    private string Refused(SmtpCommandException command, Delivery delivery) => command.ErrorCode switch
    {
        SmtpErrorCode.RecipientNotAccepted => $"почтовый сервер {Relay} не принял адрес «{command.Mailbox?.Address ?? delivery.Address}»: " +
            $"{(int)command.StatusCode} {command.Message} Исправьте адрес адресата «{delivery.Recipient.RecipientId}» в справочнике адресатов (registry/recipients.csv).",
        SmtpErrorCode.SenderNotAccepted => $"почтовый сервер {Relay} не принял адрес отправителя «{command.Mailbox?.Address ?? options.From}»: " +
            $"{(int)command.StatusCode} {command.Message} Исправьте Notifications:From или разрешите этот адрес на сервере.",
        _ => $"почтовый сервер {Relay} отказал в отправке: {(int)command.StatusCode} {command.Message}",
    };

    /// <summary>What is wrong with the relay's certificate, in Russian: which check failed, whose certificate, until when.</summary>
    private static string CertificateProblem(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var problems = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            problems.Add("сервер не предъявил сертификат");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problems.Add("сертификат выдан на другое имя сервера");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var statuses = chain?.ChainStatus.Select(status => status.Status).Distinct().ToList() ?? [];
            problems.Add(statuses.Contains(X509ChainStatusFlags.UntrustedRoot) || statuses.Contains(X509ChainStatusFlags.PartialChain)
                ? "сертификат не выдан доверенным центром сертификации (например, самоподписанный)"
                : statuses.Contains(X509ChainStatusFlags.NotTimeValid) ? "срок действия сертификата истёк или не наступил"
                : statuses.Contains(X509ChainStatusFlags.Revoked) ? "сертификат отозван"
                : $"цепочка сертификата не проверена ({string.Join(", ", statuses)})");
        }

        return certificate switch
        {
            X509Certificate2 full => $"{string.Join("; ", problems)} (сертификат «{full.Subject}», выдан «{full.Issuer}», действует до {full.NotAfter:yyyy-MM-dd})",
            { } some => $"{string.Join("; ", problems)} (сертификат «{some.Subject}», выдан «{some.Issuer}»)",
            null => string.Join("; ", problems),
        };
    }

    private static bool CausedBy<T>(Exception exception)
        where T : Exception
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is T)
            {
                return true;
            }
        }

        return false;
    }
}
