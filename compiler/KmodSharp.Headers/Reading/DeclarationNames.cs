using System;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>Names of tag declarations, with anonymous ones told apart.</summary>
internal static class DeclarationNames
{
    /// <summary>The tag of a struct, union or enum declaration, or empty when it has none.</summary>
    /// <param name="declaration">The tag declaration.</param>
    /// <param name="canonicalSpelling">The canonical spelling of the declared type.</param>
    internal static string TagName(CXCursor declaration, string canonicalSpelling)
    {
        // clang_Cursor_isAnonymous is true for a tagless record with no typedef name. A tagless
        // record named by a typedef (typedef struct { … } foo_t;) is not "anonymous" to libclang:
        // it spells both cursor and type as "foo_t", without the "struct " a real tag gets.
        if (LibClang.clang_Cursor_isAnonymous(declaration) != 0 || !HasTagKeyword(canonicalSpelling))
        {
            return string.Empty;
        }

        return LibClang.GetCursorSpelling(declaration);
    }

    private static bool HasTagKeyword(string spelling) =>
        spelling.StartsWith("struct ", StringComparison.Ordinal)
        || spelling.StartsWith("union ", StringComparison.Ordinal)
        || spelling.StartsWith("enum ", StringComparison.Ordinal);
}
