using System.Text;
using System.Text.Json;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// The broker's data on disk: an append-only journal, <c>journal.jsonl</c> in the data directory, one JSON
/// <see cref="JournalRecord"/> a line. A record is written and flushed to the operating system before the change it
/// records is acknowledged (a message's <c>Accepted</c> outcome, a settlement's answer, a management call's response),
/// so a stopped or killed broker loses nothing it acknowledged; a machine crash may lose what the OS had not yet
/// written (no fsync a record: crash-safe enough for tests and demos, not a database). A last line cut short by a
/// crash is dropped when the journal is opened; any other unreadable line is an error naming the line.
/// The journal is never compacted: it grows with every message for as long as the directory is kept.
/// </summary>
internal sealed class BrokerJournal : IDisposable
{
    public const string FileName = "journal.jsonl";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FileStream _file;

    private BrokerJournal(FileStream file) => _file = file;

    /// <summary>Opens (or creates) the journal in <paramref name="directory"/> and reads back its records, oldest first.</summary>
    public static BrokerJournal Open(string directory, out IReadOnlyList<JournalRecord> records)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            records = ReadAll(file, path);
            file.Seek(0, SeekOrigin.End);
            return new BrokerJournal(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Writes one record and flushes it to the operating system.</summary>
    public void Append(JournalRecord record)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        _file.Write(line);
        _file.WriteByte((byte)'\n');
        _file.Flush(flushToDisk: false);
    }

    public void Dispose() => _file.Dispose();

    private static List<JournalRecord> ReadAll(FileStream file, string path)
    {
        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        var records = new List<JournalRecord>();
        var start = 0;
        var lineNumber = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                // The last line was being written when the broker stopped: it was never acknowledged; drop it.
                file.SetLength(start);
                break;
            }

            lineNumber++;
            var line = bytes.AsSpan(start, end - start);
            if (line.Length > 0)
            {
                try
                {
                    records.Add(JsonSerializer.Deserialize<JournalRecord>(line, Json)
                        ?? throw new JsonException("The line is null."));
                }
                catch (JsonException exception)
                {
                    throw new InvalidDataException(
                        $"{path}, line {lineNumber}, is not a journal record ({exception.Message}): {Encoding.UTF8.GetString(line[..Math.Min(line.Length, 200)])}",
                        exception);
                }
            }

            start = end + 1;
        }

        return records;
    }
}
