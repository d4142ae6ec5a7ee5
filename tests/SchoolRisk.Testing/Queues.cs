using System.Text;
using Azure.Storage.Queues;

namespace SchoolRisk.Testing;

/// <summary>Queue messages as the tests write and read them, in either <c>messageEncoding</c>.</summary>
public static class Queues
{
    public static string Encode(string text, bool base64) => base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;

    public static string Decode(string text, bool base64) => base64 ? Encoding.UTF8.GetString(Convert.FromBase64String(text)) : text;

    /// <summary>Waits until <paramref name="queue"/> holds <paramref name="count"/> messages (peeked, decoded), and returns their texts.</summary>
    public static async Task<IReadOnlyList<string>> WaitForAsync(QueueClient queue, int count, bool base64 = true, TimeSpan? deadline = null)
    {
        var messages = await Poll.UntilAsync(
            async () => (await queue.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value,
            found => found.Length >= count, $"{count} messages on {queue.Name}", deadline);
        return [.. messages.Select(message => Decode(message.MessageText, base64))];
    }
}
