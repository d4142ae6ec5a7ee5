using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace SchoolRisk.Functions.Hosting;

/// <summary>
/// Where the app's logs go besides the worker's own channel to the Functions host (every <c>ILogger</c> line reaches the
/// host over gRPC with its message, level and category, but without its state or scopes:
/// <c>src/DotNetWorker.Grpc/GrpcFunctionsHostLogWriter.cs</c> in Azure/azure-functions-dotnet-worker). The decision fields
/// each workflow puts in its log scope (<c>UploadId</c>, <c>MunicipalityId</c>, <c>Period</c>, <c>RuleSetVersion</c>,
/// <c>NoticeId</c>) must survive, so:
/// <list type="bullet">
/// <item>in Azure (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set), OpenTelemetry with the worker's defaults
/// (<c>Microsoft.Azure.Functions.Worker.OpenTelemetry</c>) exports traces and logs, scopes as attributes, to Application
/// Insights, authenticating with the app's managed identity when <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> is
/// <c>Authorization=AAD</c>; <c>host.json</c>'s <c>telemetryMode</c> makes the host export the same way;</item>
/// <item>elsewhere (locally) every line is also written to standard output as one JSON object with its scopes, which the
/// Functions host forwards and the local host reads field by field.</item>
/// </list>
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>Adds the exporter or the JSON console as described on the class.</summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The Azure SDK's own event-source lines (forwarded by Microsoft.Extensions.Azure: every request, and a 404 or 409
        // that CreateIfNotExists expects) only when they are errors; the workflows log their own decisions and failures.
        builder.Logging.AddFilter("Azure", LogLevel.Error);
        if (builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 })
        {
            var entra = builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] is { } authentication
                && authentication.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase);
            builder.Services.AddOpenTelemetry()
                .UseFunctionsWorkerDefaults()
                .UseAzureMonitorExporter(options => options.Credential = entra ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned) : null);
            builder.Services.Configure<OpenTelemetryLoggerOptions>(options => options.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return builder;
    }
}
