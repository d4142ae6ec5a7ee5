using System.Linq.Expressions;
using System.Reflection;

namespace SchoolRisk.Domain.Evaluation.Expressions;

/// <summary>
/// The second walk over a parsed expression (after <see cref="AllowList"/>): proves it evaluates without an exception
/// for every value its inputs can have, or names, in Russian, what may throw and how to write it safely. Each numeric
/// sub-expression gets a <see cref="ValueRange"/>: the inputs' from <see cref="InputRanges"/>, the parameters' exactly,
/// then interval arithmetic, narrowed by the <see cref="GuardFacts"/> of the guards around it.
/// </summary>
/// <remarks>
/// Refused, as what .NET would throw: division or remainder by a value that may be zero (<see cref="DivideByZeroException"/>);
/// a decimal result beyond ±<see cref="decimal.MaxValue"/> (<see cref="OverflowException"/>), including a quotient by a
/// divisor that may come arbitrarily close to zero; <c>int</c> or <c>long</c> arithmetic beyond its type (silently wrong,
/// or an <see cref="OverflowException"/> for <c>Math.Abs</c>, a checked conversion or <c>MinValue % -1</c>);
/// <c>.Value</c> or a conversion of a nullable that may be null (<see cref="InvalidOperationException"/>); a conversion
/// to <c>decimal</c> of a double that may be out of range or NaN, or to an integer of a value that may not fit; a
/// <c>Math.Round</c> whose digits are not a constant in 0–28 (decimal) or 0–15 (double), or whose rounding mode is not a
/// constant (<see cref="ArgumentOutOfRangeException"/>); a percentile outside 0–100 (no exception: it would be clamped,
/// silently meaning something else). Each node is analysed once; a guard's facts come back with its outcome, so the time
/// is linear in the tree's size times its depth (the keys), both bounded by <see cref="ExpressionLimits"/>.
/// </remarks>
internal sealed class TotalityAnalysis
{
    private const string NumberLimits = "пределы decimal (около ±7.9·10^28)";

    private readonly IReadOnlyDictionary<string, decimal?> _parameters;
    private readonly Dictionary<Expression, string> _keys = new(ReferenceEqualityComparer.Instance);

    private TotalityAnalysis(IReadOnlyDictionary<string, decimal?> parameters) => _parameters = parameters;

    private string? Problem { get; set; }

    /// <summary>
    /// What in <paramref name="body"/> may throw, in Russian; <c>null</c> when nothing can.
    /// </summary>
    /// <param name="body">A parsed expression that passed <see cref="AllowList"/>.</param>
    /// <param name="parameters">The values of the rule's decimal parameters by name; <c>null</c> where unknown (any decimal).</param>
    public static string? Check(Expression body, IReadOnlyDictionary<string, decimal?> parameters)
    {
        ArgumentNullException.ThrowIfNull(body);
        var analysis = new TotalityAnalysis(parameters);
        analysis.Analyze(body, GuardFacts.None);
        return analysis.Problem;
    }

    private Outcome Analyze(Expression node, GuardFacts facts)
    {
        if (Problem is not null)
        {
            return new Outcome(ValueRange.Unbounded, facts, facts);
        }

        var outcome = node switch
        {
            ConstantExpression constant => Known(Constant(constant), facts),
            ParameterExpression parameter => Known(Parameter(parameter), facts),
            MemberExpression member => Member(member, facts),
            UnaryExpression unary => Unary(unary, facts),
            BinaryExpression binary => Binary(binary, facts),
            ConditionalExpression conditional => Conditional(conditional, facts),
            MethodCallExpression call => Call(call, facts),
            _ => Refuse($"{ExpressionText.Show(node)}: выражения вида {node.NodeType} не проверяются", facts),
        };

        return AllowList.IsNumber(node.Type) && facts.Of(Key(node)) is { } refinement
            ? outcome with { Range = outcome.Range.Refined(refinement, IsIntegral(node.Type)) }
            : outcome;
    }

    private static Outcome Known(ValueRange range, GuardFacts facts) => new(range, facts, facts);

