using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;

namespace SchoolRisk.Functions.Http;

/// <summary>
/// Reading a request's body up to a limit, so that no caller makes a door hold more than it can need: the body is read
/// in chunks and the reading stops as soon as it passes the limit (the door then answers 413).
/// </summary>
public static class HttpBodies
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body's bytes; <c>null</c> when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequestData request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var body = new MemoryStream();
        var chunk = new byte[Math.Min(maxBytes + 1, 81_920)];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                return null;
            }

            body.Write(chunk, 0, read);
        }

        return body.ToArray();
    }

    /// <summary><paramref name="body"/> as <typeparamref name="T"/> (web JSON: camelCase, case-insensitive); <c>null</c> when it is not that JSON.</summary>
    public static T? JsonOf<T>(byte[] body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
