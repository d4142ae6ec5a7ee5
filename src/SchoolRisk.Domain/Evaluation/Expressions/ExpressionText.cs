using System.Globalization;
using System.Linq.Expressions;

namespace SchoolRisk.Domain.Evaluation.Expressions;

/// <summary>
/// Parsed expressions written back as text: <see cref="Show"/> for messages (<c>input1.Enrolment</c>,
/// <c>(input1.X - threshold)</c>), <see cref="Key"/> to recognise a guarded expression (<see cref="GuardFacts"/>).
/// Both leave out the conversions Dynamic LINQ inserts that keep the value (an <c>int</c> to a <c>decimal</c>, a value to
/// its nullable and back); a key also leaves out <c>.Value</c>, which is the nullable's own value, and marks constants'
/// types (<c>1m</c>, <c>1d</c>), so two keys are equal only where the values are. Recursion is as deep as the tree, which
/// <see cref="ExpressionLimits"/> bounds.
/// </summary>
internal static class ExpressionText
{
    /// <summary>The expression as a person would write it, for a message.</summary>
    public static string Show(Expression node) => Write(node, key: false);

    /// <summary>The expression's identity for guards: equal keys, equal values.</summary>
    public static string Key(Expression node) => Write(node, key: true);

    /// <summary>Whether converting <paramref name="from"/> to <paramref name="to"/> keeps every value exactly.</summary>
    public static bool IsExact(Type from, Type to)
    {
        var (source, target) = (Nullable.GetUnderlyingType(from) ?? from, Nullable.GetUnderlyingType(to) ?? to);
        return source == target
            || (source == typeof(int) && (target == typeof(long) || target == typeof(decimal) || target == typeof(double)))
            || (source == typeof(long) && target == typeof(decimal));
    }

    /// <summary>The name a rule writes a type by: <c>int</c>, <c>decimal?</c>.</summary>
    public static string TypeName(Type type) => Nullable.GetUnderlyingType(type) is { } inner
        ? TypeName(inner) + "?"
        : type == typeof(int) ? "int"
        : type == typeof(long) ? "long"
        : type == typeof(decimal) ? "decimal"
        : type == typeof(double) ? "double"
        : type == typeof(bool) ? "bool"
        : type == typeof(string) ? "string"
        : type.Name;

    private static string Write(Expression node, bool key) => node switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert when IsExact(convert.Operand.Type, convert.Type) =>
            Write(convert.Operand, key),
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert =>
            $"{TypeName(convert.Type)}({Write(convert.Operand, key)})",
        UnaryExpression { NodeType: ExpressionType.Not } not => "!" + Write(not.Operand, key),
        UnaryExpression { NodeType: ExpressionType.Negate or ExpressionType.NegateChecked } negate => "-" + Write(negate.Operand, key),
        MemberExpression { Member.Name: "Value", Expression: { } nullable } when key && Nullable.GetUnderlyingType(nullable.Type) is not null => Write(nullable, key),
        MemberExpression member => member.Expression is null
            ? $"{member.Member.DeclaringType?.Name}.{member.Member.Name}"
            : $"{Write(member.Expression, key)}.{member.Member.Name}",
        ParameterExpression parameter => parameter.Name ?? "?",
        ConstantExpression constant => Constant(constant, key),
        BinaryExpression binary => $"({Write(binary.Left, key)} {Operator(binary.NodeType)} {Write(binary.Right, key)})",
        ConditionalExpression conditional => $"({Write(conditional.Test, key)} ? {Write(conditional.IfTrue, key)} : {Write(conditional.IfFalse, key)})",
        MethodCallExpression call =>
            $"{(call.Object is null ? call.Method.DeclaringType?.Name : Write(call.Object, key))}.{call.Method.Name}({string.Join(", ", call.Arguments.Select(argument => Write(argument, key)))})",
        _ => node.ToString(),
    };

    private static string Constant(ConstantExpression constant, bool key) => constant.Value switch
    {
        null => "null",
        bool value => value ? "true" : "false",
        string value => "\"" + value + "\"",
        decimal value => value.ToString(CultureInfo.InvariantCulture) + (key ? "m" : string.Empty),
        double value => value.ToString("R", CultureInfo.InvariantCulture) + (key ? "d" : string.Empty),
        long value => value.ToString(CultureInfo.InvariantCulture) + (key ? "L" : string.Empty),
        Enum value => value.GetType().Name + "." + value,
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "?",
    };

    private static string Operator(ExpressionType type) => type switch
    {
        ExpressionType.Add or ExpressionType.AddChecked => "+",
        ExpressionType.Subtract or ExpressionType.SubtractChecked => "-",
        ExpressionType.Multiply or ExpressionType.MultiplyChecked => "*",
        ExpressionType.Divide => "/",
        ExpressionType.Modulo => "%",
        ExpressionType.AndAlso => "&&",
        ExpressionType.OrElse => "||",
        ExpressionType.And => "&",
        ExpressionType.Or => "|",
        ExpressionType.Coalesce => "??",
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        _ => type.ToString(),
    };
}
