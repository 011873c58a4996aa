using Context = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.KernelContextAnalyzer>;
using Printf = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.PrintfAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>KMS0300–KMS0303: sleeping under a mutex, releasing resources, printf formats.</summary>
public sealed class KernelContextTests
{
    [Fact]
    public Task SleepUnderMutex_FiresInUsingBlockAndAfterUsingDeclaration() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;
            static KernelSxLock s_sx;
            static int s_value;

            [Syscall]
            static Errno Block(UserPtr<int> p)
            {
                using (s_lock.Lock())
                {
                    return {|KMS0300:Kernel.CopyOut(in s_value, p)|};
                }
            }

            [Syscall]
            static Errno Declaration(int n)
            {
                using var guard = s_lock.Lock();
                using KernelBuffer<byte> buffer = {|KMS0300:Kernel.Allocate<byte>(16, MallocFlags.WaitOk | MallocFlags.Zero)|};
                using var sx = {|KMS0300:s_sx.LockExclusive()|};
                return Errno.None;
            }
        }
        """);

    [Fact]
    public Task SleepUnderMutex_FiresOnAHelperThatSleeps() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;

            [Syscall]
            static Errno Entry(UserPtr<int> p)
            {
                using (s_lock.Lock())
                {
                    int fine = Pure(1);
                    return {|#0:Read(p)|};
                }
            }

            static int Pure(int x) => x + 1;

            static Errno Read(UserPtr<int> p) => Deeper(p);

            static Errno Deeper(UserPtr<int> p) => Kernel.CopyIn(p, out int v);
        }
        """,
        Context.Diagnostic(DiagnosticIds.SleepUnderMutex).WithLocation(0)
            .WithArguments("Calling 'Read', which reaches 'Kernel.CopyIn' (a page fault on user memory sleeps),", "s_lock", ""));

    [Fact]
    public Task SleepUnderMutex_DoesNotFireBeforeLockingOrWithNoWait() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;
            static KernelSxLock s_sx;
            static int s_value;

            [Syscall]
            static Errno Entry(UserPtr<int> p)
            {
                Errno e = Kernel.CopyIn(p, out int value);
                if (e != Errno.None) return e;
                using (s_lock.Lock())
                {
                    s_value = value;
                    using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(16, MallocFlags.NoWait);
                }

                using (s_sx.LockExclusive())
                {
                    e = Kernel.CopyOut(in s_value, p);
                }

                return e;
            }
        }
        """);

    [Fact]
    public Task ResourceNotReleased_FiresWithoutUsing() => Context.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;

            [Syscall]
            static int Entry(int n)
            {
                KernelBuffer<byte> buffer = {|KMS0301:Kernel.Allocate<byte>(16, MallocFlags.NoWait)|};
                {|KMS0301:s_lock.Lock()|};
                using KernelBuffer<byte> fine = Kernel.Allocate<byte>(16, MallocFlags.NoWait);
                using (s_lock.Lock()) { n++; }
                using KernelBuffer<byte> fromHelper = Make();
                return n;
            }

            static KernelBuffer<byte> Make() => Kernel.Allocate<byte>(8, MallocFlags.NoWait);
        }
        """);

    [Fact]
    public Task Printf_FormatMatchingItsArgumentsIsFine() => Printf.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Entry(int a, uint b, long c, ulong d, nint e, byte f, Errno g, bool h)
            {
                Span<byte> name = stackalloc byte[8];
                ReadOnlySpan<byte> view = name;
                Kernel.Printf("%d %u %ld %lu\n", a, b, c, d);
                Kernel.Printf("%zd %x %d %d\n", e, f, g, h);
                Kernel.Printf("%s %s %c 100%%\n", name, view, f);
                Kernel.Printf("%08lx %-5d %#X\n", d, a, b);
                Kernel.Printf("plain\n");
                return a;
            }
        }
        """);

    [Fact]
    public Task Printf_WrongTypesCountsAndConversions() => Printf.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            const string NotLiteral = "x";

            [Syscall]
            static int Entry(int a, long c, uint u)
            {
                Kernel.Printf("%d\n", {|#0:c|});
                Kernel.Printf("%ld\n", {|#1:a|});
                Kernel.Printf("%d\n", {|#2:u|});
                Kernel.Printf({|#3:"%d %d\n"|}, a);
                Kernel.Printf("%d\n", a, {|#4:a|});
                Kernel.Printf({|#5:"%p\n"|}, c);
                Kernel.Printf("%s\n", {|#6:a|});
                Kernel.Printf({|#7:$"a={a}\n"|});
                Kernel.Printf(NotLiteral);
                return a;
            }
        }
        """,
        Printf.Diagnostic(DiagnosticIds.PrintfMismatch).WithLocation(0).WithArguments("'%d' expects a 32-bit integer but the argument is the 64-bit 'long'; use '%ld'", ""),
        Printf.Diagnostic(DiagnosticIds.PrintfMismatch).WithLocation(1).WithArguments("'%ld' expects a 64-bit integer but the argument is 'int'; use '%d'", ""),
        Printf.Diagnostic(DiagnosticIds.PrintfMismatch).WithLocation(2).WithArguments("'%d' expects a signed integer but the argument is the unsigned 'uint'; use '%u'", ""),
        Printf.Diagnostic(DiagnosticIds.PrintfMismatch).WithLocation(3).WithArguments("the format has 2 conversions but 1 argument is given", ""),
        Printf.Diagnostic(DiagnosticIds.PrintfMismatch).WithLocation(4).WithArguments("the format has 1 conversion but 2 arguments are given", ""),
        Printf.Diagnostic(DiagnosticIds.PrintfMismatch).WithLocation(5).WithArguments("'%p' is not allowed: kernel code has no pointers, and printing kernel addresses leaks KASLR; print an integer with %lx", ""),
        Printf.Diagnostic(DiagnosticIds.PrintfMismatch).WithLocation(6).WithArguments("'%s' expects a Span<byte> or ReadOnlySpan<byte> holding a NUL-terminated string, but the argument is 'int'", ""),
        Printf.Diagnostic(DiagnosticIds.PrintfFormatNotLiteral).WithLocation(7).WithArguments("it is an interpolated string", ""));
}
