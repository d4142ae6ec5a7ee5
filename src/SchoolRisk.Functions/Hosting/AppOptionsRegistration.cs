using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SchoolRisk.Application.Notices;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Functions.Hosting;

/// <summary>
/// The app's settings, bound from configuration and validated when the host starts (<c>ValidateOnStart</c>): a setting
/// that could only fail later stops the worker at once with the reason on standard error, which the Functions host logs.
/// </summary>
public static class AppOptionsRegistration
{
    /// <summary>
    /// Binds <c>Notifications</c> (<see cref="DeliveryOptions"/>, checked by <see cref="DeliveryOptionsValidation"/>; the page letters link defaults to the app's own host,
    /// <c>WEBSITE_HOSTNAME</c>, which Azure sets), <c>Uploads</c> (<see cref="UploadLimits"/>) and <c>Rules</c>
    /// (<see cref="RuleOptions"/>), and registers each bound value for the services that take it.
    /// </summary>
    public static IHostApplicationBuilder AddAppOptions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddOptions<DeliveryOptions>()
            .Bind(configuration.GetSection("Notifications"))
            .PostConfigure(options => options.SiteUrl ??= configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } host ? new Uri($"https://{host}/api/site/") : null)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidation>();
        builder.Services.AddOptions<UploadLimits>()
            .Bind(configuration.GetSection("Uploads"))
            .Validate(
                limits => limits is { MaxFileBytes: > 0, MaxRows: > 0, MaxUnpackedBytes: > 0, MaxCompressionRatio: > 0, MaxAttempts: > 0, MaxListedProblems: > 0 },
                "Every Uploads limit (MaxFileBytes, MaxRows, MaxUnpackedBytes, MaxCompressionRatio, MaxAttempts, MaxListedProblems) must be more than zero.")
            .ValidateOnStart();
        builder.Services.AddOptions<RuleOptions>()
            .Bind(configuration.GetSection("Rules"))
            .Validate(options => !string.IsNullOrWhiteSpace(options.Directory), "Rules:Directory must name the folder of the default rule files.")
            .Validate(options => options.CheckSeconds >= 0, "Rules:CheckSeconds must not be negative.")
            .ValidateOnStart();
        builder.Services
            .AddSingleton(services => services.GetRequiredService<IOptions<DeliveryOptions>>().Value)
            .AddSingleton(services => services.GetRequiredService<IOptions<UploadLimits>>().Value);
        return builder;
    }
}
