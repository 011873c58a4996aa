using System.Runtime.InteropServices;

namespace KmodSharp.Headers.Native;

// Tokenizing a cursor's extent, used to look at macro bodies before evaluating them.
internal static unsafe partial class LibClang
{
    [LibraryImport(LibraryName)]
    internal static partial CXSourceRange clang_getCursorExtent(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial void clang_tokenize(nint translationUnit, CXSourceRange range, CXToken** tokens, uint* numTokens);

    [LibraryImport(LibraryName)]
    internal static partial void clang_disposeTokens(nint translationUnit, CXToken* tokens, uint numTokens);

    [LibraryImport(LibraryName)]
    internal static partial CXTokenKind clang_getTokenKind(CXToken token);

    [LibraryImport(LibraryName)]
    private static partial CXString clang_getTokenSpelling(nint translationUnit, CXToken token);

    internal static string GetTokenSpelling(nint translationUnit, CXToken token) => Consume(clang_getTokenSpelling(translationUnit, token));
}
