namespace SchoolRisk.Storage.Uploads;

/// <summary>An open upload: its content stream and the version (ETag) being read.</summary>
public sealed record UploadContent(Stream Content, string ETag) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