    private Outcome Refuse(string problem, GuardFacts facts)
    {
        Problem ??= problem;
        return new Outcome(ValueRange.Unbounded, facts, facts);
    }

    private static ValueRange Constant(ConstantExpression constant) => constant.Value switch
    {
        null => new ValueRange(0, 0, MayBeNull: true),
        decimal value => ValueRange.Exact(value),
        int value => ValueRange.Exact(value),
        long value => ValueRange.Exact(value),
        double value => ValueRange.OfDouble(value),
        _ => ValueRange.Unbounded,
    };

    private ValueRange Parameter(ParameterExpression parameter) =>
        parameter.Type != typeof(decimal) ? ValueRange.Unbounded
        : _parameters.TryGetValue(parameter.Name ?? string.Empty, out var value) && value is { } known ? ValueRange.Exact(known)
        : ValueRange.AnyDecimal;

    private Outcome Member(MemberExpression node, GuardFacts facts)
    {
        if (node.Expression is ParameterExpression && node.Member is PropertyInfo property && InputRanges.Of(property) is { } range)
        {
            return Known(range, facts);
        }

        var nullable = Analyze(node.Expression!, facts);
        if (node.Member.Name == "HasValue")
        {
            return new Outcome(ValueRange.Unbounded, facts.With(Key(node.Expression!), new Refinement(NotNull: true)), facts);
        }

        var shown = ExpressionText.Show(node.Expression!);
        return nullable.Range.MayBeNull
            ? Refuse($"{shown}.Value: значения может не быть (null), и .Value бросит исключение; проверьте его: {shown}.HasValue && … " +
                $"или {shown}.HasValue ? … : …, либо напишите {shown}.GetValueOrDefault() или ({shown} ?? 0)", facts)
            : Known(nullable.Range, facts);
    }

    private Outcome Unary(UnaryExpression node, GuardFacts facts)
    {
        var operand = Analyze(node.Operand, facts);
        switch (node.NodeType)
        {
            case ExpressionType.Not:
                return node.Type == typeof(bool) || node.Type == typeof(bool?)
                    ? new Outcome(ValueRange.Unbounded, operand.WhenFalse, operand.WhenTrue)
                    : Refuse($"{ExpressionText.Show(node)}: побитовое отрицание чисел не поддерживается", facts);
            case ExpressionType.Negate:
                return Fits(node, "смена знака", ValueRange.Negate(operand.Range), facts);
            default:
                return Convert(node, operand.Range, facts);
        }
    }

    private Outcome Convert(UnaryExpression node, ValueRange operand, GuardFacts facts)
    {
        var (source, target) = (node.Operand.Type, node.Type);
        var shown = ExpressionText.Show(node.Operand);
        var targetName = ExpressionText.TypeName(target);
        if (Nullable.GetUnderlyingType(source) is not null && Nullable.GetUnderlyingType(target) is null && operand.MayBeNull)
        {
            return Refuse($"приведение {shown} к {targetName}: значения может не быть (null), и приведение бросит исключение; " +
                $"напишите {shown}.HasValue ? {targetName}({shown}) : … или ({shown} ?? 0)", facts);
        }

        var (from, to) = (Nullable.GetUnderlyingType(source) ?? source, Nullable.GetUnderlyingType(target) ?? target);
        if (!AllowList.IsNumber(from) || !AllowList.IsNumber(to) || ExpressionText.IsExact(from, to))
        {
            return Known(operand, facts);
        }

        if (to == typeof(double))
        {
            return Known(operand.WidenedForDouble(), facts);
        }

        if (to == typeof(decimal))
        {
            // From a double: beyond about 7.9e28, infinite or NaN it throws OverflowException.
            return operand.IsBounded && !operand.MayBeNaN && operand.Min >= -ValueRange.DoubleToDecimalLimit && operand.Max <= ValueRange.DoubleToDecimalLimit
                ? Known(operand.WidenedForDouble() with { NonZero = false }, facts)
                : Refuse($"приведение {shown} к decimal: число double {operand.Describe()}{(operand.MayBeNaN ? " или NaN" : string.Empty)}, " +
                    $"а decimal вмещает только {NumberLimits}; считайте в decimal (10m, а не 10.0)", facts);
        }

        var (min, max) = to == typeof(int) ? ((decimal)int.MinValue, (decimal)int.MaxValue) : (long.MinValue, long.MaxValue);
        return operand.TruncatesWithin(min, max)
            ? Known(operand.Truncated(), facts)
            : Refuse($"приведение {shown} к {ExpressionText.TypeName(to)}: значение {operand.Describe()}, а {ExpressionText.TypeName(to)} " +
                $"вмещает от {min} до {max}; сравните его с границей до приведения", facts);
    }

