using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Functions.Hosting;

/// <summary>
/// What the app needs in storage before its first invocation, done once when the host runs (never while it is being
/// built): the containers and tables created if missing, the default rule files (<see cref="RuleOptions.Directory"/>)
/// activated when no version is active, the active rule set loaded. A storage fault is retried with back-off (1 s
/// doubling to 30 s, with jitter) and logged, for as long as the host runs; default rules that fail validation are a
/// fault of the deployment, not retried. Every invocation waits for <see cref="Completion"/> (<see cref="InitializationGate"/>).
/// </summary>
public sealed class AppInitialization(
    StorageAccount account, RuleStore rules, RuleSetProvider ruleSets, IOptions<RuleOptions> options, ILogger<AppInitialization> logger) : BackgroundService
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the app is ready; faults with the reason when it cannot become so.</summary>
    public Task Completion => _completion.Task;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(30),
                UseJitter = true,
                OnRetry = arguments =>
                {
                    logger.LogWarning(arguments.Outcome.Exception, "Start-up attempt {Attempt} failed; retrying in {Delay}", arguments.AttemptNumber + 1, arguments.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        try
        {
            await retry.ExecuteAsync(InitializeAsync, stoppingToken);
            _completion.TrySetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(stoppingToken);
        }
        catch (Exception exception)
        {
            logger.LogCritical(exception, "The app cannot start: {Reason}", exception.Message);
            _completion.TrySetException(exception);
        }
    }

    private async ValueTask InitializeAsync(CancellationToken cancellationToken)
    {
        await account.EnsureCreatedAsync(cancellationToken);
        var directory = options.Value.FullPath;
        var seeded = await RuleActivationWorkflow.SeedAsync(rules, await RuleFiles.ReadDirectoryAsync(directory, cancellationToken), cancellationToken);
        if (seeded.Activation.Outcome == RuleActivationOutcome.Rejected)
        {
            throw new RuleSetException($"The default rules in {directory} fail validation: {string.Join(" | ", seeded.Activation.Problems)}");
        }

        if (seeded.Activated is { } validated)
        {
            ruleSets.Adopt(validated);
        }

        var ruleSet = await ruleSets.RefreshAsync(cancellationToken);
        logger.LogInformation(
            "Rule set {RuleSetVersion} active ({Source})", ruleSet.Version.ToString(), seeded.Activation.Outcome == RuleActivationOutcome.Activated ? $"seeded from {directory}" : "from the rules container");
    }

    /// <summary>A fault of storage that may pass: unreachable, timed out, throttled or a server error.</summary>
    private static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or IOException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => false,
    };
}
