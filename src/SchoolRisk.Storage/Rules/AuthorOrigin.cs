namespace SchoolRisk.Storage.Rules;

/// <summary>How the author of a rule change (<see cref="RuleChange.By"/>) is known: verified by the door it came through, or only declared.</summary>
public enum AuthorOrigin
{
    /// <summary>Declared in the edited blob's <c>changedby</c> metadata: whoever wrote the blob could write any name. Not verified.</summary>
    Declared,

    /// <summary>The identity signed in to Microsoft Entra that the CLI reached Azure with (the token's <c>upn</c>, <c>preferred_username</c> or <c>oid</c>).</summary>
    SignedIn,

    /// <summary>The name of the function key an HTTP caller presented, checked by the Functions host.</summary>
    FunctionKey,

    /// <summary>The CLI's <c>--by</c>, or the operating system's user, against the local emulator. Not verified.</summary>
    CommandLine,

    /// <summary>The function app itself (the first start's seeding).</summary>
    System,
}
