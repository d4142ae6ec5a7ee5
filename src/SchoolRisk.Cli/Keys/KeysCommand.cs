using System.CommandLine;
using SchoolRisk.LocalHost;
using SchoolRisk.LocalHost.Keys;
using Spectre.Console;

namespace SchoolRisk.Cli.Keys;

/// <summary>
/// <c>schoolrisk keys set</c>: issues a function key on a local deployment (the keys the local host checks, kept as the
/// Functions host keeps them in <c>azure-webjobs-secrets</c>). Key names carry the scope: <c>committee</c> sees the
/// region, <c>municipality-{id}</c> one municipality, <c>rules-admin</c> (on <c>PreviewRules</c>) previews rules. In
/// Azure the same names are set with <c>az functionapp keys set</c> (see the README).
/// </summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var connection = new StorageConnection();
        var name = new Option<string>("--name") { Description = "The key's name: committee, municipality-{id}, or rules-admin.", Required = true };
        var function = new Option<string?>("--function") { Description = "A function's key (for example PreviewRules); default: a host key, valid for every function." };
        var hostId = new Option<string>("--host-id") { Description = "The host id the keys belong to.", DefaultValueFactory = _ => new LocalHostOptions().HostId };
        var set = new Command("set", "Create or replace a key and print its value.") { name, function, hostId };
        set.SetAction(async (parse, cancellationToken) =>
        {
            var keys = new FunctionKeyStore(connection.Open(parse).Blobs, parse.GetValue(hostId)!);
            var value = await keys.SetAsync(parse.GetValue(function), parse.GetValue(name)!, cancellationToken: cancellationToken);
            AnsiConsole.MarkupLine($"Key [bold]{Markup.Escape(parse.GetValue(name)!)}[/] ({(parse.GetValue(function) is { } f ? $"function {Markup.Escape(f)}" : "host key")}):");
            Console.WriteLine(value);
            return 0;
        });
        var command = new Command("keys", "Function keys of a local deployment: who may call the HTTP functions, and what they see.") { set };
        connection.AddTo(command);
        return command;
    }
}
