using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SchoolRisk.LocalHost;

// Standalone local host for an isolated-worker function app's build or publish output, against a storage account:
//   dotnet run --project src/SchoolRisk.LocalHost -- --ScriptRoot src/SchoolRisk.Functions/bin/Debug/net10.0 --AzureWebJobsStorage "<connection string>"
// Every other configuration value under "Values" (--Values:Name value) is an app setting of the function app.
var builder = Host.CreateApplicationBuilder(args);
var options = new LocalHostOptions
{
    ScriptRoot = builder.Configuration["ScriptRoot"]
        ?? throw new InvalidOperationException("--ScriptRoot <folder> is required: the function app's build or publish output (host.json, worker.config.json)."),
    StorageConnectionString = builder.Configuration[LocalFunctionsHost.StorageConnection] ?? "UseDevelopmentStorage=true",
    HttpPort = builder.Configuration.GetValue("HttpPort", 7071),
};
foreach (var setting in builder.Configuration.GetSection("Values").AsEnumerable(makePathsRelative: true).Where(setting => setting.Value is not null))
{
    options.AppSettings[setting.Key.Replace(":", "__", StringComparison.Ordinal)] = setting.Value!;
}

builder.Services.AddSingleton(options).AddSingleton(TimeProvider.System).AddHostedService<LocalFunctionsHost>();
await builder.Build().RunAsync();
