using System.Globalization;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Uploads.Values;

/// <summary>
/// Reads a cell as a value of an indicator, as the person who filled it in sees it:
/// <list type="bullet">
/// <item>a spreadsheet cell formatted as percent holds the fraction (12,5 % is stored as 0.125): a percent indicator
/// reads 12.5, an index 0.125; any other unit refuses it, asking for a number format;</item>
/// <item>a cell formatted as a date is never a number (Excel turns «3.5» typed in a Russian Excel into 3 May): it is
/// refused, quoting what the sheet shows and saying to set a number format;</item>
/// <item>text: a leading apostrophe (a number kept as text) is dropped; empty, «-», «—», «н/д», «нет данных» is a
/// missing value; flags and zones also take their words; a number may carry «%» (percent indicators) or «‰»
/// (per-thousand indicators), thousands separators and either decimal mark (<see cref="NumberText"/>); a value the
/// file's decimal mark must settle is <see cref="ValueReading.Pending"/> until <see cref="Settle"/>.</item>
/// </list>
/// Every value is kept to 15 significant digits (<see cref="Precision"/>) and checked against its unit's range.
/// </summary>
public static class IndicatorValues
{
    private static readonly string[] MissingMarks = ["-", "—", "–", "н/д", "нет данных", "нд"];

    /// <summary>Reads <paramref name="cell"/> for <paramref name="indicator"/>; a number that shows the file's decimal mark is added to <paramref name="evidence"/>.</summary>
    public static ValueReading Read(TableCell cell, Indicator indicator, DecimalMarkEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(evidence);
        var unit = indicator.Unit;
        switch (cell.Format)
        {
            case CellFormat.Error:
                return ValueReading.Refused(
                    $"в ячейке ошибка формулы «{UploadText.Quote(cell.Text)}»: значение не вычислено. Исправьте формулу или, если данных нет, оставьте ячейку пустой.");
            case CellFormat.Date:
                return ValueReading.Refused(
                    $"в ячейке дата «{UploadText.Quote(cell.Text)}», а не число: Excel превратил введённое значение в дату. " +
                    "Задайте ячейкам столбца числовой формат (Формат ячеек → Числовой) и введите значения заново.");
            case CellFormat.Percent when cell.Number is { } fraction:
                return unit switch
                {
                    IndicatorUnit.Percent => Checked(fraction * 100, unit, cell.Text),
                    IndicatorUnit.Index => Checked(fraction, unit, cell.Text),
                    _ => ValueReading.Refused(
                        $"значение «{UploadText.Quote(cell.Text)}» записано в процентном формате, а показатель измеряется {unit.Describe()}; " +
                        "задайте ячейке числовой формат и введите значение заново."),
                };
            case CellFormat.Number or CellFormat.Percent:
                return cell.Number is { } number
                    ? Checked(number, unit, cell.Text)
                    : ValueReading.Refused($"значение «{UploadText.Quote(cell.Text)}» не является числом допустимой величины ({unit.Range().Text}).");
            default:
                return ReadText(cell.Text, unit, evidence);
        }
    }

    /// <summary>A <see cref="ValueReading.Pending"/> value read with the file's decimal mark, or refused when the file leaves it ambiguous.</summary>
    public static ValueReading Settle(ValueReading reading, string? text, Indicator indicator, DecimalMark mark)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (reading.Pending is not { } number)
        {
            return reading;
        }

        if (number.ValueWith(mark) is { } value)
        {
            return Checked(value, indicator.Unit, text);
        }

        var separator = number.Separator == ',' ? "запятая" : "точка";
        return ValueReading.Refused(
            $"значение «{UploadText.Quote(text)}» можно прочесть двояко: как {Show(number.Value)} ({separator} — десятичный разделитель) или как " +
            $"{Show(number.WholeReading!.Value)} ({separator} разделяет тысячи), а другие числа файла не показывают, какой разделитель в нём десятичный. " +
            "Запишите число без разделителя тысяч или с другим числом знаков после запятой.");
    }

    private static ValueReading ReadText(string? raw, IndicatorUnit unit, DecimalMarkEvidence evidence)
    {
        var text = raw?.Trim() ?? string.Empty;
        if (text.StartsWith('\''))
        {
            text = text[1..].Trim();
        }

        if (text.Length == 0 || MissingMarks.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return ValueReading.Missing;
        }

        if (unit.TryReadWord(text, out var word))
        {
            return ValueReading.Of(word);
        }

        var sign = text[^1] is '%' or '‰' ? text[^1] : (char?)null;
        var body = sign is null ? text : text[..^1];
        if (!NumberText.TryParse(body, out var number))
        {
            return ValueReading.Refused($"значение «{UploadText.Quote(raw)}» {unit.NotAValue()}.");
        }

        evidence.Add(number);
        if (sign is { } unitSign && !Fits(unitSign, unit))
        {
            return ValueReading.Refused(unitSign == '%'
                ? $"значение «{UploadText.Quote(raw)}» записано в процентах, а показатель измеряется {unit.Describe()}; уберите знак «%» и проверьте значение."
                : $"значение «{UploadText.Quote(raw)}» записано в промилле (‰), а показатель измеряется {unit.Describe()}; уберите знак «‰» и проверьте значение.");
        }

        return number.IsAmbiguous ? new ValueReading(null, null, number) : Checked(number.Value, unit, raw);
    }

    private static bool Fits(char sign, IndicatorUnit unit) =>
        (sign == '%' && unit == IndicatorUnit.Percent) || (sign == '‰' && unit == IndicatorUnit.PerThousand);

    private static ValueReading Checked(decimal value, IndicatorUnit unit, string? text)
    {
        value = Precision.Round(value);
        return unit.InRange(value)
            ? ValueReading.Of(value)
            : ValueReading.Refused($"значение «{UploadText.Quote(text)}» вне допустимого диапазона ({unit.Range().Text}).");
    }

    private static string Show(decimal value) => value.ToString("#,0.############", CultureInfo.GetCultureInfo("ru-RU"));
}
