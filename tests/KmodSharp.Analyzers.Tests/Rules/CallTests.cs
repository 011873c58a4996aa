using Calls = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UntranslatableCallAnalyzer>;
using Graph = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.CallGraphAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>KMS0100–KMS0103: untranslatable calls, recursion, stack budget, non-constant stackalloc.</summary>
public sealed class CallTests
{
    [Fact]
    public Task UntranslatableCall_FiresOnBclPInvokeAndDispatch() => Calls.VerifyAnalyzerAsync("""
        using System;
        using System.Runtime.InteropServices;
        using KmodSharp;

        struct Counter { public int Value; public int Next() => Value + 1; }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Entry(int value)
            {
                int a = {|KMS0100:Math.Sign(value)|} + {|KMS0100:Math.ILogB(value)|} + {|KMS0100:value.CompareTo(3)|};
                int b = {|KMS0100:getpid()|};
                Span<byte> span = stackalloc byte[4];
                int c = {|KMS0100:span.IndexOf((byte)1)|};
                Counter counter = default;
                int d = {|KMS0100:counter.Next()|};
                int e = {|KMS0100:Generic<int>(1)|};
                return a + b + c + d + e;
            }

            [DllImport("libc")]
            static extern int getpid();

            static T Generic<T>(T value) => value;
        }
        """);

    [Fact]
    public Task UntranslatableCall_AllowsRuntimeSpanAndUserMethods() => Calls.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static int s_count;

