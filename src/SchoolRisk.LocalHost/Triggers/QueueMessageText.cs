using System.Text;

namespace SchoolRisk.LocalHost.Triggers;

/// <summary>Message content on the wire, per <c>extensions.queues.messageEncoding</c>: Base64 of the bytes, or the UTF-8 text as is (<c>none</c>).</summary>
internal static class QueueMessageText
{
    public static string Encode(byte[] content, bool base64) => base64 ? Convert.ToBase64String(content) : Encoding.UTF8.GetString(content);

    /// <exception cref="FormatException">Base64 is expected and the text is not Base64.</exception>
    public static byte[] Decode(string wire, bool base64) => base64 ? Convert.FromBase64String(wire) : Encoding.UTF8.GetBytes(wire);
}
