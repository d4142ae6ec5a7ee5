using Microsoft.Azure.Functions.Worker;

namespace SchoolRisk.LocalHost.ContractWorker;

/// <summary>
/// The blob outputs of <see cref="BlobFunctions.BlobCopy"/>: paths with the binding expressions the host resolves
/// (<c>{queueTrigger}</c>, an app setting, a trigger metadata name, <c>{rand-guid}</c>, <c>{DateTime}</c>).
/// </summary>
public sealed class BlobCopyOutput
{
    [BlobOutput("blob-copies/%CopyFolder%/{queueTrigger}")]
    public string? Copy { get; init; }

    [BlobOutput("blob-stamped/{DequeueCount}/{DateTime:yyyy}/{rand-guid}.txt")]
    public string? Stamp { get; init; }
}

/// <summary>A blob input (deferred binding: the worker downloads it) and blob outputs.</summary>
public sealed class BlobFunctions
{
    /// <summary>Reads <c>blob-source/{name}</c>, writes it upper-cased to <c>blob-copies/{CopyFolder}/{name}</c> and the name to a stamped blob.</summary>
    [Function(nameof(BlobCopy))]
    public static BlobCopyOutput BlobCopy([QueueTrigger("blob-copy")] string name, [BlobInput("blob-source/{queueTrigger}")] string content) =>
        new() { Copy = content?.ToUpperInvariant(), Stamp = name };
}
