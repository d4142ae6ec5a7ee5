namespace SchoolRisk.Storage.Uploads;

/// <summary>An upload's version (ETag), size and creation time.</summary>
public sealed record UploadBlobInfo(string ETag, long Length, DateTimeOffset CreatedOn);
