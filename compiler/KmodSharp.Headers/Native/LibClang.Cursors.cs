using System.Runtime.InteropServices;

namespace KmodSharp.Headers.Native;

// Cursor queries: declarations, their properties and children.
internal static unsafe partial class LibClang
{
    [LibraryImport(LibraryName)]
    internal static partial uint clang_visitChildren(
        CXCursor parent,
        delegate* unmanaged<CXCursor, CXCursor, nint, CXChildVisitResult> visitor,
        nint clientData);

    [LibraryImport(LibraryName)]
    private static partial CXString clang_getCursorSpelling(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial CXSourceLocation clang_getCursorLocation(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial CXType clang_getCursorType(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial CXType clang_getCursorResultType(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial int clang_Cursor_getNumArguments(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);

    [LibraryImport(LibraryName)]
    internal static partial CXStorageClass clang_Cursor_getStorageClass(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_Cursor_isFunctionInlined(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_isCursorDefinition(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial CXCursor clang_getCursorDefinition(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial int clang_Cursor_isNull(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_isInvalidDeclaration(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_Cursor_isAnonymous(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_Cursor_isAnonymousRecordDecl(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_Cursor_isBitField(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial int clang_getFieldDeclBitWidth(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial long clang_Cursor_getOffsetOfField(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial long clang_getEnumConstantDeclValue(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial ulong clang_getEnumConstantDeclUnsignedValue(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial CXType clang_getEnumDeclIntegerType(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial CXType clang_getTypedefDeclUnderlyingType(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_Cursor_isMacroFunctionLike(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_Cursor_isMacroBuiltin(CXCursor cursor);

    internal static string GetCursorSpelling(CXCursor cursor) => Consume(clang_getCursorSpelling(cursor));
}
