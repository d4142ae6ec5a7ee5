namespace SchoolRisk.LocalHost.Keys;

/// <summary>One named key as the Functions host stores it (<c>encrypted</c> is always <c>false</c> here).</summary>
public sealed record FunctionKey(string Name, string Value, bool Encrypted = false);
