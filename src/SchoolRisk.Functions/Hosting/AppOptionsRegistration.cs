using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SchoolRisk.Application.Notices;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Storage.ServiceBus;

namespace SchoolRisk.Functions.Hosting;

/// <summary>
/// The app's settings, bound from configuration and validated when the host starts (<c>ValidateOnStart</c>): a setting
/// that could only fail later stops the worker at once with the reason on standard error, which the Functions host logs.
/// </summary>
public static class AppOptionsRegistration
{
    /// <summary>
    /// Binds <c>Notifications</c> (<see cref="DeliveryOptions"/>, checked by <see cref="DeliveryOptionsValidation"/>; the page letters link defaults to the app's own host,
    /// <c>WEBSITE_HOSTNAME</c>, which Azure sets), <c>NoticeTopic</c> (<see cref="NoticeTopicOptions"/>, used when a
    /// Service Bus connection is configured), <c>Uploads</c> (<see cref="UploadLimits"/>) and <c>Rules</c>
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
            .Validate(limits => limits.MaxFileBytes > 0, "Uploads:MaxFileBytes must be more than zero.")
            .Validate(limits => limits.MaxRows > 0, "Uploads:MaxRows must be more than zero.")
            .Validate(limits => limits.MaxUnpackedBytes > 0, "Uploads:MaxUnpackedBytes must be more than zero.")
            .Validate(limits => limits.MaxCompressionRatio > 0, "Uploads:MaxCompressionRatio must be more than zero.")
            .Validate(limits => limits.MaxAttempts > 0, "Uploads:MaxAttempts must be more than zero.")
            .Validate(limits => limits.MaxListedProblems > 0, "Uploads:MaxListedProblems must be more than zero.")
            .ValidateOnStart();
        builder.Services.AddOptions<RuleOptions>()
            .Bind(configuration.GetSection("Rules"))
            .Validate(
                options => !string.IsNullOrWhiteSpace(options.Directory) && System.IO.Directory.Exists(options.FullPath),
                "Rules:Directory must name an existing folder of the default rule files (a relative one from the app's folder).")
            .Validate(options => options.CheckSeconds >= 0, "Rules:CheckSeconds must not be negative.")
            .ValidateOnStart();
        builder.Services.AddOptions<NoticeTopicOptions>()
            .Bind(configuration.GetSection("NoticeTopic"))
            .Validate(options => !string.IsNullOrWhiteSpace(options.Topic), "NoticeTopic:Topic must name the Service Bus topic of notices.")
            .Validate(
                options => options.LockDuration >= TimeSpan.FromSeconds(5) && options.LockDuration <= TimeSpan.FromMinutes(5),
                "NoticeTopic:LockDuration must be from 00:00:05 to 00:05:00 (the range Service Bus allows).")
            .Validate(options => options.MaxDeliveryCount >= 1, "NoticeTopic:MaxDeliveryCount must be at least 1.")
            .ValidateOnStart();
        builder.Services
            .AddSingleton(services => services.GetRequiredService<IOptions<DeliveryOptions>>().Value)
            .AddSingleton(services => services.GetRequiredService<IOptions<UploadLimits>>().Value);
        return builder;
    }
}
