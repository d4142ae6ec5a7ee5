using System.Net;
using System.Text;

namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>
/// Writes a letter's (or an analytical note's) HTML and plain text side by side, so the two alternatives always say
/// the same; every text is HTML-encoded. A figure is drawn in the HTML and described by its caption in the text.
/// </summary>
internal sealed class LetterBuilder
{
    private readonly StringBuilder _html = new();
    private readonly StringBuilder _text = new();

    public LetterBuilder(string title)
    {
        _html.Append("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;font-size:14px;color:#222\">");
        Heading(title, level: 1);
    }

    public LetterBuilder Heading(string text, int level = 2)
    {
        _html.Append("<h").Append(level).Append('>').Append(Encode(text)).Append("</h").Append(level).Append('>');
        _text.AppendLine().AppendLine(text).AppendLine(new string(level == 1 ? '=' : '-', text.Length));
        return this;
    }

    public LetterBuilder Paragraph(string text)
    {
        _html.Append("<p>").Append(Encode(text)).Append("</p>");
        _text.AppendLine(text).AppendLine();
        return this;
    }

    /// <summary>A paragraph ending in a link: an anchor in the HTML, the address written out in the text.</summary>
    public LetterBuilder Link(string text, string linkText, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        _html.Append("<p>").Append(Encode(text)).Append(" <a href=\"").Append(Encode(url.AbsoluteUri)).Append("\">").Append(Encode(linkText)).Append("</a></p>");
        _text.Append(text).Append(' ').Append(linkText).Append(": ").AppendLine(url.AbsoluteUri).AppendLine();
        return this;
    }

    public LetterBuilder Bullets(IEnumerable<string> items)
    {
        _html.Append("<ul>");
        foreach (var item in items)
        {
            _html.Append("<li>").Append(Encode(item)).Append("</li>");
            _text.Append("  • ").AppendLine(item);
        }

        _html.Append("</ul>");
        _text.AppendLine();
        return this;
    }

    /// <summary>A figure: <paramref name="svg"/> is markup this assembly drew (never user text), <paramref name="caption"/> says what it shows.</summary>
    public LetterBuilder Figure(string svg, string caption)
    {
        _html.Append("<figure>").Append(svg).Append("<figcaption>").Append(Encode(caption)).Append("</figcaption></figure>");
        _text.AppendLine(caption).AppendLine();
        return this;
    }

    public LetterBuilder Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        _html.Append("<table style=\"border-collapse:collapse\" border=\"1\" cellpadding=\"4\"><tr>");
        foreach (var header in headers)
        {
            _html.Append("<th style=\"background:#eee;text-align:left\">").Append(Encode(header)).Append("</th>");
        }

        _html.Append("</tr>");
        _text.AppendLine(string.Join(" | ", headers));
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            foreach (var cell in row)
            {
                _html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            _html.Append("</tr>");
            _text.AppendLine(string.Join(" | ", row));
        }

        _html.Append("</table>");
        _text.AppendLine();
        return this;
    }

    public Letter Build(string subject) =>
        new(subject, _html.ToString() + "</body></html>", _text.ToString().Trim() + Environment.NewLine);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
