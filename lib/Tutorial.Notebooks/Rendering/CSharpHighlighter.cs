using System.Text;

namespace Tutorial.Notebooks.Rendering;

/// <summary>A small C# tokenizer that wraps tokens in <c>&lt;span class="tok-…"&gt;</c> for the site's CSS.</summary>
/// <remarks>It only needs to be right for readable notebook code, not for every corner of the grammar: comments,
/// strings (regular, verbatim, interpolated, raw), characters, numbers, keywords, type-like names and the notebook
/// directives (<c>#r</c>, <c>#!</c>). Everything is HTML-encoded; nothing is executed.</remarks>
public static class CSharpHighlighter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "async", "await", "base", "break", "case", "catch", "checked", "class", "const", "continue",
        "default", "delegate", "do", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "for",
        "foreach", "from", "get", "goto", "if", "implicit", "in", "init", "interface", "internal", "is", "let", "lock",
        "nameof", "namespace", "new", "null", "operator", "out", "override", "params", "private", "protected", "public",
        "readonly", "record", "ref", "required", "return", "sealed", "select", "set", "sizeof", "stackalloc", "static",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "unchecked", "unsafe", "using", "var", "virtual",
        "void", "volatile", "when", "where", "while", "with", "yield", "and", "or", "not",
    };

    private static readonly HashSet<string> BuiltInTypes = new(StringComparer.Ordinal)
    {
        "bool", "byte", "char", "decimal", "double", "dynamic", "float", "int", "long", "nint", "nuint", "object",
        "sbyte", "short", "string", "uint", "ulong", "ushort",
    };

    /// <summary>Returns HTML for <paramref name="code"/> (without the surrounding <c>&lt;pre&gt;</c>).</summary>
    public static string Highlight(string code)
    {
        var html = new StringBuilder(code.Length * 2);
        var i = 0;
        var atLineStart = true;
        while (i < code.Length)
        {
            var c = code[i];
            int end;
            string? css;

            if (atLineStart && c == '#')
            {
                end = LineEnd(code, i);
                css = "directive";
            }
            else if (c == '/' && Peek(code, i + 1) == '/')
            {
                end = LineEnd(code, i);
                css = "comment";
            }
            else if (c == '/' && Peek(code, i + 1) == '*')
            {
                var close = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = close < 0 ? code.Length : close + 2;
                css = "comment";
            }
            else if (StringStart(code, i) is { } stringEnd)
            {
                end = stringEnd;
                css = "string";
            }
            else if (c == '\'')
            {
                end = QuotedEnd(code, i + 1, '\'', escapes: true);
                css = "string";
            }
            else if (char.IsDigit(c))
            {
                end = i + 1;
                while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] is '_' or '.') && !(code[end] == '.' && !char.IsDigit(Peek(code, end + 1))))
                {
                    end++;
                }

                css = "number";
            }
            else if (char.IsLetter(c) || c == '_' || c == '@')
            {
                end = i + 1;
                while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] == '_'))
                {
                    end++;
                }

                var word = code[i..end].TrimStart('@');
                css = Keywords.Contains(word) ? "keyword"
                    : BuiltInTypes.Contains(word) ? "type"
                    : char.IsUpper(word[0]) ? "name"
                    : null;
            }
            else
            {
                end = i + 1;
                css = null;
            }

            Append(html, code[i..end], css);
            // Directives (#r, #!) only count at the start of a line, after optional indentation.
            atLineStart = c == '\n' || (atLineStart && c is ' ' or '\t');
            i = end;
        }

        return html.ToString();
    }

    private static void Append(StringBuilder html, string text, string? css)
    {
        var encoded = Html.Encode(text);
        if (css is null)
        {
            html.Append(encoded);
        }
        else
        {
            html.Append("<span class=\"tok-").Append(css).Append("\">").Append(encoded).Append("</span>");
        }
    }

    // Returns the end of a string literal starting at i (any mix of $ and @ prefixes, raw """ strings), or null.
    private static int? StringStart(string code, int i)
    {
        var j = i;
        var verbatim = false;
        while (j < code.Length && code[j] is '$' or '@')
        {
            verbatim |= code[j] == '@';
            j++;
        }

        if (Peek(code, j) != '"')
        {
            return null;
        }

        if (code.AsSpan(j).StartsWith("\"\"\""))
        {
            var quotes = 0;
            while (Peek(code, j + quotes) == '"')
            {
                quotes++;
            }

            var close = code.IndexOf(new string('"', quotes), j + quotes, StringComparison.Ordinal);
            return close < 0 ? code.Length : close + quotes;
        }

        return QuotedEnd(code, j + 1, '"', escapes: !verbatim);
    }

    private static int QuotedEnd(string code, int from, char quote, bool escapes)
    {
        var k = from;
        while (k < code.Length)
        {
            if (escapes && code[k] == '\\')
            {
                k += 2;
                continue;
            }

            if (code[k] == quote)
            {
                // In verbatim strings a doubled quote is an escaped quote.
                if (!escapes && Peek(code, k + 1) == quote)
                {
                    k += 2;
                    continue;
                }

                return k + 1;
            }

            if (code[k] == '\n' && escapes)
            {
                return k;
            }

            k++;
        }

        return code.Length;
    }

    private static int LineEnd(string code, int from)
    {
        var newline = code.IndexOf('\n', from);
        return newline < 0 ? code.Length : newline;
    }

    private static char Peek(string code, int index) => index < code.Length ? code[index] : '\0';
}
