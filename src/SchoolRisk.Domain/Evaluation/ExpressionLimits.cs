using System.Globalization;
using System.Text.Json;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Bounds on a rule expression's size, checked on the files' text before any parser sees them. The expression parser
/// (Dynamic LINQ) and the compiler descend recursively: an expression nested a few thousand levels deep («((((…))))»,
/// a long run of «!» or of «?:») overflows the stack, which kills the process instead of failing the check, and a very
/// long chain of operators makes the compiler refuse the program. Rule expressions of the methodology are a line or two;
/// anything beyond <see cref="MaxLength"/> characters or <see cref="MaxNesting"/> levels is a mistake, refused in Russian
/// naming the file and rule.
/// </summary>
public static class ExpressionLimits
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 2_000;

    /// <summary>The deepest nesting accepted: parentheses, conditional and null-coalescing operators, prefix operators in a row.</summary>
    public const int MaxNesting = 40;

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>One problem per expression over a bound, «{file}, правило «{rule}»: …»; files that are not JSON are left to the validation.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<RuleFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        foreach (var file in files)
        {
            try
            {
                using var document = file.Parse();
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("Rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var rule in rules.EnumerateArray())
                {
                    if (rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("Expression", out var value) && value.ValueKind == JsonValueKind.String
                        && Problem(value.GetString()!) is { } problem)
                    {
                        var name = rule.TryGetProperty("RuleName", out var ruleName) && ruleName.ValueKind == JsonValueKind.String ? ruleName.GetString() : "?";
                        problems.Add($"{file.Name}, правило «{name}»: {problem}.");
                    }
                }
            }
            catch (JsonException)
            {
            }
        }

        return problems;
    }

    /// <summary>What is wrong with the size of <paramref name="expression"/>, or <c>null</c> when it is within bounds.</summary>
    public static string? Problem(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Length > MaxLength)
        {
            return $"выражение длиной {expression.Length.ToString("N0", Russian)} знаков (начало: «{expression[..80]}…») длиннее допустимых {MaxLength.ToString("N0", Russian)}; " +
                "правило — это одно сравнение показателя с порогом, а числа задаются в Properties";
        }

        var nesting = Nesting(expression);
        return nesting > MaxNesting
            ? $"выражение вложено на {nesting} уровней (скобки, «?:», «??», «!» подряд), допустимо не больше {MaxNesting}; упростите его"
            : null;
    }

    /// <summary>The deepest parentheses, plus every conditional or null-coalescing «?», plus the longest run of prefix operators; string literals skipped.</summary>
    private static int Nesting(string expression)
    {
        var (depth, deepest, questions, run, longestRun) = (0, 0, 0, 0, 0);
        char? quote = null;
        foreach (var character in expression)
        {
            if (quote is { } open)
            {
                quote = character == open ? null : quote;
                continue;
            }

            switch (character)
            {
                case '"' or '\'':
                    quote = character;
                    break;
                case '(':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ')':
                    depth--;
                    break;
                case '?':
                    questions++;
                    break;
            }

            run = character is '!' or '-' or '+' or '~' ? run + 1 : char.IsWhiteSpace(character) || character == '(' ? run : 0;
            longestRun = Math.Max(longestRun, run);
        }

        return deepest + questions + longestRun;
    }
}
