using Exceptions = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.ExceptionAnalyzer>;
using Gc = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.GcAllocationAnalyzer>;
using Types = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.ManagedTypeAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>KMS0001–KMS0004: GC heap, exceptions, managed types, floating point.</summary>
public sealed class ManagedRuntimeTests
{
    [Fact]
    public Task StructLayoutCCannotGive_IsRefusedWherever_ItIsUsed() => Types.VerifyAnalyzerAsync("""
        using System.Runtime.InteropServices;
        using KmodSharp;

        [StructLayout(LayoutKind.Sequential, Pack = 1)]
        struct Packed { public byte A; public int B; }

        [StructLayout(LayoutKind.Explicit)]
        struct Overlap { [FieldOffset(0)] public int A; [FieldOffset(2)] public short B; }

        [StructLayout(LayoutKind.Explicit, Size = 16)]
        struct Gaps { [FieldOffset(0)] public int A; [FieldOffset(8)] public long B; }

        struct Outer { public byte Tag; public Packed Inner; }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Read(UserPtr<Gaps> gaps)
            {
                Overlap {|KMS0900:overlap|} = default;
                Outer {|KMS0900:outer|} = default;
                return overlap.A + outer.Tag + Check(default);
            }

            // (A syscall's own parameters are the declaration rules', KMS0407.)
            static int Check(UserPtr<Packed> {|KMS0900:packed|}) => 0;
        }
        """);

    [Fact]
    public Task GcAllocation_FiresOnEveryKindOfAllocation() => Gc.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using KmodSharp;

        struct Point { public int X; }
        interface IShape { int Area(); }
        struct Square : IShape { public int Side; public int Area() => Side * Side; }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Alloc(int value)
            {
                object o = {|KMS0001:value|};
                var list = {|KMS0001:new List<int>()|};
                int[] array = {|KMS0001:new int[4]|};
                Func<int, int> f = {|KMS0001:x => x + 1|};
                Func<int> g = {|KMS0001:Helper|};
                string s = {|KMS0001:$"v={value}"|};
                string t = {|KMS0001:s + "x"|};
                Point p = default;
                string u = {|KMS0001:p.ToString()|};
                Square sq = default;
                IShape shape = {|KMS0001:sq|};
                int n = {|KMS0001:array.Count()|};
                Params{|KMS0001:(1, 2)|};
                List<int> c = {|KMS0001:[1, 2]|};
                return value;
            }

            static int Helper() => 1;
            static void Params(params int[] values) { }

            static IEnumerable<int> Iterate()
            {
                {|KMS0001:yield return 1;|}
            }

