namespace SchoolRisk.Domain.Uploads.Values;

/// <summary>
/// What a cell gave for an indicator: a value (<c>null</c>: missing), a problem (why it cannot be read, in Russian, to
/// follow «Файл …, строка …, столбец …:»), or a number <see cref="Pending"/> the file's decimal mark must settle.
/// </summary>
public readonly record struct ValueReading(decimal? Value, string? Problem, NumberText? Pending)
{
    public static ValueReading Missing => default;

    public bool IsProblem => Problem is not null;

    public bool IsPending => Pending is not null;

    public static ValueReading Of(decimal value) => new(value, null, null);

    public static ValueReading Refused(string problem) => new(null, problem, null);
}
