using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SchoolRisk.Functions.Hosting;

// The function app's composition root. Settings come from app settings (local.settings.json's Values, the local host's
// AppSettings, or Azure's app settings) and are validated before the first invocation; nothing touches storage until
// the host runs, when AppInitialization creates what is missing and seeds the rules, retried, and every invocation
// waits for it.
var builder = FunctionsApplication.CreateBuilder(args);

builder.AddAppOptions();
builder.AddStorage();
builder.AddApplication();
builder.AddMessageJson();
builder.AddTelemetry();
builder.AddInitialization();

await builder.Build().RunAsync();
