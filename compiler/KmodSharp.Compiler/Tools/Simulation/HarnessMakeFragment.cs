namespace KmodSharp.Compiler.Tools.Simulation;

/// <summary>
/// runtime-shims/host/kernmk.mk: the module flags of <see cref="HostToolchain"/> and <see cref="KernMkFlags"/>
/// written out, so the harness's Makefile and fuzz script build modules exactly as the compiler's
/// harness does, without a second list kept by hand.
/// </summary>
public static class HarnessMakeFragment
{
    /// <summary>Where the fragment lives, from the repository root.</summary>
    public const string Path = "runtime-shims/host/kernmk.mk";

    /// <summary>
    /// The fragment's text: one make assignment per line (the fuzz script reads them with sed):
    /// <c>KERNMK_CSTD</c>, <c>KERNMK_CWARNFLAGS_clang</c>, <c>KERNMK_CWARNFLAGS_gcc</c>, <c>KMS_KMOD_CODEFLAGS</c>, <c>KMS_SANITIZERS</c>.
    /// </summary>
    public static string Text() =>
        "# Generated from compiler/KmodSharp.Compiler/Tools/Simulation (KernMkFlags, HostToolchain): how the\n"
        + "# harness compiles module code. KernMkFlagsFileTests checks it is current. Do not edit.\n"
        + $"KERNMK_CSTD=\t{KernMkFlags.LanguageStandard}\n"
        + $"KERNMK_CWARNFLAGS_clang=\t{string.Join(' ', KernMkFlags.For(clang: true))}\n"
        + $"KERNMK_CWARNFLAGS_gcc=\t{string.Join(' ', KernMkFlags.For(clang: false))}\n"
        + $"KMS_KMOD_CODEFLAGS=\t{string.Join(' ', HostToolchain.ModuleCodeFlags)}\n"
        + $"KMS_SANITIZERS=\t{string.Join(' ', HostToolchain.SanitizerFlags)}\n";
}
