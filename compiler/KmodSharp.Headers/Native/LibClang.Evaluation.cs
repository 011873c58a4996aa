using System.Runtime.InteropServices;

namespace KmodSharp.Headers.Native;

// Constant evaluation of a variable's initializer, used to compute macro values.
internal static partial class LibClang
{
    [LibraryImport(LibraryName)]
    internal static partial nint clang_Cursor_Evaluate(CXCursor cursor);

    [LibraryImport(LibraryName)]
    internal static partial CXEvalResultKind clang_EvalResult_getKind(nint result);

    [LibraryImport(LibraryName)]
    internal static partial uint clang_EvalResult_isUnsignedInt(nint result);

    [LibraryImport(LibraryName)]
    internal static partial long clang_EvalResult_getAsLongLong(nint result);

    [LibraryImport(LibraryName)]
    internal static partial ulong clang_EvalResult_getAsUnsigned(nint result);

    [LibraryImport(LibraryName)]
    internal static partial void clang_EvalResult_dispose(nint result);
}
