using System.Net.Mail;
using System.Runtime.CompilerServices;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Notices.Recipients;

/// <summary>
/// Who receives notices: a CSV kept by the committee with the columns <c>recipient_id, name, email, webhook_url,
/// webhook_secret</c>, one address a row (a recipient may have several rows). <c>recipient_id</c> is a municipality's
/// id or <c>committee</c>. A malformed row is refused with its file, row and column named, so a bad edit never
/// silently drops an address.
/// </summary>
public sealed class RecipientDirectory
{
    public const string Committee = "committee";

    private static readonly string[] Columns = ["recipient_id", "name", "email", "webhook_url", "webhook_secret"];

    private readonly ILookup<string, Recipient> _recipients;

    public RecipientDirectory(IEnumerable<Recipient> recipients) =>
        _recipients = recipients.ToLookup(recipient => recipient.RecipientId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The addresses of a municipality, or of the committee.</summary>
    public IReadOnlyList<Recipient> For(string recipientId) => [.. _recipients[recipientId]];

    /// <summary>The name a recipient goes by (its first row's), or <paramref name="recipientId"/> when it has none.</summary>
    public string NameOf(string recipientId) => _recipients[recipientId].Select(recipient => recipient.Name).FirstOrDefault(name => name.Length > 0) ?? recipientId;

    public static async Task<RecipientDirectory> ReadCsvAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        new(await ReadRecipientsAsync(content, fileName, cancellationToken).ToListAsync(cancellationToken));

    private static async IAsyncEnumerable<Recipient> ReadRecipientsAsync(Stream content, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int[]? index = null;
        await foreach (var row in CsvTable.ReadAsync(content, fileName, cancellationToken))
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (index is null)
            {
                index = row.IndexesOf(Columns, column => $"Справочник адресатов «{fileName}»: нет столбца «{column}».");
                continue;
            }

            string? Cell(int column) => row.Cell(index[column])?.Trim() is { Length: > 0 } text ? text : null;
            string Where(int column) => $"Справочник адресатов «{fileName}», строка {row.Number}, столбец «{Columns[column]}»";
            var id = Cell(0) ?? throw new UploadRejectedException($"{Where(0)}: не указан адресат (код муниципалитета или committee).");
            var email = Cell(2);
            if (email is not null && !MailAddress.TryCreate(email, out _))
            {
                throw new UploadRejectedException($"{Where(2)}: «{email}» не является адресом электронной почты.");
            }

            Uri? webhook = null;
            if (Cell(3) is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out webhook) || webhook.Scheme is not ("https" or "http")))
            {
                throw new UploadRejectedException($"{Where(3)}: «{url}» не является адресом http(s).");
            }

            var secret = Cell(4);
            if (webhook is not null && secret is null)
            {
                throw new UploadRejectedException($"{Where(4)}: для веб-хука нужен ключ подписи.");
            }

            if (email is null && webhook is null)
            {
                throw new UploadRejectedException($"{Where(2)}: нет ни адреса почты, ни веб-хука.");
            }

            yield return new Recipient(id, Cell(1) ?? string.Empty, email, webhook, secret);
        }
    }
}