    private Outcome Binary(BinaryExpression node, GuardFacts facts)
    {
        switch (node.NodeType)
        {
            case ExpressionType.AndAlso:
                {
                    var left = Analyze(node.Left, facts);
                    var right = Analyze(node.Right, left.WhenTrue);
                    return new Outcome(ValueRange.Unbounded, right.WhenTrue, facts);
                }

            case ExpressionType.OrElse:
                {
                    var left = Analyze(node.Left, facts);
                    var right = Analyze(node.Right, left.WhenFalse);
                    return new Outcome(ValueRange.Unbounded, facts, right.WhenFalse);
                }

            case ExpressionType.Coalesce:
                {
                    var left = Analyze(node.Left, facts);
                    var right = Analyze(node.Right, facts);
                    return Known(ValueRange.Union(left.Range.WithoutNull(), right.Range), facts);
                }
        }

        var l = Analyze(node.Left, facts);
        var r = Analyze(node.Right, facts);
        if (Problem is not null)
        {
            return Known(ValueRange.Unbounded, facts);
        }

        return node.NodeType switch
        {
            ExpressionType.Add => Fits(node, "сумма", ValueRange.Add(l.Range, r.Range), facts),
            ExpressionType.Subtract => Fits(node, "разность", ValueRange.Subtract(l.Range, r.Range), facts),
            ExpressionType.Multiply => Fits(node, "произведение", ValueRange.Multiply(l.Range, r.Range), facts),
            ExpressionType.Divide => Divide(node, l.Range, r.Range, facts),
            ExpressionType.Modulo => Remainder(node, l.Range, r.Range, facts),
            ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual => Compare(node, l.Range, r.Range, facts),
            _ => Known(ValueRange.Unbounded, facts),
        };
    }

    private Outcome Divide(BinaryExpression node, ValueRange dividend, ValueRange divisor, GuardFacts facts)
    {
        var shown = ExpressionText.Show(node.Right);
        if (divisor.ContainsZero)
        {
            return Refuse(divisor.Min == 0 && divisor.Max == 0 ? $"деление на {shown}: делитель равен нулю"
                : divisor.Integral || IsDouble(node.Type)
                ? $"деление на {shown}: делитель может быть равен нулю; напишите {shown} != 0 ? … / {shown} : … или {shown} > 0 && …"
                : $"деление на {shown}: делитель может быть равен нулю или сколь угодно близок к нулю, и тогда частное выйдет за {NumberLimits}; " +
                    $"отделите делитель от нуля, например {shown} >= 0.01m ? … / {shown} : …", facts);
        }

        var quotient = ValueRange.Divide(dividend, divisor);
        if (IsIntegral(node.Type))
        {
            quotient = quotient.Truncated();
        }

        return quotient.IsBounded || IsDouble(node.Type)
            ? Fits(node, "частное", quotient, facts)
            : Refuse(divisor.Min <= 0 && divisor.Max >= 0
                ? $"частное {ExpressionText.Show(node)} может выйти за {NumberLimits}: делитель {shown} может быть сколь угодно близок к нулю; " +
                    $"отделите его от нуля, например {shown} >= 0.01m ? … / {shown} : …"
                : $"частное {ExpressionText.Show(node)} может выйти за {NumberLimits}: делимое {dividend.Describe()}, делитель {divisor.Describe()}", facts);
    }

