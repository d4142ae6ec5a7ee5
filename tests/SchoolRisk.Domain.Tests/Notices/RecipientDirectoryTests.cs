using System.Text;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Tests.Notices;

public sealed class RecipientDirectoryTests
{
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
    }

    [Theory]
    [InlineData("gatchinsky,Г,not-an-address,,\n", "строка 2, столбец «email»: «not-an-address» не является адресом")]
    [InlineData("gatchinsky,Г,,ftp://x.ru/,k\n", "строка 2, столбец «webhook_url»")]
    [InlineData("gatchinsky,Г,,https://x.ru/hook,\n", "строка 2, столбец «webhook_secret»: для веб-хука нужен ключ подписи")]
    [InlineData("gatchinsky,Г,,,\n", "строка 2, столбец «email»: нет ни адреса почты, ни веб-хука")]
    [InlineData(",Г,a@b.ru,,\n", "строка 2, столбец «recipient_id»")]
    public async Task Read_ABadRow_IsRefusedNamingFileRowAndColumn(string row, string expected)
    {
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => ReadAsync(Header + row));

        Assert.Contains("«recipients.csv»", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_AMissingColumn_IsRefusedNamingIt() =>
        Assert.Contains("нет столбца «webhook_secret»", (await Assert.ThrowsAsync<UploadRejectedException>(() => ReadAsync("recipient_id,name,email,webhook_url\n"))).Message, StringComparison.Ordinal);

    private static async Task<RecipientDirectory> ReadAsync(string csv)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await RecipientDirectory.ReadCsvAsync(content, "recipients.csv", TestContext.Current.CancellationToken);
    }
}
