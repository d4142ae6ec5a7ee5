namespace SchoolRisk.TestFiles.Workbooks;

/// <summary>A cell as a test writes it into a workbook.</summary>
public abstract record SheetValue
{
    public static implicit operator SheetValue(string text) => new TextValue(text);

    public static implicit operator SheetValue(double number) => new NumberValue(number);
}

/// <summary>Text; <paramref name="QuotePrefix"/> is Excel's «'12,5» (a number kept as text).</summary>
public sealed record TextValue(string Text, bool QuotePrefix = false) : SheetValue;

/// <summary>A number with an Excel number format (<c>null</c>: General), for example «0.0%», «0,0» or «dd.mm.yyyy».</summary>
public sealed record NumberValue(double Value, string? Format = null) : SheetValue;

/// <summary>A formula with the value Excel cached for it.</summary>
public sealed record FormulaValue(string Formula, double Cached, string? Format = null) : SheetValue;

public sealed record BoolValue(bool Value) : SheetValue;

/// <summary>A formula's error as Excel stores it («#DIV/0!», «#N/A»).</summary>
public sealed record ErrorValue(string Error) : SheetValue;

/// <summary>A sheet: its name, rows (a <c>null</c> cell is empty; an empty row is a gap), and whether it is hidden.</summary>
public sealed record TestSheet(string Name, IReadOnlyList<IReadOnlyList<SheetValue?>> Rows, bool Hidden = false);
