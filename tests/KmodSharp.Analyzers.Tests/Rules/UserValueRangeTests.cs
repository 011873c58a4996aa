using Ranges = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UserValueRangeAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>KMS0205 (user-controlled sizes, bounded on both ends) and KMS0206 (user-controlled loop bounds under a mutex).</summary>
public sealed class UserValueRangeTests
{
    [Fact]
    public Task UnboundedUserLength_FiresWithoutACheck() => Ranges.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Bad(int count, int length)
            {
                using KernelBuffer<byte> buffer = Kernel.Allocate<byte>({|KMS0205:count|}, MallocFlags.WaitOk);
                Span<byte> local = stackalloc byte[64];
                Span<byte> part = local.Slice(0, {|KMS0205:length|});
                int doubled = count * 2;
                using KernelBuffer<int> other = Kernel.Allocate<int>({|KMS0205:doubled|}, MallocFlags.NoWait);
                Span<byte> tail = local[{|KMS0205:length|}..{|KMS0205:^count|}];
                return Errno.None;
            }

            [Syscall]
            static int RangeAfterCheck(int from)
            {
                if (from < 0 || from > 8) return -1;
                Span<byte> local = stackalloc byte[8];
                return local[from..].Length + local[^1];
            }

            [Syscall]
            static Errno GoodThroughLocal(int count)
            {
                int size = count + 1;
                if (size > 64 || size < 1) return Errno.EINVAL;
                using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(size, MallocFlags.NoWait);
                return Errno.None;
            }

