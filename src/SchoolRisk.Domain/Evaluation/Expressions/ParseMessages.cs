using System.Text.RegularExpressions;

namespace SchoolRisk.Domain.Evaluation.Expressions;

/// <summary>
/// Dynamic LINQ's parse errors, which it writes in English, in Russian: the common ones by their templates (its
/// <c>Res</c> resources, and the messages of the other exceptions it refuses text with), the rest quoted after a
/// Russian lead-in. Names of types, members and operators stay as written.
/// </summary>
internal static partial class ParseMessages
{
    private static readonly (Regex Pattern, string Russian)[] Templates =
    [
        (new Regex(@"^No property or field '(.+)' exists in type '(.+)'$"), "у $2 нет свойства $1"),
        (new Regex(@"^Unknown identifier '(.+)'$"), "неизвестное имя $1"),
        (new Regex(@"^No applicable method '(.+)' exists in type '(.+)'$"), "у $2 нет подходящего метода $1 для таких аргументов"),
        (new Regex(@"^Method '(.+)' on type '(.+)' is not accessible\.?$"), "метод $2.$1 недоступен"),
        (new Regex(@"^Operator '(.+)' incompatible with operand types '(.+)' and '(.+)'$"), "оператор $1 не применим к типам $2 и $3 (в десятичных числах пишите m: 9.5m)"),
        (new Regex(@"^Operator '(.+)' incompatible with operand type '(.+)'$"), "оператор $1 не применим к типу $2"),
        (new Regex(@"^Expression of type '(.+)' expected$"), "ожидалось выражение типа $1"),
        (new Regex(@"^Neither of the types '(.+)' and '(.+)' converts to the other$"), "типы $1 и $2 не приводятся друг к другу"),
        (new Regex(@"^Both of the types '(.+)' and '(.+)' convert to the other$"), "типы $1 и $2 приводятся друг к другу неоднозначно"),
        (new Regex(@"^Invalid integer literal '(.+)'$"), "неверное целое число $1"),
        (new Regex(@"^Invalid real literal '(.+)'$"), "неверное число $1"),
        (new Regex(@"^Syntax error '(.+)'$"), "синтаксическая ошибка у «$1»"),
        (new Regex(@"^Syntax error$"), "синтаксическая ошибка"),
        (new Regex(@"^Expression expected$"), "ожидалось выражение"),
        (new Regex(@"^Digit expected$"), "ожидалась цифра"),
        (new Regex(@"^Identifier expected$"), "ожидалось имя"),
        (new Regex(@"^'\)' or operator expected$"), "ожидались «)» или оператор"),
        (new Regex(@"^'\)' or ',' expected$"), "ожидались «)» или «,»"),
        (new Regex(@"^'(.)' expected$"), "ожидался символ «$1»"),
        (new Regex(@"^Unterminated string literal$"), "незакрытая строка"),
        (new Regex(@"^Type '(.+)' not found$"), "тип $1 не найден"),

        // Not ParseException's: NotSupportedException, the type converter's ArgumentException and FormatException,
        // System.Linq.Expressions' ArgumentException and InvalidOperationException (ExpressionSafety.IsRefusalOfTheText).
        (new Regex(@"^An expression tree lambda may not contain a null propagating operator\b.*$"),
            "оператор ?. не поддерживается; пустое значение проверяйте через HasValue (input1.X.HasValue && input1.X.Value > 5) или заменяйте через ?? ((input1.X ?? 0) > 5)"),
        (new Regex(@"^(.*) is not a valid value for (\w+)\.?(?: \(Parameter '\w+'\))?$", RegexOptions.Singleline),
            "строка «$1» не читается как $2; числа и флаги сравнивайте с числами без кавычек"),
        (new Regex(@"^Argument types do not match$"), "типы операндов не совпадают"),
        (new Regex(@"^Coalesce used with type that cannot be null$"), "?? применим только к значению, которое может быть пустым (null)"),
    ];

    /// <summary>The parser's <paramref name="message"/> in Russian, or quoted after «ошибка разбора» when its template is not known here.</summary>
    public static string Translate(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var trimmed = message.Trim();
        foreach (var (pattern, russian) in Templates)
        {
            if (pattern.IsMatch(trimmed))
            {
                return pattern.Replace(trimmed, russian);
            }
        }

        return $"ошибка разбора ({trimmed})";
    }
}
