namespace SchoolRisk.Domain.Uploads;

/// <summary>What reading an upload found, whatever its kind: rows read and kept, problems, columns not read.</summary>
public interface IUploadReading
{
    int DataRows { get; }

    int ValidRows { get; }

    int ProblemCount { get; }

    IReadOnlyList<UploadProblem> Problems { get; }

    IReadOnlyList<string> IgnoredColumns { get; }
}
