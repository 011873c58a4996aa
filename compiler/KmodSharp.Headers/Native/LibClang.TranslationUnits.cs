using System.Runtime.InteropServices;

namespace KmodSharp.Headers.Native;

// Index, translation unit and diagnostic lifetimes. Each create/get has its dispose here, and the
// Reading layer pairs them with SafeHandles or try/finally.
internal static unsafe partial class LibClang
{
    [LibraryImport(LibraryName)]
    internal static partial nint clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);

    [LibraryImport(LibraryName)]
    internal static partial void clang_disposeIndex(nint index);

    [LibraryImport(LibraryName)]
    internal static partial CXErrorCode clang_parseTranslationUnit2(
        nint index,
        byte* sourceFilename,
        byte** commandLineArgs,
        int numCommandLineArgs,
        CXUnsavedFile* unsavedFiles,
        uint numUnsavedFiles,
        CXTranslationUnitFlags options,
        nint* translationUnit);

    [LibraryImport(LibraryName)]
    internal static partial void clang_disposeTranslationUnit(nint translationUnit);

    [LibraryImport(LibraryName)]
    internal static partial CXCursor clang_getTranslationUnitCursor(nint translationUnit);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_getNumDiagnostics(nint translationUnit);

    [LibraryImport(LibraryName)]
    internal static partial nint clang_getDiagnostic(nint translationUnit, uint index);

    [LibraryImport(LibraryName)]
    internal static partial void clang_disposeDiagnostic(nint diagnostic);

    [LibraryImport(LibraryName)]
    internal static partial CXDiagnosticSeverity clang_getDiagnosticSeverity(nint diagnostic);

    [LibraryImport(LibraryName)]
    internal static partial CXSourceLocation clang_getDiagnosticLocation(nint diagnostic);

    [LibraryImport(LibraryName)]
    private static partial CXString clang_getDiagnosticSpelling(nint diagnostic);

    [LibraryImport(LibraryName)]
    private static partial void clang_getPresumedLocation(CXSourceLocation location, CXString* filename, uint* line, uint* column);

    [LibraryImport(LibraryName)]
    internal static partial int clang_Location_isFromMainFile(CXSourceLocation location);

    [LibraryImport(LibraryName)]
    internal static partial int clang_Location_isInSystemHeader(CXSourceLocation location);

    internal static string GetDiagnosticSpelling(nint diagnostic) => Consume(clang_getDiagnosticSpelling(diagnostic));

    /// <summary>File, line and column as a compiler would print them (honouring <c>#line</c>).</summary>
    internal static (string File, int Line, int Column) GetPresumedLocation(CXSourceLocation location)
    {
        CXString file;
        uint line;
        uint column;
        clang_getPresumedLocation(location, &file, &line, &column);
        return (Consume(file), (int)line, (int)column);
    }
}
