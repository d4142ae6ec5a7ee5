using Microsoft.Extensions.Options;
using SchoolRisk.Storage.Reports;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// Refuses <see cref="DeliveryOptions"/> that could only fail later, at every send; the function app runs it when it
/// starts (<c>ValidateOnStart</c>), so a wrong setting stops the app at once with its name.
/// </summary>
public sealed class DeliveryOptionsValidation : IValidateOptions<DeliveryOptions>
{
    /// <summary>
    /// Fails when <see cref="DeliveryOptions.ReportLinkLifetime"/> is out of (0, 7 days] (the longest a user delegation
    /// SAS lives: <see cref="ReportReadLinks.MaxLifetime"/>), <see cref="DeliveryOptions.Attempts"/> is less than 1, or
    /// <see cref="DeliveryOptions.Timeout"/> is not positive; each failure names its setting under <c>Notifications:</c>.
    /// </summary>
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (options.ReportLinkLifetime <= TimeSpan.Zero || options.ReportLinkLifetime > ReportReadLinks.MaxLifetime)
        {
            failures.Add($"Notifications:ReportLinkLifetime is {options.ReportLinkLifetime}; it must be more than zero and at most {ReportReadLinks.MaxLifetime.TotalDays} days (the longest a user delegation SAS lives).");
        }

        if (options.Attempts < 1)
        {
            failures.Add($"Notifications:Attempts is {options.Attempts}; it must be at least 1.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"Notifications:Timeout is {options.Timeout}; it must be more than zero.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
