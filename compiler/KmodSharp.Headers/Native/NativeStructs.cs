using System.Runtime.InteropServices;

namespace KmodSharp.Headers.Native;

// The layouts below mirror clang-c/Index.h field for field; libclang passes them by value, so a
// wrong size or order would corrupt the stack rather than fail loudly.

/// <summary>A libclang cursor: a pointer into a translation unit's AST, valid only while that unit lives.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct CXCursor
{
    public readonly CXCursorKind Kind;
    public readonly int XData;
    public readonly nint Data0;
    public readonly nint Data1;
    public readonly nint Data2;
}

/// <summary>A libclang type handle, valid only while its translation unit lives.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct CXType
{
    public readonly CXTypeKind Kind;
    public readonly nint Data0;
    public readonly nint Data1;
}

/// <summary>A position in a translation unit's source.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct CXSourceLocation
{
    public readonly nint Ptr0;
    public readonly nint Ptr1;
    public readonly uint IntData;
}

/// <summary>An in-memory file handed to the parser in place of (or in addition to) the file system.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXUnsavedFile
{
    public byte* Filename;
    public byte* Contents;
    public nuint Length;
}

/// <summary>A half-open range of source locations.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct CXSourceRange
{
    public readonly nint Ptr0;
    public readonly nint Ptr1;
    public readonly uint BeginIntData;
    public readonly uint EndIntData;
}

/// <summary>A preprocessing token of a translation unit.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct CXToken
{
    public readonly uint IntData0;
    public readonly uint IntData1;
    public readonly uint IntData2;
    public readonly uint IntData3;
    public readonly nint PtrData;
}
