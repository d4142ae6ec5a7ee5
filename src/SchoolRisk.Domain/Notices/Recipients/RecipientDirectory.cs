using MimeKit;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Registry;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Notices.Recipients;

/// <summary>
/// Who receives notices: a CSV kept by the committee with the columns <c>recipient_id, name, email, webhook_url,
/// webhook_secret</c>, one row per address or webhook (a recipient may have several rows). <c>recipient_id</c> is a
/// municipality's id or <c>committee</c>. The <c>email</c> cell is read by MimeKit, the parser that sends the letters:
/// an address, an address with a display name (<c>Петрова Анна &lt;a.petrova@edu.example.ru&gt;</c>), or several of
/// them separated by <c>,</c> or <c>;</c>, each becoming its own <see cref="Recipient"/>. Rows are checked one by one: a
/// row with a problem is refused and named in <see cref="Check"/> (file, row, column, value); the others are used.
/// </summary>
public sealed class RecipientDirectory : ICommitteeFile
{
    public const string Committee = "committee";

    /// <summary><see cref="Committee"/> as an id of the shape of a municipality's, for keys and notices shared with municipalities.</summary>
    public static MunicipalityId CommitteeId { get; } = MunicipalityId.Parse(Committee);

    /// <summary>What the committee calls this file in messages.</summary>
    public const string Title = "Справочник адресатов";

    private static readonly string[] Columns = ["recipient_id", "name", "email", "webhook_url", "webhook_secret"];

    private readonly ILookup<string, Recipient> _recipients;

    /// <summary>A directory of recipients given by code (tests, tools).</summary>
    public RecipientDirectory(IEnumerable<Recipient> recipients)
        : this([.. recipients], null)
    {
    }

    private RecipientDirectory(IReadOnlyCollection<Recipient> recipients, FileCheck? check)
    {
        _recipients = recipients.ToLookup(recipient => recipient.RecipientId, StringComparer.OrdinalIgnoreCase);
        Check = check ?? FileCheck.AllValid(Title, recipients.Count);
    }

    public FileCheck Check { get; }

    /// <summary>The addresses of a municipality, or of the committee.</summary>
    public IReadOnlyList<Recipient> For(string recipientId) => [.. _recipients[recipientId]];

    /// <summary>The name a recipient goes by (its first row's), or <paramref name="recipientId"/> when it has none.</summary>
    public string NameOf(string recipientId) => _recipients[recipientId].Select(recipient => recipient.Name).FirstOrDefault(name => name.Length > 0) ?? recipientId;

    /// <summary>
    /// Reads and checks a recipients CSV. Never throws on a row's problem; throws <see cref="FileRejectedException"/>
    /// when the file cannot be read at all (not CSV, empty, a column missing), with a Russian message naming the file.
    /// </summary>
    public static async Task<RecipientDirectory> ReadCsvAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var log = new FileCheckLog(Title, fileName);
        var recipients = new List<Recipient>();
        var validRows = 0;
        await foreach (var (row, cells) in log.RowsAsync(content, Columns, cancellationToken))
        {
            if (Read(row, cells, log) is { } read)
            {
                recipients.AddRange(read);
                validRows++;
            }
        }

