using Context = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.KernelContextAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>
/// KMS0300 with flags in variables and helpers, KMS0304 (a non-recursive lock re-taken) and KMS0305
/// (lock order reversal), over the per-method lock summaries.
/// </summary>
public sealed class LockTests
{
    private const string Allocate = "'Kernel.Allocate' with MallocFlags.WaitOk (M_WAITOK)";

    [Fact]
    public Task SleepUnderMutex_FiresOnWaitOkFlagsInAVariable() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;

            [Syscall]
            static int Plain(int n)
            {
                var flags = MallocFlags.WaitOk;
                using (s_lock.Lock())
                {
                    using KernelBuffer<byte> b = {|KMS0300:Kernel.Allocate<byte>(16, flags)|};
                    using KernelBuffer<byte> zeroed = {|KMS0300:Kernel.Allocate<byte>(16, flags | MallocFlags.Zero)|};
                }

                return n;
            }

            [Syscall]
            static int OnOneBranch(int n)
            {
                MallocFlags how = MallocFlags.NoWait;
                if (n > 4)
                {
                    how = MallocFlags.WaitOk;
                }

                using var guard = s_lock.Lock();
                using KernelBuffer<long> b = {|KMS0300:Kernel.Allocate<long>(4, how)|};
                return n;
            }