    private Outcome Remainder(BinaryExpression node, ValueRange dividend, ValueRange divisor, GuardFacts facts)
    {
        var shown = ExpressionText.Show(node.Right);
        if (divisor.ContainsZero)
        {
            return Refuse(divisor.Min == 0 && divisor.Max == 0 ? $"остаток от деления на {shown}: делитель равен нулю"
                : $"остаток от деления на {shown}: делитель может быть равен нулю; напишите {shown} != 0 ? … % {shown} : …", facts);
        }

        var type = Nullable.GetUnderlyingType(node.Type) ?? node.Type;
        var minimum = type == typeof(int) ? int.MinValue : type == typeof(long) ? long.MinValue : (decimal?)null;
        if (minimum is { } least && dividend.Min <= least && divisor.Min <= -1 && divisor.Max >= -1)
        {
            return Refuse($"остаток {ExpressionText.Show(node)}: при делимом {least} и делителе -1 .NET бросает OverflowException; " +
                $"сравните делимое с границей до деления", facts);
        }

        return Fits(node, "остаток", ValueRange.Remainder(dividend, divisor), facts);
    }

    private Outcome Conditional(ConditionalExpression node, GuardFacts facts)
    {
        var test = Analyze(node.Test, facts);
        var whenTrue = Analyze(node.IfTrue, test.WhenTrue);
        var whenFalse = Analyze(node.IfFalse, test.WhenFalse);
        return Known(ValueRange.Union(whenTrue.Range, whenFalse.Range), facts);
    }

    private Outcome Call(MethodCallExpression node, GuardFacts facts)
    {
        var target = node.Object is null ? (Outcome?)null : Analyze(node.Object, facts);
        var arguments = node.Arguments.Select(argument => Analyze(argument, facts).Range).ToList();
        if (Problem is not null)
        {
            return Known(ValueRange.Unbounded, facts);
        }

        if (InputRanges.OfPercentile(node.Method) is { } percentile)
        {
            var p = arguments[0];
            return p.IsBounded && p.Min >= 0 && p.Max <= 100
                ? Known(percentile, facts)
                : Refuse($"{ExpressionText.Show(node)}: процентиль должен быть от 0 до 100, а " +
                    (Stripped(node.Arguments[0]) is ConstantExpression ? $"здесь {ExpressionText.Show(node.Arguments[0])}" : $"{ExpressionText.Show(node.Arguments[0])} {p.Describe()}"), facts);
        }

        if (node.Method.Name == nameof(Nullable<int>.GetValueOrDefault))
        {
            var value = target!.Value.Range.WithoutNull();
            return Known(ValueRange.Union(value, arguments.Count == 0 ? ValueRange.Exact(0) : arguments[0]), facts);
        }

        return node.Method.Name switch
        {
            nameof(Math.Abs) => Fits(node, "модуль", ValueRange.Abs(arguments[0]), facts),
            nameof(Math.Min) => Known(ValueRange.Minimum(arguments[0], arguments[1]), facts),
            nameof(Math.Max) => Known(ValueRange.Maximum(arguments[0], arguments[1]), facts),
            _ => Round(node, arguments[0], facts),
        };
    }

    private Outcome Round(MethodCallExpression node, ValueRange value, GuardFacts facts)
    {
        var maxDigits = node.Type == typeof(double) ? 15 : 28;
        foreach (var (parameter, argument) in node.Method.GetParameters().Zip(node.Arguments).Skip(1))
        {
            var constant = Stripped(argument) as ConstantExpression;
            if (parameter.ParameterType == typeof(int)
                && (constant?.Value is not int digits || digits < 0 || digits > maxDigits))
            {
                return Refuse($"{ExpressionText.Show(node)}: число знаков после запятой должно быть записано в выражении числом от 0 до {maxDigits}, " +
                    $"а здесь {ExpressionText.Show(argument)}", facts);
            }

            if (parameter.ParameterType == typeof(MidpointRounding) && (constant?.Value is not MidpointRounding mode || !Enum.IsDefined(mode)))
            {
                return Refuse($"{ExpressionText.Show(node)}: способ округления должен быть записан в выражении, например MidpointRounding.AwayFromZero, " +
                    $"а здесь {ExpressionText.Show(argument)}", facts);
            }
        }

        return Known(value.Rounded(toWhole: node.Arguments.Count == 1 || Stripped(node.Arguments[1]) is ConstantExpression { Value: 0 }), facts);
    }