            [Syscall]
            static Errno Good(int count, int length)
            {
                if (count <= 0 || count > 4096) return Errno.EINVAL;
                Span<byte> local = stackalloc byte[64];
                if (length < 0 || length > local.Length) return Errno.EINVAL;
                using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(count, MallocFlags.WaitOk);
                Span<byte> part = local.Slice(0, length);
                return Errno.None;
            }
        }
        """);

    [Fact]
    public Task UnboundedUserLength_OneSidedChecksAreNotBounds() => Ranges.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno OnlyBelow(int count)
            {
                if (count < 0) return Errno.EINVAL;
                using KernelBuffer<long> b = Kernel.Allocate<long>({|#0:count|}, MallocFlags.WaitOk);
                return Errno.None;
            }

            [Syscall]
            static Errno SignedOnlyAbove(int count)
            {
                if (count > 64) return Errno.EINVAL;
                using KernelBuffer<long> b = Kernel.Allocate<long>({|#1:count|}, MallocFlags.WaitOk);
                return Errno.None;
            }

            [Syscall]
            static Errno UnsignedOnlyAbove(uint count)
            {
                if (count > 64) return Errno.EINVAL;
                using KernelBuffer<long> b = Kernel.Allocate<long>((int)count, MallocFlags.WaitOk);
                return Errno.None;
            }

            [Syscall]
            static Errno BothEnds(int count)
            {
                if (count < 0 || count > 64) return Errno.EINVAL;
                using KernelBuffer<long> b = Kernel.Allocate<long>(count, MallocFlags.WaitOk);
                return Errno.None;
            }

            [Syscall]
            static Errno Pattern(int count)
            {
                if (count is < 1 or > 64) return Errno.EINVAL;
                using KernelBuffer<long> b = Kernel.Allocate<long>(count, MallocFlags.WaitOk);
                return Errno.None;
            }

            [Syscall]
            static Errno UnsignedTrick(int count)
            {
                if ((uint)count >= 64u) return Errno.EINVAL;
                using KernelBuffer<long> b = Kernel.Allocate<long>(count, MallocFlags.WaitOk);
                return Errno.None;
            }

            [Syscall]
            static Errno BoundOnOnePathOnly(int count, bool careful)
            {
                if (careful && (count < 0 || count > 64)) return Errno.EINVAL;
                using KernelBuffer<long> b = Kernel.Allocate<long>({|#2:count|}, MallocFlags.WaitOk);
                return Errno.None;
            }
        }
        """,
        Ranges.Diagnostic("KMS0205").WithLocation(0).WithArguments("'count'", "the count of Kernel.Allocate", "no upper bound", ""),
        Ranges.Diagnostic("KMS0205").WithLocation(1).WithArguments("'count'", "the count of Kernel.Allocate", "no lower bound", ""),
        Ranges.Diagnostic("KMS0205").WithLocation(2).WithArguments("'count'", "the count of Kernel.Allocate", "no bound on either end", ""));

    [Fact]
    public Task UnboundedUserLength_ArithmeticThatBounds() => Ranges.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Masked(int n, int m, uint u)
            {
                Span<byte> s = stackalloc byte[8];
                Span<byte> a = s.Slice(0, n & 3);
                Span<byte> b = s.Slice(0, (int)(u % 8));
                Span<byte> c = s.Slice(0, m % 8 + 0);
                Span<byte> d = s.Slice(0, Math.Clamp(n, 0, 8));
                Span<byte> e = s.Slice(0, (n & 0xff) >> 5);
                Span<byte> f = s[(n & 7)..];
                Span<byte> g = s.Slice(0, {|#0:Math.Min(n, 8)|});
                Span<byte> h = s.Slice(0, {|#1:n + 1|});
                return Errno.None;
            }

            [Syscall]
            static Errno Rebounded(int n)
            {
                if (n < 0 || n > 16) return Errno.EINVAL;
                n = n * 4;
                Span<byte> s = stackalloc byte[64];
                Span<byte> a = s.Slice(0, n);
                n = n << 28;
                Span<byte> b = s.Slice(0, {|#2:n|});
                return Errno.None;
            }
        }
        """,
        Ranges.Diagnostic("KMS0205").WithLocation(0).WithArguments("'n'", "a Slice bound", "no lower bound", ""),
        Ranges.Diagnostic("KMS0205").WithLocation(1).WithArguments("'n'", "a Slice bound", "no bound on either end", ""),
        Ranges.Diagnostic("KMS0205").WithLocation(2).WithArguments("'n'", "a Slice bound", "no bound on either end", ""));

    [Fact]
    public Task UnboundedUserLength_FiresOnValuesReadFromUserMemory() => Ranges.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        struct Request { public int Count; public uint Flags; }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Copied(UserPtr<Request> p, UserPtr<int> q, UserPtr<byte> r)
            {
                Errno e = Kernel.CopyIn(p, out Request req);
                if (e != Errno.None) return e;
                using KernelBuffer<byte> a = Kernel.Allocate<byte>({|#0:req.Count|}, MallocFlags.WaitOk);
                Request copy = req;
                using KernelBuffer<byte> b = Kernel.Allocate<byte>({|#1:copy.Count|}, MallocFlags.WaitOk);
                e = Kernel.CopyIn(q, out int size);
                if (e != Errno.None) return e;
                int total = size + 8;
                using KernelBuffer<byte> c = Kernel.Allocate<byte>({|#2:total|}, MallocFlags.WaitOk);
                int fetched = Kernel.FetchByte(r);
                using KernelBuffer<byte> d = Kernel.Allocate<byte>(fetched + 1, MallocFlags.WaitOk);
                return Errno.None;
            }

            [Syscall]
            static Errno Checked(UserPtr<Request> p)
            {
                Errno e = Kernel.CopyIn(p, out Request req);
                if (e != Errno.None) return e;
                if (req.Count <= 0 || req.Count > 128) return Errno.EINVAL;
                using KernelBuffer<byte> a = Kernel.Allocate<byte>(req.Count, MallocFlags.WaitOk);
                return Errno.None;
            }
        }
        """,
        Ranges.Diagnostic("KMS0205").WithLocation(0).WithArguments("'req.Count' (read from user memory)", "the count of Kernel.Allocate", "no bound on either end", ""),
        Ranges.Diagnostic("KMS0205").WithLocation(1).WithArguments("'copy.Count' (read from user memory)", "the count of Kernel.Allocate", "no bound on either end", ""),
        Ranges.Diagnostic("KMS0205").WithLocation(2).WithArguments("'size' (read from user memory) (through 'total')", "the count of Kernel.Allocate", "no bound on either end", ""));

    [Fact]
    public Task UnboundedUserLength_FiresAtTheArgumentOfAHelperThatAllocates() => Ranges.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Direct(int count) => Buffers.Make({|#0:count|});

            [Syscall]
            static Errno Named(int n, int unused)
            {
                if (n < 0) return Errno.EINVAL;
                return Buffers.Twice(flags: 1, size: {|#1:n|});
            }

            [Syscall]
            static Errno Checked(int n)
            {
                if (n < 1 || n > 32) return Errno.EINVAL;
                return Buffers.Make(n);
            }

            [Syscall]
            static Errno HelperChecks(int n) => Buffers.Safe(n);

            [Syscall]
            static Errno Captured(int n)
            {
                if (n < 0 || n > 8) return Errno.EINVAL;
                return Take();

                Errno Take()
                {
                    using KernelBuffer<byte> b = Kernel.Allocate<byte>(n, MallocFlags.NoWait);
                    return Errno.None;
                }
            }

            [Syscall]
            static Errno Local(int n)
            {
                return Cut({|#2:n|});

                static Errno Cut(int length)
                {
                    Span<byte> s = stackalloc byte[16];
                    s.Slice(0, length).Clear();
                    return Errno.None;
                }
            }
        }

        [KernelHelper]
        static class Buffers
        {
            public static Errno Make(int count)
            {
                using KernelBuffer<byte> b = Kernel.Allocate<byte>(count, MallocFlags.NoWait);
                return b.IsNull ? Errno.ENOMEM : Errno.None;
            }

            public static Errno Twice(int flags, int size) => Make(size * 2);

            public static Errno Safe(int count)
            {
                if (count <= 0 || count > 4096) return Errno.EINVAL;
                return Make(count);
            }
        }
        """,
        Ranges.Diagnostic("KMS0205").WithLocation(0).WithArguments("'count'", "'count' of 'Buffers.Make', which reaches the count of Kernel.Allocate in 'Buffers.Make'", "no bound on either end", ""),
        Ranges.Diagnostic("KMS0205").WithLocation(1).WithArguments("'n'", "'size' of 'Buffers.Twice', which reaches 'count' of 'Buffers.Make', which reaches the count of Kernel.Allocate in 'Buffers.Make'", "no upper bound", ""),
        Ranges.Diagnostic("KMS0205").WithLocation(2).WithArguments("'n'", "'length' of 'Cut', which reaches a Slice bound in 'Cut'", "no bound on either end", ""));

    [Fact]
    public Task UnboundedUserLength_FiresInAHelperThatReadsUserMemory() => Ranges.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> p) => Reader.Load(p);
        }

        [KernelHelper]
        static class Reader
        {
            public static Errno Load(UserPtr<int> p)
            {
                if (Kernel.FetchWord32(p, out int size) != 0) return Errno.EFAULT;
                using KernelBuffer<byte> b = Kernel.Allocate<byte>({|#0:size|}, MallocFlags.WaitOk);
                return Errno.None;
            }
        }
        """,
        Ranges.Diagnostic("KMS0205").WithLocation(0).WithArguments("'size' (read from user memory)", "the count of Kernel.Allocate", "no bound on either end", " (reached from entry → Load)"));

    [Fact]
    public Task UserLoopUnderMutex_FiresOnAnUnboundedLoopWhileLocked() => Ranges.VerifyAnalyzerAsync("""
        using KmodSharp;

        struct Batch { public uint Count; }

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;
            static long s_total;

            [Syscall]
            static Errno Spin(int count)
            {
                using (s_lock.Lock())
                {
                    for (int i = 0; i < {|#0:count|}; i++)
                    {
                        s_total += i;
                    }
                }

                return Errno.None;
            }

            [Syscall]
            static Errno CountDown(int n)
            {
                if (n < 0) return Errno.EINVAL;
                using var guard = s_lock.Lock();
                while ({|#1:n|} > 0)
                {
                    n--;
                    s_total++;
                }

                return Errno.None;
            }

            [Syscall]
            static Errno FromUser(UserPtr<Batch> p)
            {
                Errno e = Kernel.CopyIn(p, out Batch batch);
                if (e != Errno.None) return e;
                using (s_lock.Lock())
                {
                    uint i = 0;
                    do { s_total++; i++; } while (i < {|#2:batch.Count|});
                }

                return Errno.None;
            }
        }
        """,
        Ranges.Diagnostic("KMS0206").WithLocation(0).WithArguments("'count'", "the bound of a loop", "no upper bound", "s_lock", ""),
        Ranges.Diagnostic("KMS0206").WithLocation(1).WithArguments("'n'", "the bound of a loop", "no upper bound", "s_lock", ""),
        Ranges.Diagnostic("KMS0206").WithLocation(2).WithArguments("'batch.Count' (read from user memory)", "the bound of a loop", "no upper bound", "s_lock", ""));

    [Fact]
    public Task UserLoopUnderMutex_DoesNotFireOnBoundedLoopsOrWithoutALock() => Ranges.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;
            static long s_total;

            [Syscall]
            static Errno Bounded(int count)
            {
                if (count < 0 || count > 64) return Errno.EINVAL;
                using (s_lock.Lock())
                {
                    for (int i = 0; i < count; i++) s_total += i;
                }

                return Errno.None;
            }

            [Syscall]
            static Errno UpperCheckIsEnoughForAnUpCount(int count)
            {
                if (count > 64) return Errno.EINVAL;
                using (s_lock.Lock())
                {
                    for (int i = 0; i < count; i++) s_total += i;
                }

                return Errno.None;
            }

            [Syscall]
            static Errno Clamped(int count)
            {
                using (s_lock.Lock())
                {
                    for (int i = 0; i < Math.Min(count, 64); i++) s_total += i;
                    for (int j = 0; j < (count & 63); j++) s_total += j;
                }

                return Errno.None;
            }

            [Syscall]
            static Errno Unlocked(int count)
            {
                for (int i = 0; i < count; i++) s_total += i;
                return Errno.None;
            }

            [Syscall]
            static Errno ConstantLoop(int count)
            {
                using (s_lock.Lock())
                {
                    for (int i = 0; i < 16; i++) s_total += count;
                }

                return Errno.None;
            }
        }
        """);

    [Fact]
    public Task UserLoopUnderMutex_FiresThroughAHelperThatLoops() => Ranges.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;

            [Syscall]
            static Errno CallerLocks(int n)
            {
                using (s_lock.Lock())
                {
                    Work.Sum({|#0:n|});
                }

                return Errno.None;
            }

            [Syscall]
            static Errno HelperLocks(int n) => Work.LockedSum(rounds: {|#1:n|});

            [Syscall]
            static Errno NoLock(int n)
            {
                Work.Sum(n);
                return Errno.None;
            }

            [Syscall]
            static Errno Checked(int n)
            {
                if (n < 0 || n > 100) return Errno.EINVAL;
                return Work.LockedSum(n);
            }

            [Syscall]
            static Errno HelperBounds(int n) => Work.BoundedLockedSum(n);
        }

        [KernelHelper]
        static class Work
        {
            static KernelMutex s_work;
            public static long s_sum;

            public static void Sum(int rounds)
            {
                for (int i = 0; i < rounds; i++) s_sum += i;
            }

            public static Errno LockedSum(int rounds)
            {
                using var guard = s_work.Lock();
                Sum(rounds);
                return Errno.None;
            }

            public static Errno BoundedLockedSum(int rounds)
            {
                if (rounds > 16) return Errno.EINVAL;
                using var guard = s_work.Lock();
                Sum(rounds);
                return Errno.None;
            }
        }
        """,
        Ranges.Diagnostic("KMS0206").WithLocation(0).WithArguments("'n'", "'rounds' of 'Work.Sum', which reaches the bound of a loop in 'Work.Sum'", "no upper bound", "s_lock", ""),
        Ranges.Diagnostic("KMS0206").WithLocation(1).WithArguments("'n'", "'rounds' of 'Work.LockedSum', which reaches 'rounds' of 'Work.Sum', which reaches the bound of a loop in 'Work.Sum'", "no upper bound", "s_work", ""));
}
