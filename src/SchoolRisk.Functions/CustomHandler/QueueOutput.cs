using SchoolRisk.Application.Messaging;

namespace SchoolRisk.Functions.CustomHandler;

/// <summary>
/// Queue output bindings of an invocation's answer: each message as its text in <see cref="MessageJson"/>, the one JSON
/// of every queue message; a list is one message per element. An absent message is no output.
/// </summary>
public static class QueueOutput
{
    /// <summary>Adds <paramref name="message"/> to <paramref name="outputs"/> as binding <paramref name="binding"/>, unless it is <c>null</c>.</summary>
    public static Dictionary<string, object?> With<T>(this Dictionary<string, object?> outputs, string binding, T? message)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (message is not null)
        {
            outputs[binding] = MessageJson.Serialize(message);
        }

        return outputs;
    }

    /// <summary>Adds <paramref name="messages"/> to <paramref name="outputs"/> as binding <paramref name="binding"/>, one message each, unless there are none.</summary>
    public static Dictionary<string, object?> WithEach<T>(this Dictionary<string, object?> outputs, string binding, IReadOnlyList<T> messages)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count > 0)
        {
            outputs[binding] = messages.Select(MessageJson.Serialize).ToList();
        }

        return outputs;
    }
}
