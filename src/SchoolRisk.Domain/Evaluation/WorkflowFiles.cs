using System.Text.Json;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>Which rule file each workflow of a set is in, to name the file in a problem where the rule set does not know it (the classification workflow, the integrated assessment).</summary>
public static class WorkflowFiles
{
    /// <summary>
    /// Workflow name → file name for every file whose <c>WorkflowName</c> can be read, and <c>IntegratedAssessment</c> →
    /// the file with that section; a file that is not JSON is passed over (validation names it).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<RuleFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var fileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                using var document = file.Parse();
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (document.RootElement.TryGetProperty("WorkflowName", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    fileOf.TryAdd(name.GetString()!, file.Name);
                }

                if (document.RootElement.TryGetProperty("IntegratedAssessment", out _))
                {
                    fileOf.TryAdd("IntegratedAssessment", file.Name);
                }
            }
            catch (JsonException)
            {
            }
        }

        return fileOf;
    }
}
