using System.Text;
using MimeKit;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Tests.Notices;

/// <summary>Every address is checked by MimeKit, the parser that sends; a bad row is refused and named, the other rows keep working.</summary>
public sealed class RecipientDirectoryTests
{
    private const string Cases = "2026-11-29";
    private const string Header = "recipient_id,name,email,webhook_url,webhook_secret\n";

    [Fact]
    public async Task Read_RowsByRecipient_SeveralAddressesEach_AndNamesByFirstRow()
    {
        var directory = await ReadAsync(Header
            + "gatchinsky,Гатчинский район,gatchinsky@edu.example.ru,,\n"
            + "gatchinsky,,,https://gatchina.example.ru/hooks/risk,s3cret\n"
            + "committee,Комитет,monitoring@edu.example.ru,,\n");

        Assert.Equal(["gatchinsky@edu.example.ru", null], directory.For("gatchinsky").Select(r => r.Email));
        Assert.Equal(new Uri("https://gatchina.example.ru/hooks/risk"), directory.For("gatchinsky")[1].WebhookUrl);
        Assert.Equal("Гатчинский район", directory.NameOf("gatchinsky"));
        Assert.Equal("kirovsky", directory.NameOf("kirovsky"));
        Assert.Empty(directory.For("kirovsky"));
        Assert.Single(directory.For(RecipientDirectory.Committee));
        Assert.Equal((3, 3, 0), (directory.Check.DataRows, directory.Check.ValidRows, directory.Check.ProblemCount));
    }

    [Fact]
    public async Task RecipientsCase_BothRowsAreRead()
    {
        var directory = await ReadCaseAsync("recipients.csv");

        Assert.Equal("gatchinsky@edu.example.ru", Assert.Single(directory.For("gatchinsky")).Email);
        Assert.Equal("monitoring@edu.example.ru", Assert.Single(directory.For(RecipientDirectory.Committee)).Email);
        Assert.Empty(directory.Check.Problems);
    }

    [Fact]
    public async Task DisplayNameCase_TheDisplayNameRowIsAMailbox_EveryAddressIsARecipientTheSenderParses()
    {
        var directory = await ReadCaseAsync("recipients-display-name-email.csv");

        Assert.Empty(directory.Check.Problems);
        Assert.Equal(["a.petrova@edu.example.ru", "gatchinsky@edu.example.ru"], directory.For("gatchinsky").Select(r => Mailbox(r.Email).Address));
        Assert.Equal(["Петрова Анна", ""], directory.For("gatchinsky").Select(r => Mailbox(r.Email).Name));
        Assert.Equal("monitoring@edu.example.ru", Mailbox(Assert.Single(directory.For(RecipientDirectory.Committee)).Email).Address);
    }

    [Theory]
    [InlineData("a@edu.example.ru; b@edu.example.ru")]
    [InlineData("a@edu.example.ru, b@edu.example.ru")]
    [InlineData("Петрова Анна <a@edu.example.ru>; \"Иванов; Иван\" <b@edu.example.ru>;")]
    public async Task TwoAddressesInOneCell_AreTwoRecipients_TheWebhookGoesOnce(string cell)
    {
        var directory = await ReadAsync(Header + $"gatchinsky,Гатчинский район,\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\",https://x.example.ru/hook,k\n");

        var recipients = directory.For("gatchinsky");
        Assert.Equal(["a@edu.example.ru", "b@edu.example.ru"], recipients.Select(r => Mailbox(r.Email).Address));
        Assert.Equal([new Uri("https://x.example.ru/hook"), null], recipients.Select(r => r.WebhookUrl));
        Assert.Equal((1, 1), (directory.Check.DataRows, directory.Check.ValidRows));
    }

    [Theory]
    [InlineData("gatchinsky,Г,not-an-address,,", "email", "в адресе «not-an-address» нет домена")]
    [InlineData("gatchinsky,Г,Петрова Анна a.petrova@,,", "email", "«Петрова Анна a.petrova@» не является адресом электронной почты")]
    [InlineData("gatchinsky,Г,a@edu.example.ru; b@,,", "email", "«b@» не является адресом электронной почты")]
    [InlineData("gatchinsky,Г,a@localhost,,", "email", "в адресе «a@localhost» нет домена")]
    [InlineData("gatchinsky,Г,\"list: a@x.ru, b@y.ru;\",,", "email", "группа адресов")]
    [InlineData("gatchinsky,Г,,ftp://x.ru/,k", "webhook_url", "«ftp://x.ru/» не является адресом http(s)")]
    [InlineData("gatchinsky,Г,,https://x.ru/hook,", "webhook_secret", "для веб-хука нужен ключ подписи")]
    [InlineData("gatchinsky,Г,,,", "email", "нет ни адреса почты, ни веб-хука")]
    [InlineData(",Г,a@b.ru,,", "recipient_id", "не указан адресат")]
    [InlineData("gatchinsky/1,Г,a@b.ru,,", "recipient_id", "«gatchinsky/1» не является кодом муниципалитета")]
    [InlineData("Гатчинский,Г,a@b.ru,,", "recipient_id", "«Гатчинский» не является кодом муниципалитета")]
    public async Task ABadRow_IsRefusedNamingFileRowAndColumn_TheOtherRowsAreKept(string row, string column, string expected)
    {
        var directory = await ReadAsync(Header + row + "\ncommittee,Комитет,monitoring@edu.example.ru,,\n");

        Assert.Equal("monitoring@edu.example.ru", Assert.Single(directory.For(RecipientDirectory.Committee)).Email);
        Assert.Empty(directory.For("gatchinsky"));
        var problem = Assert.Single(directory.Check.Problems);
        Assert.Equal((2, column), (problem.Row, problem.Column));
        Assert.StartsWith($"Справочник адресатов «recipients.csv», строка 2, столбец «{column}»: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingColumn_MakesTheFileUnusable_NamingIt() =>
        Assert.Contains(
            "нет столбца «webhook_secret»",
            (await Assert.ThrowsAsync<FileRejectedException>(() => ReadAsync("recipient_id,name,email,webhook_url\n"))).Message,
            StringComparison.Ordinal);

    /// <summary>The contract with the sender: every <see cref="Recipient.Email"/> is one mailbox that MimeKit parses.</summary>
    private static MailboxAddress Mailbox(string? email)
    {
        Assert.True(MailboxAddress.TryParse(ParserOptions.Default, email, out var mailbox), $"'{email}' is not one mailbox");
        return mailbox;
    }

    private static async Task<RecipientDirectory> ReadCaseAsync(string name)
    {
        await using var content = CaseFiles.Open(Cases, name);
        return await RecipientDirectory.ReadCsvAsync(content, name, TestContext.Current.CancellationToken);
    }

    private static async Task<RecipientDirectory> ReadAsync(string csv)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await RecipientDirectory.ReadCsvAsync(content, "recipients.csv", TestContext.Current.CancellationToken);
    }
}