            [Syscall]
            static int InALoop(int n)
            {
                MallocFlags next = MallocFlags.NoWait;
                for (int i = 0; i < 3; i++)
                {
                    using (s_lock.Lock())
                    {
                        using KernelBuffer<byte> b = {|KMS0300:Kernel.Allocate<byte>(8, next)|};
                    }

                    next = MallocFlags.WaitOk | MallocFlags.Zero;
                }

                return n;
            }
        }
        """);

    [Fact]
    public Task SleepUnderMutex_DoesNotFireOnNoWaitFlagsInAVariable() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;

            [Syscall]
            static int Entry(int n)
            {
                var flags = MallocFlags.NoWait | MallocFlags.Zero;
                MallocFlags later = MallocFlags.WaitOk;
                using (KernelBuffer<byte> before = Kernel.Allocate<byte>(16, later)) { }
                later = MallocFlags.NoWait;
                MallocFlags masked = MallocFlags.WaitOk;
                masked &= ~MallocFlags.WaitOk;
                using (s_lock.Lock())
                {
                    using KernelBuffer<byte> b = Kernel.Allocate<byte>(16, flags);
                    using KernelBuffer<byte> c = Kernel.Allocate<byte>(16, later);
                    using KernelBuffer<byte> d = Kernel.Allocate<byte>(16, masked);
                }

                return n;
            }
        }
        """);

    [Fact]
    public Task SleepUnderMutex_FiresWhenTheCallerPassesWaitOkToAnAllocatingHelper() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;

            [Syscall]
            static int Entry(int n)
            {
                MallocFlags wait = MallocFlags.WaitOk;
                using (s_lock.Lock())
                {
                    using KernelBuffer<byte> a = {|#0:Pool.Grow(16, MallocFlags.WaitOk)|};
                    using KernelBuffer<byte> b = {|#1:Pool.Forward(how: wait, count: 8)|};
                    using KernelBuffer<byte> fine = Pool.Grow(16, MallocFlags.NoWait);
                    using KernelBuffer<byte> alsoFine = Pool.Forward(how: MallocFlags.NoWait, count: 8);
                }

                using KernelBuffer<byte> unlocked = Pool.Grow(16, MallocFlags.WaitOk);
                return n;
            }
        }

        [KernelHelper]
        static class Pool
        {
            public static KernelBuffer<byte> Grow(int count, MallocFlags how) => Kernel.Allocate<byte>(count, how);

            public static KernelBuffer<byte> Forward(int count, MallocFlags how) => Grow(count, how | MallocFlags.Zero);
        }
        """,
        Context.Diagnostic(DiagnosticIds.SleepUnderMutex).WithLocation(0)
            .WithArguments("Calling 'Grow', which reaches " + Allocate + " passed as its parameter 'how',", "s_lock", ""),
        Context.Diagnostic(DiagnosticIds.SleepUnderMutex).WithLocation(1)
            .WithArguments("Calling 'Forward', which reaches " + Allocate + " passed as its parameter 'how',", "s_lock", ""));

    [Fact]
    public Task RecursiveLock_FiresOnANestedLockOfTheSameMutex() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;
            static KernelSxLock s_sx;
            static int s_value;

            [Syscall]
            static int Nested(int n)
            {
                using (s_lock.Lock())
                {
                    using ({|#0:s_lock.Lock()|})
                    {
                        s_value = n;
                    }
                }

                return n;
            }

            [Syscall]
            static int Declared(int n)
            {
                using var outer = s_lock.Lock();
                if (n > 0)
                {
                    using var inner = {|KMS0304:s_lock.Lock()|};
                }

                return n;
            }

            [Syscall]
            static int Sx(int n)
            {
                using (s_sx.LockExclusive())
                {
                    using var shared = {|KMS0304:s_sx.LockShared()|};
                }

                return n;
            }
        }
        """,
        Context.Diagnostic(DiagnosticIds.RecursiveLock).WithLocation(0).WithArguments(
            "Locking", "mutex", "s_lock", "", "an MTX_DEF mutex without MTX_RECURSE panics (\"recursed on non-recursive mutex\")", ""));

    [Fact]
    public Task RecursiveLock_FiresOnAHelperThatTakesTheHeldMutex() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            internal static KernelMutex s_lock;
            internal static int s_count;

            [Syscall]
            static int Add(int n)
            {
                using (s_lock.Lock())
                {
                    {|#0:Counters.Bump(n)|};
                    {|#1:Counters.Indirect(n)|};
                    Other.Touch();
                    return s_count;
                }
            }

            [Syscall]
            static int ViaLocal(int n)
            {
                using var guard = s_lock.Lock();
                {|KMS0304:Again()|};
                return n;

                void Again()
                {
                    using (s_lock.Lock()) { s_count++; }
                }
            }
        }

        [KernelHelper]
        static class Counters
        {
            public static void Bump(int n)
            {
                using var g = M.s_lock.Lock();
                M.s_count += n;
            }

            public static void Indirect(int n) => Bump(n + 1);
        }

        [KernelHelper]
        static class Other
        {
            // Another mutex with the same name: locks are told apart by symbol.
            static KernelMutex s_lock;

            public static void Touch()
            {
                using (s_lock.Lock()) { M.s_count--; }
            }
        }
        """,
        Context.Diagnostic(DiagnosticIds.RecursiveLock).WithLocation(0).WithArguments(
            "Calling 'Bump' locks", "mutex", "s_lock", "", "an MTX_DEF mutex without MTX_RECURSE panics (\"recursed on non-recursive mutex\")", ""),
        Context.Diagnostic(DiagnosticIds.RecursiveLock).WithLocation(1).WithArguments(
            "Calling 'Indirect' locks", "mutex", "s_lock", " (Indirect → Bump)", "an MTX_DEF mutex without MTX_RECURSE panics (\"recursed on non-recursive mutex\")", ""));

    [Fact]
    public Task RecursiveLock_InAHelperIsReportedWithItsChain() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            internal static KernelMutex s_lock;

            [Syscall]
            static int Entry(int n) => Store.Put(n);
        }

        [KernelHelper]
        static class Store
        {
            public static int Put(int n)
            {
                using var held = M.s_lock.Lock();
                return {|#0:Count(n)|};
            }

            static int Count(int n)
            {
                using (M.s_lock.Lock()) { return n; }
            }
        }
        """,
        Context.Diagnostic(DiagnosticIds.RecursiveLock).WithLocation(0).WithArguments(
            "Calling 'Count' locks", "mutex", "s_lock", "", "an MTX_DEF mutex without MTX_RECURSE panics (\"recursed on non-recursive mutex\")", " (reached from entry → Put)"));

    [Fact]
    public Task RecursiveLock_DoesNotFireOnSequentialLocksOrAnUnheldLock() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;
            static KernelMutex s_other;
            static KernelSxLock s_sx;
            static int s_value;

            [Syscall]
            static int Sequential(int n)
            {
                using (s_lock.Lock()) { s_value = n; }
                using (s_lock.Lock()) { s_value++; }
                Bump();
                {
                    using var g = s_lock.Lock();
                }

                using var again = s_lock.Lock();
                return s_value;
            }

            [Syscall]
            static int Nested(int n)
            {
                using (s_lock.Lock())
                using (s_other.Lock())
                {
                    s_value = n;
                }

                using (s_sx.LockShared())
                {
                    using var readers = s_sx.LockShared();
                    return s_value;
                }
            }

            [Syscall]
            static int Other(int n)
            {
                using (s_other.Lock())
                {
                    return n;
                }
            }

            static void Bump()
            {
                using (s_lock.Lock()) { s_value++; }
            }
        }
        """);

    [Fact]
    public Task LockOrderReversal_FiresOnOppositeOrdersAcrossMethodsAndHelpers() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            internal static KernelMutex s_table;
            internal static KernelMutex s_stats;
            static int s_value;

            [Syscall]
            static int Insert(int key)
            {
                using (s_table.Lock())
                using (s_stats.Lock())
                {
                    s_value = key;
                }

                return 0;
            }

            [Syscall]
            static int Report(int key)
            {
                using var stats = s_stats.Lock();
                return {|#0:Tables.Lookup(key)|};
            }

            [Syscall]
            static int Direct(int key)
            {
                using (s_stats.Lock())
                {
                    using var table = {|#1:s_table.Lock()|};
                    return s_value;
                }
            }
        }

        [KernelHelper]
        static class Tables
        {
            public static int Lookup(int key)
            {
                using (M.s_table.Lock()) { return key; }
            }
        }
        """,
        Context.Diagnostic(DiagnosticIds.LockOrderReversal).WithLocation(0).WithArguments(
            "Calling 'Lookup', which takes", "s_table", "s_stats", "insert", "Test0.cs:14", ""),
        Context.Diagnostic(DiagnosticIds.LockOrderReversal).WithLocation(1).WithArguments(
            "Taking", "s_table", "s_stats", "insert", "Test0.cs:14", ""));

    [Fact]
    public Task LockOrderReversal_DoesNotFireOnAConsistentOrder() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_a;
            static KernelMutex s_b;
            static int s_value;

            [Syscall]
            static int First(int n)
            {
                using (s_a.Lock())
                {
                    TakeB();
                }

                using (s_b.Lock()) { s_value = n; }
                using (s_a.Lock()) { s_value++; }
                return s_value;
            }

            [Syscall]
            static int Second(int n)
            {
                using var a = s_a.Lock();
                using var b = s_b.Lock();
                return n switch { 0 => s_value, _ => n };
            }

            static void TakeB()
            {
                using (s_b.Lock()) { s_value--; }
            }
        }
        """);

    [Fact]
    public Task Locks_AsAStrangerWritesThem() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("stranger")]
        static class Weird
        {
            internal static KernelMutex gate;
            internal static KernelSxLock book;

            [Syscall(Name = "poke")]
            static int DoPoke(int kind)
            {
                MallocFlags mode = kind switch { 0 => MallocFlags.NoWait, _ => MallocFlags.WaitOk };
                MallocFlags quiet = kind switch { 0 => MallocFlags.NoWait, _ => MallocFlags.NoWait | MallocFlags.Zero };
                using var _ = gate.Lock();
                using KernelBuffer<int> buf = {|KMS0300:Kernel.Allocate<int>(flags: mode, count: 4)|};
                using KernelBuffer<int> fine = Kernel.Allocate<int>(flags: quiet, count: 4);
                if (kind is > 3 and < 9)
                {
                    return {|KMS0304:Util.Twice()|};
                }

                return {|#0:Util.Reader(kind)|};
            }

            [Syscall]
            static int Peek(int kind) => Util.Reader(kind) + Util.Twice();
        }

        [KernelHelper]
        static class Util
        {
            internal static int Twice() { using (Weird.gate.Lock()) { return 2; } }

            internal static int Reader(int kind)
            {
                using var shared = Weird.book.LockShared();
                return kind;
            }
        }
        """,
        Context.Diagnostic(DiagnosticIds.SleepUnderMutex).WithLocation(0)
            .WithArguments("Calling 'Reader', which reaches Taking an sx lock ('LockShared'),", "gate", ""));

    [Fact]
    public Task Locks_ToleratesBrokenCodeLambdasGenericsAndCycles() => Context.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;

            [Syscall]
            static int Entry(int n)
            {
                using (s_lock.Lock())
                {
                    {|CS0103:Missing|}(n);
                    Ping(n);
                    using KernelBuffer<byte> b = Kernel.Allocate<byte>(16, {|CS0103:flagz|});
                    n = Generic<int>(n);
                    Func<int> later = () => { using (s_lock.Lock()) { return 1; } };
                    {|CS0103:s_missing|}.Lock();
                }

                return n;
            }

            static void Ping(int n) { if (n > 0) Pong(n - 1); }

            static void Pong(int n) => Ping(n);

            static T Generic<T>(T value) => value;
        }
        """);
}
