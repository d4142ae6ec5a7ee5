using System.Text.Json;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Integration.Tests.Support;

namespace SchoolRisk.Integration.Tests.Deployment;

/// <summary>Settings of the app that must agree with <c>host.json</c>, which the Functions host reads and the app cannot.</summary>
public sealed class HostSettingsTests
{
    [Fact]
    public void UploadsMaxAttempts_IsHostJsonsMaxDequeueCount_SoAFailedUploadsStatusTellsTheTruthAboutRetries()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestDeployment.RepositoryRoot, "host.json")));

        var maxDequeueCount = host.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();

        Assert.Equal(maxDequeueCount, UploadLimits.Default.MaxAttempts);
    }

    [Fact]
    public void QueueNames_AreExactlyTheQueuesTheFunctionJsonFilesName()
    {
        var named = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetDirectories(TestDeployment.RepositoryRoot).Select(folder => Path.Combine(folder, "function.json")).Where(File.Exists))
        {
            using var function = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var binding in function.RootElement.GetProperty("bindings").EnumerateArray())
            {
                if (binding.TryGetProperty("queueName", out var queue))
                {
                    named.Add(queue.GetString()!);
                }
            }
        }

        Assert.Equal(named, new SortedSet<string>(QueueNames.All, StringComparer.Ordinal));
    }
}
