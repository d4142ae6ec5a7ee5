namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// An upload as a stream that can be read more than once: deciding a text file's encoding needs the whole file before
/// its first row, a JSON file's columns are the keys of all its records, and a workbook's directory is at its end. A
/// stream that cannot seek (a blob's download) is copied to a temporary file, deleted when this is disposed.
/// </summary>
internal sealed class SeekableContent : IAsyncDisposable
{
    private readonly FileStream? _copy;

    private SeekableContent(Stream stream, FileStream? copy)
    {
        Stream = stream;
        _copy = copy;
    }

    /// <summary>The content, at position 0.</summary>
    public Stream Stream { get; }

    public static async Task<SeekableContent> OpenAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek)
        {
            content.Position = 0;
            return new SeekableContent(content, null);
        }

        var copy = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await content.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            return new SeekableContent(copy, copy);
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    /// <summary>Up to <paramref name="count"/> bytes from the start, leaving the stream at position 0.</summary>
    public async Task<byte[]> HeadAsync(int count, CancellationToken cancellationToken)
    {
        Stream.Position = 0;
        var head = new byte[count];
        var length = await Stream.ReadAtLeastAsync(head, count, throwOnEndOfStream: false, cancellationToken);
        Stream.Position = 0;
        return head[..length];
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }
    }
}