    /// <summary>
    /// The facts a comparison establishes when true and when false. True, an ordering or <c>==</c> with a value that is
    /// there also says each side is there (a lifted comparison with a null is false); false says something of a side's
    /// value only when the other side cannot be null (or NaN).
    /// </summary>
    private Outcome Compare(BinaryExpression node, ValueRange left, ValueRange right, GuardFacts facts)
    {
        if (IsNull(node.Right) != IsNull(node.Left))
        {
            var other = IsNull(node.Right) ? node.Left : node.Right;
            var present = AllowList.IsNumber(other.Type) ? facts.With(Key(other), new Refinement(NotNull: true)) : facts;
            return node.NodeType == ExpressionType.Equal ? new Outcome(ValueRange.Unbounded, facts, present)
                : node.NodeType == ExpressionType.NotEqual ? new Outcome(ValueRange.Unbounded, present, facts)
                : Known(ValueRange.Unbounded, facts);
        }

        if (!AllowList.IsNumber(node.Left.Type) || !AllowList.IsNumber(node.Right.Type))
        {
            return Known(ValueRange.Unbounded, facts);
        }

        var (leftKey, rightKey) = (Key(node.Left), Key(node.Right));
        return new Outcome(ValueRange.Unbounded, Assume(node.NodeType, true), Assume(node.NodeType, false));

        GuardFacts Assume(ExpressionType comparison, bool truth)
        {
            var holds = truth ? comparison : Negation(comparison);
            var ordering = comparison is not (ExpressionType.Equal or ExpressionType.NotEqual);
            var notANumber = left.MayBeNaN || right.MayBeNaN;
            if (!truth && ordering && notANumber)
            {
                return facts;
            }

            // «x != y» false holds when both are null too: where x has a value, y has the same. «x != y» true with y null
            // says nothing of x's value; a false ordering says something of x's value only where y has one.
            var equalOrBothNull = !truth && comparison == ExpressionType.NotEqual;
            var refineLeft = holds == ExpressionType.NotEqual ? !right.MayBeNull : truth || equalOrBothNull || !right.MayBeNull;
            var refineRight = holds == ExpressionType.NotEqual ? !left.MayBeNull : truth || equalOrBothNull || !left.MayBeNull;
            var equal = holds == ExpressionType.Equal;
            var leftNotNull = (truth && ordering) || (equal && !right.MayBeNull);
            var rightNotNull = (truth && ordering) || (equal && !left.MayBeNull);

            var result = facts;
            if (refineLeft || leftNotNull)
            {
                result = result.With(leftKey, Relation(holds, right, refineLeft) with { NotNull = leftNotNull });
            }

            if (refineRight || rightNotNull)
            {
                result = result.With(rightKey, Relation(Mirror(holds), left, refineRight) with { NotNull = rightNotNull });
            }

            return result;
        }
    }

    /// <summary>What «x <paramref name="holds"/> other» says of x, given the other side's range.</summary>
    private static Refinement Relation(ExpressionType holds, ValueRange other, bool values)
    {
        if (!values)
        {
            return default;
        }

        return holds switch
        {
            ExpressionType.GreaterThan => new Refinement(Min: other.Min, NonZero: other.Min >= 0),
            ExpressionType.GreaterThanOrEqual => new Refinement(Min: other.Min, NonZero: other.Min > 0),
            ExpressionType.LessThan => new Refinement(Max: other.Max, NonZero: other.Max <= 0),
            ExpressionType.LessThanOrEqual => new Refinement(Max: other.Max, NonZero: other.Max < 0),
            ExpressionType.Equal => new Refinement(other.Min, other.Max, !other.ContainsZero),
            _ => new Refinement(NonZero: other.Min == 0 && other.Max == 0),
        };
    }

