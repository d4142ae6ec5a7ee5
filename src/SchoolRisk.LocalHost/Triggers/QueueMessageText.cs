using System.Text;

namespace SchoolRisk.LocalHost.Triggers;

/// <summary>Message text on the wire, per <c>extensions.queues.messageEncoding</c>: Base64 of UTF-8, or the text as is (<c>none</c>).</summary>
internal static class QueueMessageText
{
    public static string Encode(string text, bool base64) => base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;

    public static string Decode(string wire, bool base64) => base64 ? Encoding.UTF8.GetString(Convert.FromBase64String(wire)) : wire;
}
