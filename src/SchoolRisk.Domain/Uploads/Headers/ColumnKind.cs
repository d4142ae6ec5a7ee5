namespace SchoolRisk.Domain.Uploads.Headers;

/// <summary>What a column of an upload holds, as its header names it.</summary>
public enum ColumnKind
{
    /// <summary>The header names nothing the product knows: the column is not read, and the user is told.</summary>
    Unknown,

    /// <summary>The school's id in the registry: required.</summary>
    SchoolId,

    /// <summary>A column people keep for themselves (the school's name, a row number, the municipality): known, not read.</summary>
    Informative,

    /// <summary>An indicator of the catalog.</summary>
    Indicator,
}
