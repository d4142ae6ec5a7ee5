using System.Text.RegularExpressions;
using SchoolRisk.Testing;

namespace SchoolRisk.Cli.Tests.Docs;

/// <summary>
/// The docs cannot drift from the CLI: every <c>schoolrisk …</c> line in a code block of the repository's Markdown
/// parses with the real command (placeholders such as <c>&lt;version&gt;</c> filled in, <c>[--option]</c> taken as
/// given), and every <c>`schoolrisk …`</c> named in the text names a command that exists.
/// </summary>
public sealed partial class DocumentedCommandLinesTests
{
    [Fact]
    public void EveryCommandLineInTheDocsCodeBlocks_Parses()
    {
        var lines = MarkdownFiles().SelectMany(file => CodeBlockCommands(file).Select(line => (file, line))).ToList();
        var failures = lines
            .Select(shown => (shown.file, shown.line, errors: SchoolRiskCommand.Create().Parse(Tokens(shown.line)).Errors.Select(error => error.Message).ToList()))
            .Where(shown => shown.errors.Count > 0)
            .Select(shown => $"{shown.file}: `{shown.line}`: {string.Join("; ", shown.errors)}")
            .ToList();

        Assert.True(lines.Count >= 20, $"only {lines.Count} command lines found in the docs' code blocks");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void EveryCommandNamedInTheDocsText_Exists()
    {
        var named = MarkdownFiles().SelectMany(file => InlineCommands(file).Select(text => (file, text))).ToList();
        var failures = named
            .Where(shown => !NamesACommand(shown.text))
            .Select(shown => $"{shown.file}: `{shown.text}`")
            .ToList();

        Assert.True(named.Count >= 20, $"only {named.Count} commands named in the docs' text");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Whether the words before the first option of <paramref name="text"/> are a path of commands from the root.</summary>
    private static bool NamesACommand(string text)
    {
        System.CommandLine.Command command = SchoolRiskCommand.Create();
        foreach (var word in Tokens(text).TakeWhile(token => !token.StartsWith('-')))
        {
            if (command.Subcommands.FirstOrDefault(sub => sub.Name == word) is not { } next)
            {
                return command.Subcommands.Count == 0 || command.Arguments.Count > 0;
            }

            command = next;
        }

        return true;
    }

    private static IEnumerable<string> MarkdownFiles() =>
        Directory.EnumerateFiles(TestDeployment.RepositoryRoot, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestDeployment.RepositoryRoot, path))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "node_modules" or "bin" or "obj" or "artifacts" or ".git" or "cases"))
            .Order(StringComparer.Ordinal);

    /// <summary>The command lines of the file's fenced code blocks: after <c>schoolrisk</c> or <c>dotnet run --project src/SchoolRisk.Cli --</c>, a trailing comment cut.</summary>
    private static IEnumerable<string> CodeBlockCommands(string file) =>
        Lines(file).Where(line => line.InCode).Select(line => CommandInCode().Match(line.Text)).Where(match => match.Success)
            .Select(match => Comment().Replace(match.Groups["args"].Value, string.Empty).Trim());

    /// <summary>The <c>`schoolrisk …`</c> spans of the file's text (outside code blocks), joined across a line break.</summary>
    private static IEnumerable<string> InlineCommands(string file) =>
        InlineCommand().Matches(string.Join(' ', Lines(file).Where(line => !line.InCode).Select(line => line.Text)))
            .Select(match => match.Groups["args"].Value.Trim());

    /// <summary>The file's lines but its fences, each with whether it stands in a fenced code block.</summary>
    private static IEnumerable<(bool InCode, string Text)> Lines(string file)
    {
        var inCode = false;
        foreach (var line in File.ReadLines(Path.Combine(TestDeployment.RepositoryRoot, file)))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            else
            {
                yield return (inCode, line);
            }
        }
    }

    /// <summary>Shell words of a documented line: quotes honoured, <c>&lt;placeholder&gt;</c> filled in, <c>[optional]</c> brackets dropped, <c>…</c> left out.</summary>
    private static string[] Tokens(string line)
    {
        var filled = Placeholder().Replace(line, "x").Replace("[", string.Empty, StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal);
        return [.. ShellWord().Matches(filled).Select(word => word.Groups["quoted"].Success ? word.Groups["quoted"].Value : word.Value)
            .Where(word => word is not ("…" or "..."))];
    }

    [GeneratedRegex(@"^\s*(?:\$\s*)?(?:schoolrisk|dotnet run --project src/SchoolRisk\.Cli(?: --no-build)? --)\s+(?<args>.+)$")]
    private static partial Regex CommandInCode();

    [GeneratedRegex(@"`(?:schoolrisk|dotnet run --project src/SchoolRisk\.Cli --)\s+(?<args>[^`]+)`")]
    private static partial Regex InlineCommand();

    [GeneratedRegex(@"\s+#.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"<[^<>]+>")]
    private static partial Regex Placeholder();

    [GeneratedRegex("\"(?<quoted>[^\"]*)\"|'(?<quoted>[^']*)'|\\S+")]
    private static partial Regex ShellWord();
}