            static async System.Threading.Tasks.Task<int> Later()
            {
                {|KMS0001:await System.Threading.Tasks.Task.Yield()|};
                return 1;
            }
        }
        """);

    [Fact]
    public Task GcAllocation_DoesNotFireOnStackOnlyCode() => Gc.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        struct Point { public int X; public int Y; }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Fine(int value)
            {
                Span<byte> buffer = stackalloc byte[64];
                Span<byte> head = buffer.Slice(0, 8);
                Span<int> small = [1, 2, 3];
                var p = new Point { X = value, Y = 2 };
                const string Format = "a" + "b";
                Kernel.Printf("value=%d\n", value);
                return p.X + head.Length + small[0] + Format.Length;
            }
        }

        class NotKernel
        {
            object Allowed() => new object();
        }
        """);

    [Fact]
    public Task GcAllocation_InHelper_PrintsCallChain()
    {
        var test = new Gc.Test
        {
            TestCode = """
                using KmodSharp;

                [KernelModule("m")]
                static class M
                {
                    [Syscall(Name = "mysyscall")]
                    static int Entry(int value) => Parse(value);

                    static int Parse(int value) => Util.Helper(value);
                }

                static class Util
                {
                    public static int Helper(int value)
                    {
                        int[] scratch = {|#0:new int[value]|};
                        return scratch.Length;
                    }

                    public static object Unused() => new object();
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Gc.Diagnostic(DiagnosticIds.GcAllocation).WithLocation(0)
            .WithArguments("An array", " (reached from mysyscall → Parse → Helper)"));
        return test.RunAsync();
    }

    [Fact]
    public Task Exceptions_FireOnThrowAndTry() => Exceptions.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Fails(int value)
            {
                if (value < 0) {|KMS0002:throw new ArgumentException("negative");|}
                {|KMS0002:try|} { value++; } finally { value--; }
                {|KMS0002:try|} { value++; } catch (Exception) { }
                return value > 0 ? value : {|KMS0002:throw new InvalidOperationException()|};
            }
        }
        """);

    [Fact]
    public Task Exceptions_InKernelHelper_PrintsCallChain()
    {
        var test = new Exceptions.Test
        {
            TestCode = """
                using System;
                using KmodSharp;

                [KernelModule("m")]
                static class M
                {
                    [Syscall(Name = "parse_it")]
                    static int Entry(int value) => Parser.Parse(value);
                }

                [KernelHelper]
                static class Parser
                {
                    public static int Parse(int value) => value >= 0 ? value : {|#0:throw new ArgumentOutOfRangeException()|};

                    public static int Unreached(int value) => value >= 0 ? value : {|#1:throw new ArgumentOutOfRangeException()|};
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Exceptions.Diagnostic(DiagnosticIds.Exception).WithLocation(0).WithArguments("'throw'", " (reached from parse_it → Parse)"));
        test.ExpectedDiagnostics.Add(Exceptions.Diagnostic(DiagnosticIds.Exception).WithLocation(1).WithArguments("'throw'", ""));
        return test.RunAsync();
    }

    [Fact]
    public Task Exceptions_DoNotFireOnUsingOrOutsideKernelCode() => Exceptions.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;

            [Syscall]
            static int Fine(int value)
            {
                using (s_lock.Lock()) { value++; }
                return value;
            }
        }

        static class Userland
        {
            static void Throws() => throw new InvalidOperationException();
        }
        """);

    [Fact]
    public Task ManagedTypes_FireInSignaturesFieldsAndLocals() => Types.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        class Box { }
        interface IThing { }

        [KernelModule("m")]
        static class M
        {
            static string {|KMS0003:s_name|} = "x";
            static KernelMutex s_lock;

            [Syscall]
            static int Entry(int value)
            {
                Box {|KMS0003:box|} = null!;
                IThing {|KMS0003:thing|} = null!;
                dynamic {|KMS0003:d|} = 1;
                KernelMutex {|KMS0003:local|} = default;
                return value;
            }

            static {|KMS0003:object|} Get(string {|KMS0003:name|}) => null!;
        }
        """);

    [Fact]
    public Task ManagedTypes_AllowRuntimeTypesAndPrintfLiterals() => Types.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;
            static KernelSxLock s_sx;
            static int s_count;
            const string Format = "value=%d\n";

            [Syscall]
            static SyscallResult<int> Entry(int value, UserPtr<long> p, UserString s, CallingThread td)
            {
                using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(16, MallocFlags.NoWait);
                using MutexGuard guard = s_lock.Lock();
                Span<byte> span = stackalloc byte[8];
                ReadOnlySpan<byte> view = span;
                const string Local = "local=%d\n";
                Kernel.Printf(Format, value);
                Kernel.Printf(Local, value);
                return value + s_count + view.Length;
            }
        }
        """);

    [Fact]
    public Task FloatingPoint_FiresOnTypesLiteralsAndConversions() => Types.VerifyAnalyzerAsync("""
        using KmodSharp;

        struct Sample { public double Value; }

        [KernelModule("m")]
        static class M
        {
            static float {|KMS0004:s_ratio|};

            [Syscall]
            static int Entry(int value)
            {
                double {|KMS0004:d|} = 1.5;
                int scaled = (int)({|KMS0004:value * 0.5|});
                decimal {|KMS0004:money|} = 1m;
                Sample {|KMS0004:sample|} = default;
                return scaled + (int)d;
            }

            static int Scale(float {|KMS0004:factor|}) => 0;
        }
        """);
}
