using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SchoolRisk.Functions.Hosting;

/// <summary>The start-up step and the gate every invocation passes.</summary>
public static class InitializationRegistration
{
    /// <summary>Registers <see cref="AppInitialization"/> as a hosted service and <see cref="InitializationGate"/> as middleware.</summary>
    public static FunctionsApplicationBuilder AddInitialization(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<AppInitialization>().AddHostedService(services => services.GetRequiredService<AppInitialization>());
        builder.UseMiddleware<InitializationGate>();
        return builder;
    }
}
