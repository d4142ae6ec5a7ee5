namespace SchoolRisk.Domain.Uploads;

/// <summary>Limits on an upload. Configuration section <c>Uploads</c>; defaults below.</summary>
public sealed record UploadLimits
{
    public static UploadLimits Default { get; } = new();

    /// <summary>Largest file accepted, in bytes. Default 50 MiB.</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Most data rows accepted in one file. Default 100,000 (the country has about 40,000 schools).</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Largest declared unpacked size of an .xlsx archive, in bytes. Default 512 MiB.</summary>
    public long MaxUnpackedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Largest compression ratio of any part over 1 MiB of an .xlsx archive. Default 200 (zip bombs reach thousands).</summary>
    public long MaxCompressionRatio { get; init; } = 200;

    /// <summary>
    /// How many times an upload's event is delivered before it goes to the poison queue: the Functions host's
    /// <c>extensions.queues.maxDequeueCount</c> in <c>host.json</c> (5), which a test keeps equal. Lets a failed
    /// upload's status say truly whether another attempt follows.
    /// </summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>How many problems a report lists in full; further ones are counted. Default 10,000.</summary>
    public int MaxListedProblems { get; init; } = 10_000;
}
