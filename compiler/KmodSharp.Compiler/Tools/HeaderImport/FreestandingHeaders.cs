using System.IO;

namespace KmodSharp.Compiler.Tools.HeaderImport;

/// <summary>
/// The few C library headers a shared struct header includes for its types (<c>stdint.h</c>,
/// <c>stddef.h</c>, <c>stdbool.h</c>), written from clang's predefined type macros so they answer
/// for the parse target and no host header leaks in (the libclang package ships no resource folder).
/// </summary>
internal static class FreestandingHeaders
{
    private const string StdInt = """
        #ifndef _KMODSHARP_STDINT_H_
        #define _KMODSHARP_STDINT_H_
        typedef __INT8_TYPE__ int8_t;
        typedef __INT16_TYPE__ int16_t;
        typedef __INT32_TYPE__ int32_t;
        typedef __INT64_TYPE__ int64_t;
        typedef __UINT8_TYPE__ uint8_t;
        typedef __UINT16_TYPE__ uint16_t;
        typedef __UINT32_TYPE__ uint32_t;
        typedef __UINT64_TYPE__ uint64_t;
        typedef __INTPTR_TYPE__ intptr_t;
        typedef __UINTPTR_TYPE__ uintptr_t;
        typedef __INTMAX_TYPE__ intmax_t;
        typedef __UINTMAX_TYPE__ uintmax_t;
        #endif

        """;

    private const string StdDef = """
        #ifndef _KMODSHARP_STDDEF_H_
        #define _KMODSHARP_STDDEF_H_
        typedef __SIZE_TYPE__ size_t;
        typedef __PTRDIFF_TYPE__ ptrdiff_t;
        typedef __WCHAR_TYPE__ wchar_t;
        #define NULL ((void *)0)
        #define offsetof(t, m) __builtin_offsetof(t, m)
        #endif

        """;

    private const string StdBool = """
        #ifndef _KMODSHARP_STDBOOL_H_
        #define _KMODSHARP_STDBOOL_H_
        #define bool _Bool
        #define true 1
        #define false 0
        #endif

        """;

    /// <summary>Writes the headers into <paramref name="directory"/> (searched with <c>-isystem</c>).</summary>
    public static void WriteTo(string directory)
    {
        File.WriteAllText(Path.Combine(directory, "stdint.h"), StdInt);
        File.WriteAllText(Path.Combine(directory, "stddef.h"), StdDef);
        File.WriteAllText(Path.Combine(directory, "stdbool.h"), StdBool);
    }
}