    private static ExpressionType Negation(ExpressionType comparison) => comparison switch
    {
        ExpressionType.Equal => ExpressionType.NotEqual,
        ExpressionType.NotEqual => ExpressionType.Equal,
        ExpressionType.LessThan => ExpressionType.GreaterThanOrEqual,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThan,
        ExpressionType.GreaterThan => ExpressionType.LessThanOrEqual,
        _ => ExpressionType.LessThan,
    };

    /// <summary>The same relation seen from the other side: a &lt; b is b &gt; a.</summary>
    private static ExpressionType Mirror(ExpressionType comparison) => comparison switch
    {
        ExpressionType.LessThan => ExpressionType.GreaterThan,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
        ExpressionType.GreaterThan => ExpressionType.LessThan,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
        _ => comparison,
    };

    /// <summary>The range, if it fits the node's type: a decimal within its limits, an int or a long within theirs; a double always.</summary>
    private Outcome Fits(Expression node, string what, ValueRange range, GuardFacts facts)
    {
        var type = Nullable.GetUnderlyingType(node.Type) ?? node.Type;
        if (type == typeof(double))
        {
            return Known(node is BinaryExpression ? ValueRange.Unbounded with { MayBeNull = range.MayBeNull } : range, facts);
        }

        var (min, max, limits) = type == typeof(int) ? (int.MinValue, int.MaxValue, "пределы int (от -2147483648 до 2147483647)")
            : type == typeof(long) ? (long.MinValue, long.MaxValue, "пределы long (от -9223372036854775808 до 9223372036854775807)")
            : (decimal.MinValue, decimal.MaxValue, NumberLimits);
        if (range.IsBounded && range.Min >= min && range.Max <= max)
        {
            return Known(range, facts);
        }

        var widest = Operands(node).Where(operand => Stripped(operand) is not ConstantExpression)
            .Select(operand => (Operand: operand, Range: Analyze(operand, facts).Range))
            .OrderByDescending(pair => pair.Range.IsBounded ? Math.Max(Math.Abs(pair.Range.Min!.Value), Math.Abs(pair.Range.Max!.Value)) : decimal.MaxValue)
            .FirstOrDefault();
        var inDecimal = type == typeof(decimal) ? string.Empty : " или считайте в decimal (1m, а не 1)";
        return Refuse($"{what} {ExpressionText.Show(node)} может выйти за {limits}" +
            (widest.Operand is null ? inDecimal.Replace(" или", ";", StringComparison.Ordinal)
                : $": {ExpressionText.Show(widest.Operand)} {widest.Range.Describe()}; " +
                    $"ограничьте его проверкой перед вычислением ({ExpressionText.Show(widest.Operand)} <= … && …){inDecimal}"), facts);
    }

    private static Expression[] Operands(Expression node) => node switch
    {
        BinaryExpression binary => [binary.Left, binary.Right],
        UnaryExpression unary => [unary.Operand],
        MethodCallExpression call => [.. call.Arguments],
        _ => [],
    };

    private string Key(Expression node)
    {
        if (!_keys.TryGetValue(node, out var key))
        {
            key = ExpressionText.Key(node);
            _keys[node] = key;
        }

        return key;
    }

    private static bool IsDouble(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(double);

    private static bool IsIntegral(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner == typeof(int) || inner == typeof(long);
    }

    private static bool IsNull(Expression node) => Stripped(node) is ConstantExpression { Value: null };

    /// <summary>The expression without the value-keeping conversions around it.</summary>
    private static Expression Stripped(Expression node) =>
        node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert && ExpressionText.IsExact(convert.Operand.Type, convert.Type)
            ? Stripped(convert.Operand)
            : node;

    /// <summary>A sub-expression's values and the facts that hold after it, when it is true and when it is false.</summary>
    private readonly record struct Outcome(ValueRange Range, GuardFacts WhenTrue, GuardFacts WhenFalse);
}
