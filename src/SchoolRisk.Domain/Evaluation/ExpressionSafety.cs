using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Reflection;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Checks a rule expression against an allow-list before the engine may run it. Dynamic LINQ, which RulesEngine uses,
/// refuses unknown types but by default lets an expression call any method of the types it knows: reflection
/// (<c>input1.GetType().Assembly</c>), unbounded loops (<c>Enumerable.Range(0, int.MaxValue).Count()</c>) or huge
/// allocations (<c>"x".PadLeft(100000000)</c>). An expression here may only use constants, the rule's parameters, the
/// properties of the rule inputs, arithmetic, comparisons, logic, conditionals, numeric conversions, <c>HasValue</c> and
/// <c>Value</c> of nullable numbers, <see cref="Math"/>'s <c>Abs</c>, <c>Min</c>, <c>Max</c>, <c>Round</c>, and the
/// region's percentile methods. Nothing in that list loops or allocates without bound, so an accepted expression ends.
/// </summary>
internal static class ExpressionSafety
{
    private static readonly HashSet<Type> InputTypes = [typeof(SchoolIndicators), typeof(ClassificationInput), typeof(RegionalDistribution), typeof(RubricScores)];

    private static readonly HashSet<MethodInfo> AllowedMethods =
    [
        typeof(RegionalDistribution).GetMethod(nameof(RegionalDistribution.ResultsIndexAt))!,
        typeof(RegionalDistribution).GetMethod(nameof(RegionalDistribution.SocialWellbeingIndexAt))!,
    ];

    private static readonly HashSet<string> MathMethods = [nameof(Math.Abs), nameof(Math.Min), nameof(Math.Max), nameof(Math.Round)];

    private static readonly ParsingConfig Config = CreateConfig();

    /// <summary>The problem with <paramref name="expression"/>, or <c>null</c> when it parses to a boolean and uses only what is allowed.</summary>
    public static string? Check(string expression, IReadOnlyList<ParameterExpression> parameters)
    {
        LambdaExpression lambda;
        try
        {
            // The generic overload ParseLambda<bool> casts to Expression<Func<bool>> and throws when there are parameters.
#pragma warning disable CA2263
            lambda = DynamicExpressionParser.ParseLambda(Config, false, [.. parameters], typeof(bool), expression);
#pragma warning restore CA2263
        }
        catch (ParseException exception)
        {
            return $"«{expression}» does not parse at character {exception.Position + 1}: {exception.Message}";
        }
        catch (InvalidOperationException exception)
        {
            return $"«{expression}» does not parse: {exception.Message}";
        }

        var visitor = new AllowList();
        visitor.Visit(lambda.Body);
        return visitor.Problem;
    }

    /// <summary>As RulesEngine parses: the input types registered, so their own methods resolve (and then meet the allow-list).</summary>
    private static ParsingConfig CreateConfig()
    {
        var config = new ParsingConfig { AllowNewToEvaluateAnyType = false };
        config.CustomTypeProvider = new DefaultDynamicLinqCustomTypeProvider(config, [.. InputTypes], cacheCustomTypes: true);
        return config;
    }

    /// <summary>The rule inputs and numeric parameters as the engine binds them: <c>input1</c>, <c>input2</c>, then decimals.</summary>
    public static IReadOnlyList<ParameterExpression> Parameters(IEnumerable<Type> inputs, IEnumerable<string> decimals) =>
        [.. inputs.Select((type, index) => Expression.Parameter(type, $"input{index + 1}")), .. decimals.Select(name => Expression.Parameter(typeof(decimal), name))];

    private sealed class AllowList : ExpressionVisitor
    {
        public string? Problem { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (Problem is not null || node is null)
            {
                return node;
            }

            var refused = node.NodeType switch
            {
                ExpressionType.Constant or ExpressionType.Parameter or ExpressionType.Conditional or ExpressionType.Not or ExpressionType.Negate
                    or ExpressionType.Add or ExpressionType.Subtract or ExpressionType.Multiply or ExpressionType.Divide or ExpressionType.Modulo
                    or ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.And or ExpressionType.Or or ExpressionType.Coalesce
                    or ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                    or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual => null,
                ExpressionType.Convert or ExpressionType.ConvertChecked => IsPlain(node.Type) ? null : $"conversion to {node.Type.Name}",
                ExpressionType.MemberAccess => Member((MemberExpression)node),
                ExpressionType.Call => Call((MethodCallExpression)node),
                _ => $"'{node.NodeType}' expressions",
            };
            if (refused is not null)
            {
                Problem = $"uses {refused}, which rules may not use; allowed are the inputs' properties, numbers, arithmetic, comparisons, " +
                    "&&, ||, !, ?:, Math.Abs/Min/Max/Round and the region's percentile methods";
                return node;
            }

            return base.Visit(node);
        }

        private static string? Member(MemberExpression node) => node.Member switch
        {
            PropertyInfo property when InputTypes.Contains(property.DeclaringType!) && node.Expression is not null => null,
            PropertyInfo { Name: "HasValue" or "Value" } property when Nullable.GetUnderlyingType(property.DeclaringType!) is { } inner && IsPlain(inner) => null,
            _ => $"the member {node.Member.DeclaringType?.Name}.{node.Member.Name}",
        };

        private static string? Call(MethodCallExpression node) =>
            AllowedMethods.Contains(node.Method)
                || (node.Method.DeclaringType == typeof(Math) && MathMethods.Contains(node.Method.Name))
                || (node.Method.DeclaringType == typeof(decimal) && node.Method.IsSpecialName)
                || (node.Method.Name == nameof(Nullable<int>.GetValueOrDefault) && Nullable.GetUnderlyingType(node.Method.DeclaringType!) is { } inner && IsPlain(inner))
                ? null
                : $"the method {node.Method.DeclaringType?.Name}.{node.Method.Name}";

        private static bool IsPlain(Type type)
        {
            var inner = Nullable.GetUnderlyingType(type) ?? type;
            return inner == typeof(decimal) || inner == typeof(int) || inner == typeof(long) || inner == typeof(double) || inner == typeof(bool);
        }
    }
}
