using System.Linq.Expressions;
using System.Reflection;
using SchoolRisk.Domain.Classification;

namespace SchoolRisk.Domain.Evaluation.Expressions;

/// <summary>
/// The first walk over a parsed expression: it may use only constants, the rule's parameters, the inputs' numeric and
/// flag properties (<see cref="InputRanges"/>), arithmetic, comparisons, logic, conditionals, <c>??</c>, conversions
/// between <c>int</c>, <c>long</c>, <c>decimal</c> and <c>double</c>, <c>HasValue</c>, <c>Value</c> and
/// <c>GetValueOrDefault</c> of a nullable number, <see cref="Math"/>'s <c>Abs</c>, <c>Min</c>, <c>Max</c> and
/// <c>Round</c>, and the region's percentile methods. Nothing in that list loops, allocates without bound or reflects;
/// whether it can throw is <see cref="TotalityAnalysis"/>'s question. <see cref="Problem"/> names, in Russian, the first
/// thing outside the list.
/// </summary>
internal sealed class AllowList : ExpressionVisitor
{
    /// <summary>What an administrator is told may be used, after a refusal.</summary>
    public const string Allowed = "можно: числа, параметры правила, числовые свойства входных данных, арифметику + - * / %, сравнения, " +
        "&&, ||, !, ?:, ??, HasValue, Value и GetValueOrDefault() у чисел, Math.Abs/Min/Max/Round и процентили региона " +
        "(input2.ResultsIndexAt, input2.SocialWellbeingIndexAt)";

    private static readonly HashSet<MethodInfo> PercentileMethods =
    [
        typeof(RegionalDistribution).GetMethod(nameof(RegionalDistribution.ResultsIndexAt))!,
        typeof(RegionalDistribution).GetMethod(nameof(RegionalDistribution.SocialWellbeingIndexAt))!,
    ];

    private static readonly HashSet<string> MathMethods = [nameof(Math.Abs), nameof(Math.Min), nameof(Math.Max), nameof(Math.Round)];

    private readonly IReadOnlySet<Type> _inputs;

    /// <param name="inputs">The rule's input types (<c>input1</c>, <c>input2</c>).</param>
    public AllowList(IReadOnlySet<Type> inputs) => _inputs = inputs;

    /// <summary>The first construct outside the list, in Russian; <c>null</c> when there is none.</summary>
    public string? Problem { get; private set; }

    /// <summary>The numeric types a rule computes with; <c>bool</c> and <c>string</c> besides are values too.</summary>
    public static bool IsNumber(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner == typeof(decimal) || inner == typeof(int) || inner == typeof(long) || inner == typeof(double);
    }

    public override Expression? Visit(Expression? node)
    {
        if (Problem is not null || node is null)
        {
            return node;
        }

        var refused = node.NodeType switch
        {
            ExpressionType.Constant => Constant((ConstantExpression)node),
            ExpressionType.Parameter => IsValue(node.Type) || _inputs.Contains(node.Type) ? null : $"параметр типа {node.Type.Name}",
            ExpressionType.Conditional or ExpressionType.Not or ExpressionType.Negate
                or ExpressionType.Add or ExpressionType.Subtract or ExpressionType.Multiply or ExpressionType.Divide or ExpressionType.Modulo
                or ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.Coalesce
                or ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual => IsValue(node.Type) ? null : $"значения типа {node.Type.Name}",
            ExpressionType.And or ExpressionType.Or => node.Type == typeof(bool) ? null : "побитовые & и | над числами",
            ExpressionType.Convert or ExpressionType.ConvertChecked => IsValue(node.Type) ? null : $"приведение к {node.Type.Name}",
            ExpressionType.MemberAccess => Member((MemberExpression)node),
            ExpressionType.Call => Call((MethodCallExpression)node),
            _ => $"выражения вида {node.NodeType}",
        };
        if (refused is not null)
        {
            Problem = $"использует {refused}, а правилам это недоступно; {Allowed}";
            return node;
        }

        return base.Visit(node);
    }

    private static string? Constant(ConstantExpression node) =>
        IsValue(node.Type) || node.Value is null || node.Value is MidpointRounding ? null : $"константу типа {node.Type.Name}";

    private string? Member(MemberExpression node) => node.Member switch
    {
        PropertyInfo property when node.Expression is ParameterExpression parameter && _inputs.Contains(parameter.Type) =>
            InputRanges.Of(property) is not null ? null : $"свойство {property.DeclaringType?.Name}.{property.Name}, которое не число",
        PropertyInfo { Name: "HasValue" or "Value" } property when Nullable.GetUnderlyingType(property.DeclaringType!) is { } inner && IsNumber(inner) => null,
        _ => $"член {node.Member.DeclaringType?.Name}.{node.Member.Name}",
    };

    private static string? Call(MethodCallExpression node) =>
        PercentileMethods.Contains(node.Method) && node.Object is ParameterExpression
            || (node.Method.DeclaringType == typeof(Math) && MathMethods.Contains(node.Method.Name) && IsNumber(node.Type))
            || (node.Method.Name == nameof(Nullable<int>.GetValueOrDefault) && Nullable.GetUnderlyingType(node.Method.DeclaringType!) is { } inner && IsNumber(inner))
            ? null
            : $"метод {node.Method.DeclaringType?.Name}.{node.Method.Name}";

    /// <summary>A number, a flag or a string (strings only ever meet strings: no input has one).</summary>
    private static bool IsValue(Type type) =>
        IsNumber(type) || (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool) || type == typeof(string);
}
