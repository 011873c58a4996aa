using System.Collections.Generic;
using System.Text;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// The naming rules the backend relies on: module and syscall names become C identifiers,
/// token-pasted by <c>SYSCALL_MODULE</c>, and module names <c>sys/&lt;name&gt;</c>.
/// </summary>
public static class CIdentifiers
{
    /// <summary>The longest name accepted (module names are stored in fixed-size buffers; keep a margin).</summary>
    public const int MaxLength = 32;

    private static readonly HashSet<string> Keywords = new()
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
        "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
        "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
        "volatile", "while", "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic",
        "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local", "asm", "typeof", "bool", "true",
        "false", "nullptr", "alignas", "alignof", "static_assert", "thread_local", "constexpr",
    };

    /// <summary>Whether <paramref name="name"/> is a C keyword (C17, C23 and the GNU extensions kernel code compiles with).</summary>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary><c>DoubleIt</c> → <c>double_it</c>, <c>HTTPGet</c> → <c>http_get</c>: the default syscall name.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool afterLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool endOfAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((afterLowerOrDigit || endOfAcronym) && builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Why <paramref name="name"/> is not a valid module or syscall name, or null when it is.</summary>
    public static string? Validate(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return "it is empty";
        }

        if (name.Length > MaxLength)
        {
            return "it is longer than " + MaxLength + " characters";
        }

        char first = name[0];
        if (!(first is >= 'a' and <= 'z' || first == '_'))
        {
            return "it must start with a lower-case letter or '_'";
        }

        foreach (char c in name)
        {
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '_'))
            {
                return "'" + c + "' is not a lower-case letter, digit or '_'";
            }
        }

        return Keywords.Contains(name) ? "it is a C keyword" : null;
    }
}