            [Syscall]
            static SyscallResult<int> Entry(int value, UserPtr<int> p, CallingThread td)
            {
                Span<byte> span = stackalloc byte[16];
                span.Fill(0);
                span.Clear();
                Span<byte> part = span.Slice(2, 4);
                ReadOnlySpan<byte> view = part;
                part.CopyTo(span);
                bool empty = view.IsEmpty;
                byte first = span[0];
                Atomic.Add(ref s_count, 1);
                Errno e = Kernel.CopyIn(p, out int x);
                if (e != Errno.None) return e;
                UserPtr<int> next = p.Add(1);
                Kernel.Printf("pid=%d\n", td.ProcessId);
                int bits = System.Numerics.BitOperations.PopCount((uint)x) + System.Numerics.BitOperations.Log2((ulong)first);
                return Helpers.Twice(x) + view.Length + first + (empty ? 1 : 0) + (next.IsNull ? 0 : 1) + bits
                    + Math.Clamp(Math.Abs(x), Math.Min(value, 3), Math.Max(value, 3));
            }
        }

        [KernelHelper]
        static class Helpers
        {
            public static int Twice(int x) => x * 2;
        }
        """);

    [Fact]
    public Task A_runtime_method_the_runtime_does_not_mark_translated_is_refused() => Calls.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;
            static KernelSxLock s_table;

            [Syscall]
            static int Entry(int value)
            {
                using (KernelBuffer<int> buffer = Kernel.Allocate<int>(4, MallocFlags.WaitOk))
                {
                    {|#0:buffer.Dispose()|};
                }

                using (var guard = s_lock.Lock())
                {
                    {|#1:guard.Dispose()|};
                }

                using (s_table.LockShared())
                using (s_table.LockExclusive())
                {
                    return value;
                }
            }
        }
        """,
        Calls.Diagnostic("KMS0100").WithLocation(0).WithArguments("KernelBuffer<int>.Dispose()", Untranslated, ""),
        Calls.Diagnostic("KMS0100").WithLocation(1).WithArguments("MutexGuard.Dispose()", Untranslated, ""));

    private const string Untranslated = "the runtime has no kernel translation for a call of it (a lock guard or KernelBuffer is released by its 'using')";

    [Fact]
    public Task Recursion_DirectAndThroughACycle() => Graph.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Fact(int n) => n <= 1 ? 1 : n * {|#0:Fact(n - 1)|};

            [Syscall]
            static int Ping(int n) => Pong(n);

            static int Pong(int n) => n == 0 ? 0 : {|#1:Ping(n - 1)|};
        }
        """,
        Graph.Diagnostic(DiagnosticIds.Recursion).WithLocation(0).WithArguments("fact → fact"),
        Graph.Diagnostic(DiagnosticIds.Recursion).WithLocation(1).WithArguments("ping → Pong → ping"));

    [Fact]
    public Task Recursion_FollowsCallsNestedInArgumentsLoopsAndLockBlocks() => Graph.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;

            [Syscall]
            static int Walk(int n)
            {
                int total = 0;
                for (int i = 0; i < n; i++)
                {
                    using (s_lock.Lock())
                    {
                        total += Twice(Step(i));
                    }
                }

                return total;
            }

            static int Twice(int n) => n * 2;

            static int Step(int n) => n > 8 ? Twice({|#0:Walk(n - 1)|}) : n;
        }
        """,
        Graph.Diagnostic(DiagnosticIds.Recursion).WithLocation(0).WithArguments("walk → Step → walk"));

    [Fact]
    public Task StackBudget_CountsEveryStackAllocForm() => Graph.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            // 16 frame + 8 (n) + three 16-byte spans + 24 (3 longs) + 16 (3 ints, aligned) + 1000 (500 shorts) = 1112.
            [Syscall]
            static int Entry(int n)
            {
                Span<long> implicitSize = stackalloc[] { 1L, 2L, 3L };
                Span<int> sizedWithValues = stackalloc int[3] { 1, 2, 3 };
                Span<short> conditional = n > 0 ? {|#0:stackalloc short[500]|} : default;
                return implicitSize.Length + sizedWithValues.Length + conditional.Length;
            }
        }
        """,
        Graph.Diagnostic(DiagnosticIds.StackBudget).WithLocation(0).WithArguments("entry", 1112, "entry (1112 B)", 1024, "the stackalloc", "entry", 1000));

    [Fact]
    public Task Recursion_DoesNotFireOnSharedHelpers() => Graph.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int A(int n) => Helper(n) + Helper(n + 1);

            [Syscall]
            static int B(int n) => Helper(n);

            static int Helper(int n) => n * 2;
        }
        """);

    [Fact]
    public Task StackBudget_FiresAlongTheCallChain() => Graph.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Big(int n) => {|#1:Parse(n)|};

            static int Parse(int n)
            {
                Span<byte> buffer = {|#0:stackalloc byte[1200]|};
                return buffer.Length + n;
            }

            [Syscall]
            static int Small(int n)
            {
                Span<byte> buffer = stackalloc byte[256];
                Span<byte> view = buffer.Slice(0, 16);
                return view.Length + n;
            }
        }
        """,
        Graph.Diagnostic(DiagnosticIds.StackBudget).WithLocation(0).WithLocation(1).WithArguments("big", 1264, "big (24 B) → Parse (1240 B)", 1024, "the stackalloc", "Parse", 1200));

    [Fact]
    public Task StackBudget_PointsAtTheHeaviestFrameOfTheChain_ThroughHelpersAndLocalFunctions() => Graph.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        struct Big { public long A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P; }

        [KernelHelper]
        static class Reply
        {
            // 16 + 8 + 16 (span) + 512: not the heaviest frame, so not where the squiggle goes.
            public static int Encode(int n)
            {
                Span<byte> small = stackalloc byte[512];
                return small.Length + {|#2:Pack(n)|};
            }

            static int Pack(int n)
            {
                int total = n;
                for (int i = 0; i < 4; i++) total += {|#3:Wide(i)|};
                return total;

                static int Wide(int k)
                {
                    // 6 x 128-byte locals: the frame that contributes most; the first largest local is the location.
                    Big {|#0:one = default|}, two = default, three = default, four = default, five = default, six = default;
                    return k + (int)(one.A + two.B + three.C + four.D + five.E + six.F);
                }
            }
        }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Send(int n) => {|#1:Reply.Encode(n)|};
        }
        """,
        Graph.Diagnostic(DiagnosticIds.StackBudget).WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3)
            .WithArguments("send", 1408, "send (24 B) → Encode (552 B) → Pack (40 B) → Wide (792 B)", 1024, "local 'one'", "Wide", 128));

    [Fact]
    public Task StackBudget_IsConfigurableThroughGlobalConfig()
    {
        var test = new Graph.Test
        {
            TestCode = """
                using System;
                using KmodSharp;

                [KernelModule("m")]
                static class M
                {
                    [Syscall]
                    static int Entry(int n)
                    {
                        Span<byte> buffer = {|KMS0102:stackalloc byte[600]|};
                        return buffer.Length + n;
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nkmodsharp.stack_budget = 512\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task StackBudget_ReadsTheMSBuildProperty()
    {
        var test = new Graph.Test
        {
            TestCode = """
                using System;
                using KmodSharp;

                [KernelModule("m")]
                static class M
                {
                    [Syscall]
                    static int Entry(int n)
                    {
                        Span<byte> buffer = stackalloc byte[1500];
                        return buffer.Length + n;
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.KmodSharpStackBudget = 4096\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task NonConstantStackAlloc_FiresOnVariableSizeOnly() => Graph.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            const int Max = 64;

            [Syscall]
            static int Entry(int n)
            {
                Span<byte> fixedSize = stackalloc byte[Max];
                Span<byte> view = fixedSize.Slice(0, 4);
                Span<byte> bad = stackalloc byte[{|KMS0103:n|}];
                return view.Length + bad.Length;
            }
        }
        """);
}
