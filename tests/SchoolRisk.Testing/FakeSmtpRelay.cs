using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MailKit.Security;

namespace SchoolRisk.Testing;

/// <summary>
/// A mail relay on a free loopback port that speaks just enough SMTP for a client to reach the step under test: TLS on
/// connect or after <c>STARTTLS</c> with a self-signed certificate made at start (one no client trusts), or plain SMTP
/// that answers <c>RCPT TO</c> with <see cref="RecipientReply"/>. MailKit's <c>SmtpClient</c> cannot be a server, and
/// MailDev serves TLS only from certificate files, so the tests bring this one. Disposing it stops it.
/// </summary>
public sealed class FakeSmtpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate = SelfSigned("relay.schoolrisk.test");
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _handshakes;
    private int _accepted;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _recipients = new();

    private FakeSmtpRelay(SecureSocketOptions security, string recipientReply)
    {
        Security = security;
        RecipientReply = recipientReply;
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary><c>None</c> (plain SMTP), <c>StartTls</c> or <c>SslOnConnect</c>, as the app's <c>Notifications:SmtpSecurity</c> would name it.</summary>
    public SecureSocketOptions Security { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>What a plain relay answers every <c>RCPT TO</c>.</summary>
    public string RecipientReply { get; }

    /// <summary>TLS handshakes clients started (each one failed: nobody trusts the certificate).</summary>
    public int Handshakes => Volatile.Read(ref _handshakes);

    /// <summary>The addresses of every <c>RCPT TO</c>, as the client wrote them.</summary>
    public IReadOnlyList<string> Recipients => [.. _recipients];

    /// <summary>Letters a plain relay accepted (after <c>DATA</c>).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <param name="security">How the relay sets up TLS, if at all.</param>
    /// <param name="recipientReply">What a plain relay answers every <c>RCPT TO</c>, such as <c>550 5.1.1 …</c>.</param>
    public static FakeSmtpRelay Start(SecureSocketOptions security, string recipientReply = "250 OK") => new(security, recipientReply);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _certificate.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ConverseAsync(client));
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (Security == SecureSocketOptions.SslOnConnect)
                {
                    await HandshakeAsync(stream);
                    return;
                }

                var reader = new StreamReader(stream, Encoding.ASCII);
                await WriteAsync(stream, "220 relay.schoolrisk.test ESMTP");
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var command = line.Split(' ')[0].ToUpperInvariant();
                    switch (command)
                    {
                        case "EHLO" or "HELO":
                            await WriteAsync(stream, Security == SecureSocketOptions.StartTls ? "250-relay.schoolrisk.test\r\n250 STARTTLS" : "250 relay.schoolrisk.test");
                            break;
                        case "STARTTLS":
                            await WriteAsync(stream, "220 Ready to start TLS");
                            await HandshakeAsync(stream);
                            return;
                        case "RCPT":
                            _recipients.Enqueue(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                            await WriteAsync(stream, RecipientReply);
                            break;
                        case "DATA":
                            await WriteAsync(stream, "354 End data with <CR><LF>.<CR><LF>");
                            while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                            {
                            }

                            Interlocked.Increment(ref _accepted);
                            await WriteAsync(stream, "250 OK queued");
                            break;
                        case "QUIT":
                            await WriteAsync(stream, "221 Bye");
                            return;
                        default:
                            await WriteAsync(stream, "250 OK");
                            break;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
            {
                // The client gave up (it does not trust the certificate) or the relay is stopping.
            }
        }
    }

    private async Task HandshakeAsync(Stream stream)
    {
        Interlocked.Increment(ref _handshakes);
        await using var tls = new SslStream(stream, leaveInnerStreamOpen: true);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
    }

    private async Task WriteAsync(Stream stream, string reply) =>
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), _stop.Token);

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var subjectNames = new SubjectAlternativeNameBuilder();
        subjectNames.AddDnsName(name);
        subjectNames.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(subjectNames.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
