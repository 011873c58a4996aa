using System.Collections.Immutable;

namespace KmodSharp.Compiler.Tools.Verification;

/// <summary>How generated C reaches a kernel API entry.</summary>
public enum KernelApiKind
{
    /// <summary>A function called by name; its prototype must match FreeBSD's.</summary>
    Function,

    /// <summary>A function-like macro (e.g. <c>mtx_lock</c>) that must exist, and that expands to the functions listed.</summary>
    Macro,
}

/// <summary>One name the generated C may use.</summary>
/// <param name="Name">What the C writes (<c>copyin</c>, <c>mtx_lock</c>).</param>
/// <param name="Kind">Function or macro.</param>
/// <param name="Header">The FreeBSD header that declares it.</param>
/// <param name="Functions">For a macro, the functions it expands to in a module build (<c>KLD_MODULE</c>); their prototypes are checked.</param>
public sealed record KernelApiEntry(string Name, KernelApiKind Kind, string Header, ImmutableArray<string> Functions)
{
    /// <summary>The function names whose prototypes are checked: the entry itself, or what the macro expands to.</summary>
    public ImmutableArray<string> CheckedFunctions => Kind == KernelApiKind.Function ? [Name] : Functions;
}

/// <summary>
/// The kernel API KmodSharp may call from generated C: every entry is declared by the host
/// harness headers, and the header fidelity check asserts each prototype matches FreeBSD's.
/// Add an entry here before the lowering emits a call to a new kernel function.
/// </summary>
public static class KernelApi
{
    public static ImmutableArray<KernelApiEntry> Entries { get; } =
    [
        Function("printf", "sys/systm.h"),
        Function("copyin", "sys/systm.h"),
        Function("copyout", "sys/systm.h"),
        Function("copyinstr", "sys/systm.h"),
        Function("fubyte", "sys/systm.h"),
        Function("subyte", "sys/systm.h"),
        Function("fueword32", "sys/systm.h"),
        Function("fueword64", "sys/systm.h"),
        Function("suword32", "sys/systm.h"),
        Function("suword64", "sys/systm.h"),
        Function("memset", "sys/systm.h"),
        Function("priv_check", "sys/priv.h"),
        Function("malloc", "sys/malloc.h"),
        Function("free", "sys/malloc.h"),
        Macro("mtx_init", "sys/mutex.h", "_mtx_init"),
        Macro("mtx_destroy", "sys/mutex.h", "_mtx_destroy"),
        Macro("mtx_lock", "sys/mutex.h", "__mtx_lock_flags"),
        Macro("mtx_unlock", "sys/mutex.h", "__mtx_unlock_flags"),
        // Without INVARIANTS (a module build has none) FreeBSD's mtx_assert is (void)0: no function behind it.
        Macro("mtx_assert", "sys/mutex.h"),
        Macro("sx_init", "sys/sx.h", "sx_init_flags"),
        Function("sx_destroy", "sys/sx.h"),
        Macro("sx_xlock", "sys/sx.h", "_sx_xlock"),
        Macro("sx_xunlock", "sys/sx.h", "_sx_xunlock"),
        Macro("sx_slock", "sys/sx.h", "_sx_slock"),
        Macro("sx_sunlock", "sys/sx.h", "_sx_sunlock"),
        // Math.Min/Max/Abs/Clamp and BitOperations (FunctionLowering.IntegerMath).
        Function("imin", "sys/libkern.h"),
        Function("imax", "sys/libkern.h"),
        Function("min", "sys/libkern.h"),
        Function("max", "sys/libkern.h"),
        Function("qmin", "sys/libkern.h"),
        Function("qmax", "sys/libkern.h"),
        Function("uqmin", "sys/libkern.h"),
        Function("uqmax", "sys/libkern.h"),
        Function("lmin", "sys/libkern.h"),
        Function("lmax", "sys/libkern.h"),
        Function("ulmin", "sys/libkern.h"),
        Function("ulmax", "sys/libkern.h"),
        Function("abs", "sys/libkern.h"),
        Function("labs", "sys/libkern.h"),
        Function("qabs", "sys/libkern.h"),
        Function("ffs", "sys/libkern.h"),
        Function("ffsl", "sys/libkern.h"),
        Function("ffsll", "sys/libkern.h"),
        Function("fls", "sys/libkern.h"),
        Function("flsl", "sys/libkern.h"),
        Function("flsll", "sys/libkern.h"),
        Macro("bitcount32", "sys/libkern.h"),
        Macro("bitcount64", "sys/libkern.h"),
        Macro("bitcountl", "sys/libkern.h"),
        Macro("powerof2", "sys/param.h"),
    ];

    private static KernelApiEntry Function(string name, string header) => new(name, KernelApiKind.Function, header, []);

    private static KernelApiEntry Macro(string name, string header, params string[] functions) => new(name, KernelApiKind.Macro, header, [.. functions]);
}