        return new RecipientDirectory(recipients, log.Build(validRows));
    }

    /// <summary>
    /// The mailboxes of an <c>email</c> cell, each as text that <see cref="MailboxAddress.TryParse(ParserOptions, string, out MailboxAddress)"/>
    /// reads back (with its display name when the cell gave one), or a Russian reason why the cell is not a list of
    /// addresses. An address needs a domain with a dot: <c>gatchinsky</c> alone or <c>a@x</c> is a mistake, not a mailbox.
    /// </summary>
    private static List<string> Mailboxes(string cell, out string? problem)
    {
        var mailboxes = new List<string>();
        foreach (var part in SplitAtSemicolons(cell).Where(part => part.Trim().Length > 0))
        {
            if (!InternetAddressList.TryParse(ParserOptions.Default, part, out var addresses) || addresses.Count == 0)
            {
                problem = $"«{part.Trim()}» не является адресом электронной почты (пример: gatchinsky@edu.example.ru или Петрова Анна <a.petrova@edu.example.ru>).";
                return [];
            }

            foreach (var address in addresses)
            {
                if (address is not MailboxAddress mailbox)
                {
                    problem = $"«{address}» — группа адресов; укажите адреса через запятую.";
                    return [];
                }

                if (!mailbox.Domain.Contains('.', StringComparison.Ordinal) || mailbox.Domain.StartsWith('['))
                {
                    problem = $"в адресе «{mailbox.Address}» нет домена вида edu.example.ru (пример: gatchinsky@edu.example.ru).";
                    return [];
                }

                mailboxes.Add(mailbox.ToString());
            }
        }

        problem = mailboxes.Count > 0 || cell.Trim().Length == 0 ? null : $"«{cell}» не является адресом электронной почты.";
        return mailboxes;
    }

    /// <summary>One row's recipients (one per mailbox; the webhook with the first), or <c>null</c> when the row is refused.</summary>
    private static List<Recipient>? Read(TableRow row, string[] cells, FileCheckLog log)
    {
        var problems = 0;
        void Refuse(int column, string problem)
        {
            problems++;
            log.Refuse(row, Columns[column], cells[column].Length > 0 ? cells[column] : null, problem);
        }

        var id = cells[0].ToLowerInvariant();
        if (id != Committee && !MunicipalityId.TryParse(id, out _))
        {
            Refuse(0, cells[0].Length == 0
                ? "не указан адресат (код муниципалитета или committee)."
                : $"«{cells[0]}» не является кодом муниципалитета (латинские строчные буквы, цифры и дефис, например gatchinsky) или {Committee}.");
        }

        var mailboxes = Mailboxes(cells[2], out var mailProblem);
        if (mailProblem is not null)
        {
            Refuse(2, mailProblem);
        }

        Uri? webhook = null;
        if (cells[3].Length > 0 && (!Uri.TryCreate(cells[3], UriKind.Absolute, out webhook) || webhook.Scheme is not ("https" or "http")))
        {
            Refuse(3, $"«{cells[3]}» не является адресом http(s).");
        }

        var secret = cells[4].Length > 0 ? cells[4] : null;
        if (cells[3].Length > 0 && secret is null)
        {
            Refuse(4, "для веб-хука нужен ключ подписи.");
        }

        if (cells[2].Length == 0 && cells[3].Length == 0)
        {
            Refuse(2, "нет ни адреса почты, ни веб-хука.");
        }

        if (problems > 0)
        {
            return null;
        }

        var name = cells[1];
        return mailboxes.Count == 0
            ? [new Recipient(id, name, null, webhook, secret)]
            : [.. mailboxes.Select((mailbox, index) => index == 0 ? new Recipient(id, name, mailbox, webhook, secret) : new Recipient(id, name, mailbox, null, null))];
    }

    /// <summary>The cell split at the semicolons between addresses (not those inside quotes, angle brackets or comments): Outlook's separator, which RFC 5322 lists do not have.</summary>
    private static IEnumerable<string> SplitAtSemicolons(string cell)
    {
        var (start, quoted, angle, comment) = (0, false, 0, 0);
        for (var i = 0; i < cell.Length; i++)
        {
            switch (cell[i])
            {
                case '\\' when quoted || comment > 0:
                    i++;
                    break;
                case '"' when comment == 0:
                    quoted = !quoted;
                    break;
                case '<' when !quoted && comment == 0:
                    angle++;
                    break;
                case '>' when !quoted && comment == 0 && angle > 0:
                    angle--;
                    break;
                case '(' when !quoted:
                    comment++;
                    break;
                case ')' when !quoted && comment > 0:
                    comment--;
                    break;
                case ';' when !quoted && angle == 0 && comment == 0:
                    yield return cell[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return cell[start..];
    }
}
