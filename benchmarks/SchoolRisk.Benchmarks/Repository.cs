using SchoolRisk.LocalHost;

namespace SchoolRisk.Benchmarks;

/// <summary>Paths of the repository the benchmarks run in (found from the working folder, as the CLI finds it).</summary>
public static class Repository
{
    public static string Root { get; } = RepositoryLayout.FindRoot(Directory.GetCurrentDirectory());

    public static string Rules => Path.Combine(Root, "rules");
}
