using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SchoolRisk.Application.Messaging;

namespace SchoolRisk.Functions.Hosting;

/// <summary>The JSON of queue messages, the same whoever writes them.</summary>
public static class MessagingRegistration
{
    /// <summary>
    /// Makes the worker read typed queue triggers and write typed queue outputs with <see cref="MessageJson.Options"/>, the
    /// JSON the CLI and the tests write the same messages with (<c>WorkerOptions.Serializer</c>).
    /// </summary>
    public static IHostApplicationBuilder AddMessageJson(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(MessageJson.Options));
        return builder;
    }
}
