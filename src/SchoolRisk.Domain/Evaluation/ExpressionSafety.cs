using System.Globalization;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using RulesEngine.Models;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation.Expressions;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Decides whether the engine may run a rule expression, before anything else parses or compiles it, in three steps:
/// <list type="number">
/// <item><see cref="ExpressionLimits"/>: the text is short, shallow and has few operators, so neither the parser, the
/// checks nor <c>Expression.Compile</c> can overflow the stack (the process would die) or take long.</item>
/// <item><see cref="AllowList"/>: only constants, parameters, the inputs' numbers, arithmetic, comparisons, logic,
/// conditionals, <c>HasValue</c>/<c>Value</c>/<c>GetValueOrDefault</c>, <c>Math.Abs/Min/Max/Round</c> and the region's
/// percentile methods. Dynamic LINQ, which RulesEngine uses, refuses unknown types but by default lets an expression call
/// any method of the types it knows: reflection (<c>input1.GetType().Assembly</c>), unbounded loops
/// (<c>Enumerable.Range(0, int.MaxValue).Count()</c>), huge allocations (<c>"x".PadLeft(100000000)</c>). Nothing in the
/// list loops or allocates without bound, so an accepted expression ends.</item>
/// <item><see cref="TotalityAnalysis"/>: it cannot throw for any value of its inputs: no division by what may be zero,
/// no overflow, no <c>.Value</c> of what may be null, <c>Math.Round</c>'s digits a constant in range.</item>
/// </list>
/// A refusal is one Russian sentence: the expression in «», then the problem and how to write it safely. Whatever the
/// parser throws for the text is a refusal (<see cref="IsRefusalOfTheText"/>), never an exception of another type.
/// </summary>
internal static class ExpressionSafety
{
    /// <summary>How much of a refused expression longer than <see cref="ExpressionLimits.MaxLength"/> a message quotes.</summary>
    private const int QuotedWhenTooLong = 80;

    /// <summary>The types rule expressions read (<c>input1</c>, <c>input2</c>), registered with the parser so their own members resolve.</summary>
    internal static readonly Type[] InputTypes = [typeof(SchoolIndicators), typeof(ClassificationInput), typeof(RegionalDistribution), typeof(RubricScores), typeof(Recommendations.RecommendationInput)];

    private static readonly ParsingConfig Config = CreateConfig();

    /// <summary>
    /// The problem with <paramref name="expression"/>, in Russian, starting with the expression in «»; <c>null</c> when it
    /// is within <see cref="ExpressionLimits"/>, parses to a boolean, uses only what <see cref="AllowList"/> allows and
    /// cannot throw (<see cref="TotalityAnalysis"/>). Takes well under a second for any string: the limits are checked in
    /// one pass before the parser sees it.
    /// </summary>
    /// <param name="expression">The rule's <c>Expression</c>.</param>
    /// <param name="inputs">The rule's input types in order: <c>input1</c>, <c>input2</c>.</param>
    /// <param name="parameters">
    /// The rule's decimal parameters by name (<c>threshold</c>, <c>from</c>/<c>to</c>, a classification's
    /// <c>Parameters</c>) with their values, as <see cref="ParameterValues"/> reads them; <c>null</c> where unknown.
    /// </param>
    /// <param name="proveTotality">
    /// <c>false</c> only in tests of what evaluation does when a rule throws anyway (defence in depth): the limits and the
    /// allow-list still hold.
    /// </param>
    public static string? Check(string expression, IReadOnlyList<Type> inputs, IReadOnlyDictionary<string, decimal?> parameters, bool proveTotality = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(parameters);
        expression ??= string.Empty;
        if (ExpressionLimits.Check(expression) is { } tooBig)
        {
            return $"«{Quote(expression)}» {tooBig}";
        }

        LambdaExpression lambda;
        try
        {
            ParameterExpression[] declared =
            [
                .. inputs.Select((type, index) => Expression.Parameter(type, $"input{index + 1}")),
                .. parameters.Keys.Select(name => Expression.Parameter(typeof(decimal), name)),
            ];

            // The generic overload ParseLambda<bool> casts to Expression<Func<bool>> and throws when there are parameters.
#pragma warning disable CA2263
            lambda = DynamicExpressionParser.ParseLambda(Config, false, declared, typeof(bool), expression);
#pragma warning restore CA2263
        }
        catch (ParseException exception)
        {
            return $"«{expression}» не разбирается: символ {exception.Position + 1}: {ParseMessages.Translate(exception.Message)}";
        }
        catch (Exception exception) when (IsRefusalOfTheText(exception))
        {
            return $"«{expression}» не разбирается: {ParseMessages.Translate(exception.Message)}";
        }

        var allowList = new AllowList(inputs.ToHashSet());
        allowList.Visit(lambda.Body);
        var problem = allowList.Problem ?? (proveTotality ? TotalityAnalysis.Check(lambda.Body, parameters) : null);
        return problem is null ? null : $"«{expression}» {problem}";
    }

