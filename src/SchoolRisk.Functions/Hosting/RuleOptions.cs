namespace SchoolRisk.Functions.Hosting;

/// <summary>
/// Configuration section <c>Rules</c> (<c>Rules__Directory</c> as an app setting): where the default rule files are and
/// how often an instance checks which rule set version is active.
/// </summary>
public sealed class RuleOptions
{
    /// <summary>The folder of the default rule files, activated on the first start when no version is active; relative to the app's folder. Default <c>rules</c> (shipped with the app).</summary>
    public string Directory { get; set; } = "rules";

    /// <summary><see cref="Directory"/> as a full path, a relative one taken from the app's folder.</summary>
    public string FullPath => Path.GetFullPath(Directory, AppContext.BaseDirectory);

    /// <summary>How long a read of the active rule set version is trusted, in seconds; 0 (the default) checks at every invocation.</summary>
    public double CheckSeconds { get; set; }
}
