namespace SchoolRisk.LocalHost.Bindings;

/// <summary>A resolved blob path, <c>{container}/{name}</c>: the container is the first segment, the name the rest.</summary>
internal sealed record BlobPath(string Container, string Name)
{
    /// <exception cref="InvalidOperationException">The path has no container or no name.</exception>
    public static BlobPath Parse(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == path.Length - 1)
        {
            throw new InvalidOperationException($"Invalid blob path '{path}': expected '{{container}}/{{name}}'.");
        }

        return new BlobPath(path[..slash], path[(slash + 1)..]);
    }
}
