using System.IO.Compression;

namespace SchoolRisk.TestFiles.Workbooks;

/// <summary>ZIP archives of text entries, for files that look like workbooks and are not (.ods, .docx, a zipped CSV).</summary>
public static class Archives
{
    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }
}
