using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchoolRisk.LocalHost.Configuration;

/// <summary>
/// The function app's <c>host.json</c>, read from its output folder, with the overrides the Functions host takes from
/// app settings named <c>AzureFunctionsJobHost__{path}</c> (for example
/// <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c>; "Override host.json values" in the Functions
/// docs). What the local host uses of it: <see cref="Queues"/>, <see cref="HttpRoutePrefix"/> and
/// <see cref="FunctionTimeout"/>.
/// </summary>
/// <param name="Queues"><c>extensions.queues</c>.</param>
/// <param name="HttpRoutePrefix"><c>extensions.http.routePrefix</c>, default <c>api</c>; may be empty.</param>
/// <param name="FunctionTimeout">
/// <c>functionTimeout</c> (<c>hh:mm:ss</c>); <c>null</c> when it is <c>-1</c> (no limit). Default 30 minutes, the
/// Functions host's default outside the Consumption plan.
/// </param>
public sealed record HostJson(QueuesSettings Queues, string HttpRoutePrefix, TimeSpan? FunctionTimeout)
{
    /// <summary>The prefix of app settings that override <c>host.json</c> values.</summary>
    public const string OverridePrefix = "AzureFunctionsJobHost__";

    private static readonly TimeSpan DefaultFunctionTimeout = TimeSpan.FromMinutes(30);

    private static readonly JsonDocumentOptions Json = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// The longest <c>functionTimeout</c> the local host can time (a timer's limit, about 49.7 days); a longer one is
    /// taken as no limit, as the Functions host's own timer cannot fire later either.
    /// </summary>
    internal static readonly TimeSpan LongestTimedTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>The shortest <c>functionTimeout</c> the Functions host takes (<c>ScriptJobHostOptionsSetup.MinFunctionTimeout</c>).</summary>
    private static readonly TimeSpan MinFunctionTimeout = TimeSpan.FromSeconds(1);

    /// <exception cref="InvalidOperationException">
    /// The folder has no <c>host.json</c>, it is not JSON, or a value the local host uses is one the Functions host
    /// refuses at start (named with the file and the key): <c>functionTimeout</c> under 1 second and not <c>-1</c>, or an
    /// <c>extensions.queues</c> value out of range (<see cref="QueuesSettings.Read"/>).
    /// </exception>
    public static HostJson Load(string appFolder, IEnumerable<KeyValuePair<string, string>> appSettings)
    {
        ArgumentNullException.ThrowIfNull(appSettings);
        var path = Path.Combine(appFolder, "host.json");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"No host.json in '{Path.GetFullPath(appFolder)}': that is not a function app's output folder.");
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: Json) as JsonObject
                ?? throw new InvalidOperationException($"{path} is not a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {exception.Message}", exception);
        }

        foreach (var (name, value) in appSettings.Where(setting => setting.Key.StartsWith(OverridePrefix, StringComparison.OrdinalIgnoreCase)))
        {
            Override(root, name[OverridePrefix.Length..].Split(["__", ":"], StringSplitOptions.RemoveEmptyEntries), value);
        }

        var extensions = Section(root, "extensions");
        try
        {
            return new HostJson(
                QueuesSettings.Read(Section(extensions, "queues")),
                Text(Section(extensions, "http"), "routePrefix") ?? "api",
                FunctionTimeoutOf(Text(root, "functionTimeout")));
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{path}: {exception.Message}", exception);
        }
    }

    /// <summary>A time span a setting gives as text (<c>hh:mm:ss</c>, <c>d.hh:mm:ss</c>), or a <see cref="FormatException"/> naming it.</summary>
    internal static TimeSpan TimeOf(string key, string text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var time)
            ? time
            : throw new FormatException($"{key} is «{text}», not a time span like 00:05:00.");

    private static TimeSpan? FunctionTimeoutOf(string? text)
    {
        if (text is null)
        {
            return DefaultFunctionTimeout;
        }

        if (text.Trim() == "-1")
        {
            return null;
        }

        var timeout = TimeOf("functionTimeout", text);
        if (timeout < MinFunctionTimeout)
        {
            throw new FormatException($"functionTimeout is {timeout}; the Functions host takes at least {MinFunctionTimeout}, or -1 for no limit.");
        }

        return timeout > LongestTimedTimeout ? null : timeout;
    }

    /// <summary>A property's value as text (a string, or a number or boolean as written), matched ignoring case.</summary>
    internal static string? Text(JsonObject? section, string name) =>
        Property(section, name) is JsonValue value
            ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
            : null;

    private static JsonObject? Section(JsonObject? parent, string name) => Property(parent, name) as JsonObject;

    private static JsonNode? Property(JsonObject? section, string name) =>
        section?.FirstOrDefault(property => property.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static void Override(JsonObject root, string[] path, string value)
    {
        var current = root;
        foreach (var segment in path[..^1])
        {
            if (Section(current, segment) is not { } next)
            {
                next = [];
                current[Key(current, segment)] = next;
            }

            current = next;
        }

        current[Key(current, path[^1])] = JsonValue.Create(value);
    }

    /// <summary>The existing property's spelling when there is one, so an override replaces it rather than adding a twin.</summary>
    private static string Key(JsonObject section, string name) =>
        section.Select(property => property.Key).FirstOrDefault(key => key.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? name;
}
