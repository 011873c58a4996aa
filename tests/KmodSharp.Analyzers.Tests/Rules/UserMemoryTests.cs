using Fetch = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.DoubleFetchAnalyzer>;
using Memory = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UserMemoryAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>KMS0200–KMS0203: user memory (KMS0205 is in <see cref="UserValueRangeTests"/>).</summary>
public sealed class UserMemoryTests
{
    [Fact]
    public Task RawPointerParameter_Fires() => Memory.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static unsafe class M
        {
            [Syscall]
            static int Entry(int* {|KMS0200:p|}, void* {|KMS0200:q|}, UserPtr<int> fine) => 0;

            static int NotASyscall(int* p) => 0;
        }
        """);

    [Fact]
    public Task IgnoredCopyResult_FiresOnDiscardedResultsOnly() => Memory.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> p, UserPtr<byte> b, UserString s)
            {
                {|KMS0201:Kernel.CopyIn(p, out int value)|};
                _ = {|KMS0201:Kernel.CopyOut(in value, p)|};
                {|KMS0201:Kernel.StoreByte(b, 1)|};
                {|KMS0201:Kernel.PrivCheck(Privilege.Module0)|};
                Span<byte> name = stackalloc byte[32];
                Errno e = Kernel.CopyInString(s, name, out nuint length);
                if (e != Errno.None) return e;
                if (Kernel.FetchByte(b) < 0) return Errno.EFAULT;
                return Kernel.CopyOut(in value, p);
            }
        }
        """);

    [Fact]
    public Task SkipLocalsInit_Fires() => Memory.VerifyAnalyzerAsync("""
        using System.Runtime.CompilerServices;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [{|KMS0203:SkipLocalsInit|}]
            [Syscall]
            static int Entry(int n) => n;
        }

        static class Userland
        {
            [SkipLocalsInit]
            static int Fine(int n) => n;
        }
        """);

    [Fact]
    public Task Padded_structs_copied_out_alone_or_in_spans_are_accepted() => Memory.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        struct Padded { public byte Flag; public long Value; }
        struct Tail { public long Value; public int Count; }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<Padded> a, UserPtr<Tail> b)
            {
                var padded = new Padded { Flag = 1, Value = 2 };
                Errno e = Kernel.CopyOut(in padded, a);
                if (e != Errno.None) return e;
                Span<Padded> several = stackalloc Padded[2];
                e = Kernel.CopyOut(several, a);
                if (e != Errno.None) return e;
                ReadOnlySpan<Tail> tails = stackalloc Tail[1];
                return Kernel.CopyOut(destination: b, source: tails);
            }
        }
        """);

    [Fact]
    public Task DoubleFetch_FiresOnTheSecondFetchOfOneLocation() => Fetch.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> p)
            {
                Errno e = Kernel.CopyIn(p, out int size);
                if (e != Errno.None) return e;
                if (size > 64) return Errno.EINVAL;
                e = {|KMS0202:Kernel.CopyIn(p, out int again)|};
                return e;
            }

            [Syscall]
            static Errno InALoop(UserPtr<byte> p, int n)
            {
                for (int i = 0; i < n; i++)
                {
                    if ({|KMS0202:Kernel.FetchByte(p)|} < 0) return Errno.EFAULT;
                }

                return Errno.None;
            }
        }
        """);

    [Fact]
    public Task DoubleFetch_DoesNotFireOnDifferentPointersOrBranchesOrPragma() => Fetch.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> p, UserPtr<int> q, bool which)
            {
                Errno e = Kernel.CopyIn(p, out int a);
                if (e != Errno.None) return e;
                e = Kernel.CopyIn(q, out int b);
                if (e != Errno.None) return e;
                e = Kernel.CopyIn(p.Add(1), out int c);
                if (e != Errno.None) return e;
                return Errno.None;
            }

            [Syscall]
            static Errno Branches(UserPtr<int> p, bool which)
            {
                Errno e;
                if (which) e = Kernel.CopyIn(p, out int a);
                else e = Kernel.CopyIn(p, out int b);
                return e;
            }

            [Syscall]
            static Errno Intended(UserPtr<int> p)
            {
                Errno e = Kernel.CopyIn(p, out int a);
        #pragma warning disable KMS0202 // re-read on purpose: the value is only logged
                e = Kernel.CopyIn(p, out int b);
        #pragma warning restore KMS0202
                return e;
            }
        }
        """);
}
