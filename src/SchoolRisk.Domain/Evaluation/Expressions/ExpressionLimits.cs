using System.Globalization;

namespace SchoolRisk.Domain.Evaluation.Expressions;

/// <summary>
/// Bounds on an expression's text, checked by one pass over its characters (no recursion, time linear in the length)
/// before anything parses or compiles it. Dynamic LINQ parses by recursive descent (about fifteen frames per bracket),
/// the allow-list and the analysis walk the tree recursively, and <c>Expression.Compile</c> recurses too: an expression
/// nested thousands deep overflows the stack, and the function app's process dies, since a
/// <see cref="StackOverflowException"/> cannot be caught. A chain of binary operators (<c>a &amp;&amp; b &amp;&amp; …</c>,
/// <c>1 + 1 + …</c>) or unary ones (<c>!!!…</c>, <c>- - -…</c>) builds a tree as deep as the chain is long, so the operator
/// count bounds the tree's depth where brackets do not. With these limits a tree is at most about
/// <see cref="MaxNesting"/> + <see cref="MaxOperators"/> levels deep (a few hundred stack frames), and an accepted
/// expression parses in milliseconds.
/// </summary>
/// <remarks>
/// The limits leave room: the longest expression in the repository's <c>rules/*.json</c> (classification's
/// <c>unfavourable_conditions</c>) has 246 characters, brackets two deep and 15 operators. Brackets and operator
/// characters are counted wherever they stand, also inside a quoted string: no rule needs them there.
/// </remarks>
internal static class ExpressionLimits
{
    /// <summary>Characters an expression may have: four times the longest rule in the repository (246), and enough to quote in a message.</summary>
    public const int MaxLength = 1000;

    /// <summary>
    /// How deep brackets (<c>(</c>, <c>[</c>, <c>{</c>) may nest: eight times the repository's deepest (2). At 16 the parser
    /// uses a few hundred stack frames; the test at the limit parses and compiles it.
    /// </summary>
    public const int MaxNesting = 16;

    /// <summary>
    /// Operators an expression may have, counting every <c>&amp;&amp; || &amp; | + - * / % ! ~ ^ ?: ?? == != &lt;&gt; = &lt; &lt;= &gt; &gt;=</c>,
    /// every word operator of Dynamic LINQ (<c>and</c>, <c>or</c>, <c>not</c>, <c>mod</c>, <c>eq</c>, …) and every call
    /// (a bracket after a name: <c>Math.Max(</c>, <c>iif(</c>, <c>int(</c>): four times the repository's largest count (15).
    /// </summary>
    public const int MaxOperators = 64;

    private static readonly HashSet<string> WordOperators = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "mod", "eq", "ne", "neq", "lt", "le", "gt", "ge", "in", "is", "as",
    };

    /// <summary>
    /// Every limit the expression exceeds, in Russian with the figure and the limit
    /// («скобки вложены на 40 уровней, допустимо не больше 16»), joined by «; »; <c>null</c> when it is within all of them.
    /// </summary>
    public static string? Check(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var (nesting, operators) = Measure(expression);
        var problems = new List<string>(3);
        if (expression.Length > MaxLength)
        {
            problems.Add($"в выражении {Count(expression.Length, "символ", "символа", "символов")}, допустимо не больше {MaxLength}");
        }

        if (nesting > MaxNesting)
        {
            problems.Add($"скобки вложены на {Count(nesting, "уровень", "уровня", "уровней")}, допустимо не больше {MaxNesting}");
        }

        if (operators > MaxOperators)
        {
            problems.Add($"в выражении {Count(operators, "операция", "операции", "операций")} (операторов и вызовов), допустимо не больше {MaxOperators}");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>The deepest bracket nesting and the number of operators, in one pass over the characters.</summary>
    private static (int Nesting, int Operators) Measure(string text)
    {
        var (depth, deepest, operators) = (0, 0, 0);
        var previous = ' ';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (IsNameChar(c))
            {
                var start = i;
                while (i + 1 < text.Length && IsNameChar(text[i + 1]))
                {
                    i++;
                }

                if (WordOperators.Contains(text.AsSpan(start, i - start + 1).ToString()))
                {
                    operators++;
                }

                previous = text[i];
                continue;
            }

            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    deepest = Math.Max(deepest, depth);
                    operators += c == '(' && IsNameChar(previous) ? 1 : 0;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '&' or '|' or '=' or '?' when next == c:
                case '!' or '<' or '>' or '=' when next == '=':
                case '<' when next == '>':
                case '?' when next == '.':
                    operators++;
                    i++;
                    break;
                case '&' or '|' or '=' or '?' or '!' or '<' or '>' or '+' or '-' or '*' or '/' or '%' or '^' or '~':
                    operators++;
                    break;
            }

            if (!char.IsWhiteSpace(c))
            {
                previous = c;
            }
        }

        return (deepest, operators);
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>A count with its noun in the Russian form numbers ask for: 1 символ, 2 символа, 5 символов, 21 символ.</summary>
    private static string Count(int number, string one, string few, string many)
    {
        var (lastTwo, last) = (number % 100, number % 10);
        var noun = lastTwo is >= 11 and <= 14 ? many : last == 1 ? one : last is >= 2 and <= 4 ? few : many;
        return number.ToString(CultureInfo.InvariantCulture) + " " + noun;
    }
}
