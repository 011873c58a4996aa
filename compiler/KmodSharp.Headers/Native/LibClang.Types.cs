using System.Runtime.InteropServices;

namespace KmodSharp.Headers.Native;

// Type queries: structure (pointee, element, result, arguments), qualifiers and layout.
internal static unsafe partial class LibClang
{
    [LibraryImport(LibraryName)]
    private static partial CXString clang_getTypeSpelling(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial CXType clang_getCanonicalType(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial CXType clang_getPointeeType(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial CXType clang_getArrayElementType(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial long clang_getArraySize(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial CXCursor clang_getTypeDeclaration(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_isConstQualifiedType(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_isVolatileQualifiedType(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_isRestrictQualifiedType(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial CXType clang_getResultType(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial int clang_getNumArgTypes(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial CXType clang_getArgType(CXType type, uint index);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_isFunctionTypeVariadic(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial CXType clang_Type_getNamedType(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial CXType clang_Type_getModifiedType(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial long clang_Type_getSizeOf(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial long clang_Type_getAlignOf(CXType type);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_Type_visitFields(
        CXType type,
        delegate* unmanaged<CXCursor, nint, CXVisitorResult> visitor,
        nint clientData);

    internal static string GetTypeSpelling(CXType type) => Consume(clang_getTypeSpelling(type));
}
