using System.Collections.Immutable;

namespace KmodSharp.Compiler.Tools.Simulation;

/// <summary>
/// The language and warning flags FreeBSD's kmod build compiles a module with (sys/conf/kern.mk
/// and kmod.mk, the same in 13.2 and 15), so the host harness refuses exactly what the kernel
/// build refuses: no <c>-Wextra</c> (kern.mk lists it as "next up"), <c>-Werror</c> (kmod.mk's
/// WERROR) with kern.mk's per-compiler demotions (a set-but-unused variable is only a warning).
/// Host mappings: kern.mk's <c>-fformat-extensions</c> (gcc) and <c>-D__printf__=__freebsd_kprintf__</c>
/// (clang) need FreeBSD's compiler; the host keeps the standard <c>-Wformat</c> of <c>-Wall</c>,
/// which checks the subset of formats KmodSharp emits.
/// </summary>
public static class KernMkFlags
{
    /// <summary>kern.mk's <c>CSTD= c99</c>: strict ISO C99, so <c>unix</c>, <c>linux</c> and <c>i386</c> are no macros, as in the kernel build.</summary>
    public const string LanguageStandard = "-std=iso9899:1999";

    /// <summary>kern.mk's CWARNFLAGS (without <c>${FORMAT_EXTENSIONS}</c>), its <c>-Wno-format-zero-length</c>, and kmod.mk's <c>-Werror</c>.</summary>
    public static readonly ImmutableArray<string> Warnings =
    [
        "-Wall", "-Wredundant-decls", "-Wnested-externs", "-Wstrict-prototypes", "-Wmissing-prototypes", "-Wpointer-arith",
        "-Wcast-qual", "-Wundef", "-Wno-pointer-sign", "-Wmissing-include-dirs", "-fdiagnostics-show-option",
        "-Wno-unknown-pragmas", "-Wno-format-zero-length", "-Werror",
    ];

    /// <summary>kern.mk's clang CWARNEXTRA, and <c>-Wno-error=unused-but-set-variable</c> (clang 13 and later).</summary>
    public static readonly ImmutableArray<string> ClangRelaxations =
    [
        "-Wno-error=tautological-compare", "-Wno-error=empty-body", "-Wno-error=parentheses-equality",
        "-Wno-error=unused-function", "-Wno-error=pointer-sign", "-Wno-error=shift-negative-value",
        "-Wno-address-of-packed-member", "-Wno-error=unused-but-set-variable",
    ];

    /// <summary>kern.mk's gcc CWARNEXTRA (gcc 9.1 and later) and <c>-Wno-return-type</c>.</summary>
    public static readonly ImmutableArray<string> GccRelaxations =
    [
        "-Wno-error=address", "-Wno-error=aggressive-loop-optimizations", "-Wno-error=array-bounds", "-Wno-error=attributes",
        "-Wno-error=cast-qual", "-Wno-error=enum-compare", "-Wno-error=maybe-uninitialized", "-Wno-error=misleading-indentation",
        "-Wno-error=nonnull-compare", "-Wno-error=overflow", "-Wno-error=sequence-point", "-Wno-error=shift-overflow",
        "-Wno-error=tautological-compare", "-Wno-unused-but-set-variable", "-Wno-error=stringop-overflow",
        "-Wno-error=memset-elt-size", "-Wno-error=packed-not-aligned", "-Wno-address-of-packed-member",
        "-Wno-error=alloca-larger-than=", "-Wno-return-type",
    ];

    /// <summary>The warning flags for a compiler of that kind.</summary>
    public static ImmutableArray<string> For(bool clang) => [.. Warnings, .. clang ? ClangRelaxations : GccRelaxations];

}
