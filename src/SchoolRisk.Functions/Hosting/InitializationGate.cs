using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace SchoolRisk.Functions.Hosting;

/// <summary>
/// Worker middleware: an invocation waits until <see cref="AppInitialization"/> is done; if it failed, the invocation
/// fails with its reason (a queue message is then retried, as for any fault of the system).
/// </summary>
public sealed class InitializationGate(AppInitialization initialization) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc/>
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await initialization.Completion.WaitAsync(context.CancellationToken);
        await next(context);
    }
}
