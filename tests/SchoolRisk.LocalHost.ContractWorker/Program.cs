using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The worker sends its ILogger lines to the host over gRPC (message, level, category, invocation id), but neither their
// state nor their scopes (src/DotNetWorker.Grpc/GrpcFunctionsHostLogWriter.cs). Lines that must keep their fields are
// also written to stdout as JSON, with scopes, as the product's app does; the host reads them there.
var builder = FunctionsApplication.CreateBuilder(args);
builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
await builder.Build().RunAsync();
