using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SchoolRisk.LocalHost;

// Standalone local host: point it at a running custom handler and a storage account.
//   dotnet run --project src/SchoolRisk.LocalHost -- --ScriptRoot . --HandlerUrl http://127.0.0.1:7071 --AzureWebJobsStorage "<connection string>"
var builder = Host.CreateApplicationBuilder(args);
var options = new LocalHostOptions
{
    ScriptRoot = builder.Configuration["ScriptRoot"] ?? RepositoryLayout.FindRoot(Directory.GetCurrentDirectory()),
    HandlerUrl = new Uri(builder.Configuration["HandlerUrl"] ?? "http://127.0.0.1:8080"),
    StorageConnectionString = builder.Configuration[LocalFunctionsHost.StorageConnection] ?? "UseDevelopmentStorage=true",
};
builder.Services.AddSingleton(options).AddSingleton(TimeProvider.System).AddHostedService<LocalFunctionsHost>();
await builder.Build().RunAsync();
