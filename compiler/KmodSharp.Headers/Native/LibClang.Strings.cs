using System.Runtime.InteropServices;

namespace KmodSharp.Headers.Native;

internal static unsafe partial class LibClang
{
    /// <summary>The library name the runtime resolves to <c>libclang.so</c>, <c>libclang.dylib</c> or <c>libclang.dll</c>.</summary>
    internal const string LibraryName = "libclang";

    [LibraryImport(LibraryName)]
    private static partial byte* clang_getCString(CXString text);

    [LibraryImport(LibraryName)]
    private static partial void clang_disposeString(CXString text);

    [LibraryImport(LibraryName)]
    private static partial CXString clang_getClangVersion();

    /// <summary>Copies a libclang string into a managed one and releases it.</summary>
    internal static string Consume(CXString text)
    {
        try
        {
            byte* chars = clang_getCString(text);
            return chars is null ? string.Empty : Marshal.PtrToStringUTF8((nint)chars) ?? string.Empty;
        }
        finally
        {
            clang_disposeString(text);
        }
    }

    /// <summary>The version banner of the loaded libclang, e.g. <c>clang version 22.1.8</c>.</summary>
    internal static string GetClangVersion()
    {
        NativeEnvironment.EnsureConfigured();
        return Consume(clang_getClangVersion());
    }
}
