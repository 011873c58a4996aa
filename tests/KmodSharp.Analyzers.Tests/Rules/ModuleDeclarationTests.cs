using Module = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.ModuleDeclarationAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>KMS0400–KMS0409: module declarations.</summary>
public sealed class ModuleDeclarationTests
{
    [Fact]
    public Task ValidModule_HasNoDiagnostics() => Module.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("mysyscall")]
        static class MySyscall
        {
            [Syscall(Name = "mysyscall")]
            static int Twice(int value) => value * 2;

            [Syscall(Name = "my_custom", Number = 210, CapabilityMode = true)]
            static SyscallResult<long> Custom(long a, ulong b, nint c, nuint d, bool e, Errno f, UserPtr<int> g, UserString h, CallingThread td) => a;

            [Syscall]
            static (long, long) PairResult(int a, int b, int c, int d, int e, int f, CallingThread td) => (a, b);

            [Syscall]
            static void Nothing() { }

            [ModuleLoad] static Errno OnLoad() => Errno.None;
            [ModuleUnload] static Errno OnUnload() => Errno.None;
            [ModuleShutdown] static Errno OnShutdown() => Errno.None;
        }

        [KernelHelper]
        static class Helpers { }
        """);

    [Fact]
    public Task A_sysctl_field_of_a_type_no_sysctl_macro_takes_is_reported() => Module.VerifyAnalyzerAsync("""
        using KmodSharp;

        public enum Mode { Off, On }

        [KernelModule("m")]
        static class M
        {
            [Sysctl("count")] static int s_count;
            [Sysctl("limit", Writable = true)] static uint s_limit;
            [Sysctl("total")] static long s_total;
            [Sysctl("bytes")] static ulong s_bytes;
            [Sysctl("on")] static bool s_on;
            [Sysctl("small")] static short {|#0:s_small|};
            [Sysctl("native")] static nint {|#1:s_native|};
            [Sysctl("mode")] static Mode {|#2:s_mode|};

            [Syscall]
            static long Get() => s_count + s_limit + s_total + (long)s_bytes + (s_on ? 1 : 0) + s_small + s_native + (int)s_mode;
        }

        [KernelHelper]
        static class Helpers
        {
            [Sysctl("ignored")] static short s_ignored;
        }
        """,
        Module.Diagnostic("KMS0900").WithLocation(0).WithArguments("[Sysctl] on a field of type 'short'", Sysctl),
        Module.Diagnostic("KMS0900").WithLocation(1).WithArguments("[Sysctl] on a field of type 'nint'", Sysctl),
        Module.Diagnostic("KMS0900").WithLocation(2).WithArguments("[Sysctl] on a field of type 'Mode'", Sysctl));

    private const string Sysctl = ": a sysctl exposes int, uint, long, ulong or bool";

    [Fact]
    public Task SyscallOutsideModule_AndNotStatic() => Module.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        class {|KMS0401:M|}
        {
            [Syscall] static int Inside(int v) => v;
        }

        [KernelHelper]
        class {|KMS0401:H|} { }

        static class Elsewhere
        {
            [Syscall] static int {|KMS0400:Outside|}(int v) => v;
            [ModuleLoad] static Errno {|KMS0400:Load|}() => Errno.None;
        }
        """);

    [Fact]
    public Task MissingModule_ReportedOnce() => Module.VerifyAnalyzerAsync("""
        using KmodSharp;

        static class NoModule
        {
            [Syscall] static int {|KMS0402:First|}(int v) => v;
            [Syscall] static int Second(int v) => v;
        }
        """);

    [Fact]
    public Task DuplicateNamesAndNumbers() => Module.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall(Name = "same", Number = 211)] static int A(int v) => v;
            [Syscall({|KMS0403:Name = "same"|})] static int B(int v) => v;
            [Syscall(Name = "other", {|KMS0403:Number = 211|})] static int C(int v) => v;
        }

        [KernelModule({|KMS0403:"m"|})]
        static class M2 { }
        """);

    [Fact]
    public Task TooManyArguments_CallingThreadDoesNotCount() => Module.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall] static int {|KMS0404:Nine|}(int a, int b, int c, int d, int e, int f, int g, int h, int i) => a;
            [Syscall] static int Eight(CallingThread td, int a, int b, int c, int d, int e, int f, int g, int h) => a;
        }
        """);

    [Fact]
    public Task TwoValueSyscall_TakesAtMostSixSlots() => Module.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall] static (long, long) {|#0:Seven|}(long a, long b, long c, long d, long e, long f, long g) => (a, g);
            [Syscall] static (long, long) Six(CallingThread td, long a, long b, long c, long d, long e, long f) => (a, f);
            [Syscall] static long SevenOneValue(long a, long b, long c, long d, long e, long f, long g) => g;
            [Syscall] static (long, long) {|KMS0404:Nine|}(long a, long b, long c, long d, long e, long f, long g, long h, long i) => (a, i);
        }
        """,
        Module.Diagnostic("KMS0411").WithLocation(0).WithArguments("seven", 7));

    [Fact]
    public Task InvalidNames() => Module.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule({|KMS0405:"My-Module"|})]
        static class M
        {
            [Syscall({|KMS0405:Name = "Upper"|})] static int A(int v) => v;
            [Syscall({|KMS0405:Name = "int"|})] static int B(int v) => v;
            [Syscall({|KMS0405:Name = "a_name_that_is_far_too_long_for_c_x"|})] static int C(int v) => v;
            [Syscall] static int {|KMS0405:Double|}(int v) => v;
            [Syscall] static int DoubleIt(int v) => v;
        }
        """);

    [Fact]
    public Task FixedNumbers_OutsideTheModuleSlotsWarn() => Module.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall(Name = "a", {|KMS0406:Number = 600|})] static int A(int v) => v;
            [Syscall(Name = "b", {|KMS0406:Number = 0|})] static int B(int v) => v;
            [Syscall(Name = "c", Number = 219)] static int C(int v) => v;
        }
        """);

    [Fact]
    public Task UnsupportedParameterAndReturnTypes() => Module.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        struct Pair { public int A; public int B; }

        [KernelModule("m")]
        static class M
        {
            [Syscall] static int A(Pair {|KMS0407:p|}, char {|KMS0407:c|}) => 0;
            [Syscall] static int R(ref int {|KMS0407:r|}, out int {|KMS0407:o|}) { o = 0; return r; }
            [Syscall] static {|KMS0408:Pair|} B(int v) => default;
            [Syscall] static {|KMS0408:SyscallResult<Pair>|} C(int v) => default(Pair);
            [Syscall] static {|KMS0408:(int, int)|} D(int v) => (v, v);
        }
        """);

    [Fact]
    public Task ModuleHooks_MustBeStaticErrnoWithoutParameters() => Module.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [ModuleLoad] static int {|KMS0409:Load|}() => 0;
            [ModuleUnload] static Errno {|KMS0409:Unload|}(int reason) => Errno.None;
            [ModuleShutdown] static void {|KMS0409:Shutdown|}() { }
        }
        """);

    [Fact]
    public Task KMS0412_ValidatorsThatCannotCheckTheWrittenValue() => Module.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("knobs")]
        static class Knobs
        {
            [Sysctl("ok", Writable = true, Validator = nameof(Positive))] static int s_ok;
            [Sysctl("flag", Writable = true, Validator = nameof(AnyFlag))] static bool s_flag;
            [Sysctl("wide", Writable = true, Validator = nameof(Positive))] static long {|KMS0412:s_wide|};
            [Sysctl("missing", Writable = true, Validator = "Nowhere")] static int {|KMS0412:s_missing|};
            [Sysctl("readonly", Validator = nameof(Positive))] static int {|KMS0412:s_readonly|};
            [Sysctl("errno", Writable = true, Validator = nameof(AsErrno))] static uint {|KMS0412:s_errno|};
            [Sysctl("byref", Writable = true, Validator = nameof(ByRef))] static int {|KMS0412:s_byref|};
            [Sysctl("twice", Writable = true, Validator = nameof(Twice))] static int {|KMS0412:s_twice|};
            [Sysctl("field", Writable = true, Validator = nameof(s_ok))] static int {|KMS0412:s_field|};

            static bool Positive(int value) => value > 0;
            static bool AnyFlag(bool value) => true;
            static Errno AsErrno(uint value) => Errno.None;
            static bool ByRef(ref int value) => value > 0;
            static bool Twice(int value) => true;
            static bool Twice(long value) => true;

            [Syscall] static int Get() => s_ok + s_wide.GetHashCode() * 0;
        }
        """);
}
