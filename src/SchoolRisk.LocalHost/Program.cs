using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SchoolRisk.LocalHost;

// Standalone local host against a storage account. It starts the handler named in host.json (or --HandlerExecutable),
// or uses one already running at --HandlerUrl:
//   dotnet run --project src/SchoolRisk.LocalHost -- --HandlerUrl http://127.0.0.1:7071 --AzureWebJobsStorage "<connection string>"
var builder = Host.CreateApplicationBuilder(args);
var options = new LocalHostOptions
{
    ScriptRoot = builder.Configuration["ScriptRoot"] ?? RepositoryLayout.FindRoot(Directory.GetCurrentDirectory()),
    HandlerUrl = builder.Configuration["HandlerUrl"] is { } url ? new Uri(url) : null,
    HandlerExecutable = builder.Configuration["HandlerExecutable"],
    StorageConnectionString = builder.Configuration[LocalFunctionsHost.StorageConnection] ?? "UseDevelopmentStorage=true",
    HttpPort = builder.Configuration.GetValue("HttpPort", 7071),
};
builder.Services.AddSingleton(options).AddSingleton(TimeProvider.System).AddHostedService<LocalFunctionsHost>();
await builder.Build().RunAsync();
