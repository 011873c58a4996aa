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
}