    /// <summary>
    /// Whether <paramref name="exception"/>, thrown by a parser or compiler reading a rule's expression (Dynamic LINQ,
    /// RulesEngine's parser, <c>Expression.Compile</c>), refuses the text. They only read the string and build a tree,
    /// and they refuse text with more than <see cref="ParseException"/>: <see cref="InvalidOperationException"/> and
    /// <see cref="ArgumentException"/> from the factories of <c>System.Linq.Expressions</c> (<c>1 ?? 2</c>,
    /// <c>"a" ?? 1</c>), <see cref="NotSupportedException"/> for <c>?.</c>, <see cref="ArgumentException"/> and
    /// <see cref="FormatException"/> from the type converter that reads a quoted string as the other operand's type
    /// (<c>input1.InspectionZone == "high"</c>, <c>bool("да")</c>, <c>Guid("a")</c>), <see cref="ArgumentNullException"/>
    /// from the parser's own defects (<c>1e400m</c>, <c>object.x</c>), and whatever a later version adds. So every
    /// exception is a refusal of the text, except those that tell of the process rather than of the text (memory, stack).
    /// </summary>
    internal static bool IsRefusalOfTheText(Exception exception) =>
        exception is not (OutOfMemoryException or InsufficientExecutionStackException or OperationCanceledException);

    /// <summary>
    /// The values of a rule's local parameters, which the loader writes as decimal literals (<c>10m</c>,
    /// <see cref="RuleSet.DecimalParam"/>): by name; <c>null</c> for one that is not such a literal or is given twice with
    /// different values (the analysis then assumes any decimal).
    /// </summary>
    public static IReadOnlyDictionary<string, decimal?> ParameterValues(IEnumerable<ScopedParam>? localParams)
    {
        var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var param in localParams ?? [])
        {
            decimal? value = param.Expression is { Length: > 1 } text && text.EndsWith('m')
                && decimal.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : null;
            values[param.Name] = values.TryGetValue(param.Name, out var earlier) && earlier != value ? null : value;
        }

        return values;
    }

    /// <summary>As RulesEngine parses: the input types registered, so their own methods resolve (and then meet the allow-list).</summary>
    private static ParsingConfig CreateConfig()
    {
        var config = new ParsingConfig { AllowNewToEvaluateAnyType = false };
        config.CustomTypeProvider = new DefaultDynamicLinqCustomTypeProvider(config, [.. InputTypes], cacheCustomTypes: true);
        return config;
    }

    /// <summary>The expression as a message quotes it: whole, or its start when it is beyond the length limit.</summary>
    private static string Quote(string expression) =>
        expression.Length <= ExpressionLimits.MaxLength ? expression : string.Concat(expression.AsSpan(0, QuotedWhenTooLong), "…");
}
