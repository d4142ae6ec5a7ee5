using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Hosting;

/// <summary>Settings of the app that must agree with <c>host.json</c>, which the Functions host reads and the app cannot.</summary>
public sealed class HostSettingsTests
{
    [Fact]
    public void UploadsMaxAttempts_IsHostJsonsMaxDequeueCount_SoAFailedUploadsStatusTellsTheTruthAboutRetries()
    {
        using var host = FunctionAppFiles.HostJson();

        var maxDequeueCount = host.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();

        Assert.Equal(maxDequeueCount, UploadLimits.Default.MaxAttempts);
    }

    [Fact]
    public void QueueNames_AreExactlyTheQueuesTheFunctionsBindTo()
    {
        var named = new SortedSet<string>(FunctionAppFiles.Bindings().Select(binding => binding.QueueName).OfType<string>(), StringComparer.Ordinal);

        Assert.Equal(named, new SortedSet<string>(QueueNames.All, StringComparer.Ordinal));
    }
}
