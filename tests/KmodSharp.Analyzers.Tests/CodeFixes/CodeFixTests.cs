using AddUsing = KmodSharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<KmodSharp.Analyzers.Rules.KernelContextAnalyzer, KmodSharp.Analyzers.CodeFixes.AddUsingCodeFix>;
using CopyResult = KmodSharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<KmodSharp.Analyzers.Rules.UserMemoryAnalyzer, KmodSharp.Analyzers.CodeFixes.IgnoredCopyResultCodeFix>;
using LostError = KmodSharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<KmodSharp.Analyzers.Rules.LostErrorAnalyzer, KmodSharp.Analyzers.CodeFixes.LostErrorCodeFix>;
using Pointer = KmodSharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<KmodSharp.Analyzers.Rules.UserMemoryAnalyzer, KmodSharp.Analyzers.CodeFixes.RawPointerParameterCodeFix>;
using Printf = KmodSharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<KmodSharp.Analyzers.Rules.PrintfAnalyzer, KmodSharp.Analyzers.CodeFixes.PrintfInterpolationCodeFix>;
using Relock = KmodSharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<KmodSharp.Analyzers.Rules.KernelContextAnalyzer, KmodSharp.Analyzers.CodeFixes.RemoveRelockCodeFix>;
using StackArray = KmodSharp.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<KmodSharp.Analyzers.Rules.GcAllocationAnalyzer, KmodSharp.Analyzers.CodeFixes.StackAllocArrayCodeFix>;

namespace KmodSharp.Analyzers.Tests.CodeFixes;

/// <summary>Each fix through the code-fix verifier, which also runs Fix All (document, project, solution).</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task NestedRelock_LosesItsUsingAndKeepsItsBody() => Relock.VerifyCodeFixAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;
            static int s_value;

            [Syscall]
            static int Entry(int n)
            {
                using (s_lock.Lock())
                {
                    s_value = n;
                    using ({|KMS0304:s_lock.Lock()|})
                    {
                        s_value++;
                    }
                }

                return s_value;
            }
        }
        """, """
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;
            static int s_value;

            [Syscall]
            static int Entry(int n)
            {
                using (s_lock.Lock())
                {
                    s_value = n;
                    {
                        s_value++;
                    }
                }

                return s_value;
            }
        }
        """);

    [Fact]
    public Task RawPointer_BecomesUserPtr() => Pointer.VerifyCodeFixAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static unsafe class M
        {
            [Syscall]
            static int Entry(int* {|KMS0200:p|}, void* {|KMS0200:q|}) => 0;
        }
        """, """
        using KmodSharp;

        [KernelModule("m")]
        static unsafe class M
        {
            [Syscall]
            static int Entry(UserPtr<int> p, UserPtr<byte> q) => 0;
        }
        """);

    [Fact]
    public Task InterpolatedPrintf_BecomesFormatAndArguments() => Printf.VerifyCodeFixAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Entry(int value, long big, uint flags)
            {
                Kernel.Printf({|KMS0303:$"value={value} big={big} flags={flags:x8} 100%\n"|});
                Kernel.Printf({|KMS0303:$"again {value,5}\n"|});
                return value;
            }
        }
        """, """
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Entry(int value, long big, uint flags)
            {
                Kernel.Printf("value=%d big=%ld flags=%08x 100%%\n", value, big, flags);
                Kernel.Printf("again %5d\n", value);
                return value;
            }
        }
        """);

    [Fact]
    public Task IgnoredCopyResult_BecomesCheckedReturn_FixAllPicksFreshNames() => CopyResult.VerifyCodeFixAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static SyscallResult<int> Entry(UserPtr<int> p, UserPtr<int> q)
            {
                {|KMS0201:Kernel.CopyIn(p, out int value)|};
                _ = {|KMS0201:Kernel.CopyOut(in value, q)|};
                return value;
            }
        }
        """, """
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static SyscallResult<int> Entry(UserPtr<int> p, UserPtr<int> q)
            {
                Errno error = Kernel.CopyIn(p, out int value);
                if (error != Errno.None) return error;
                Errno error2 = Kernel.CopyOut(in value, q);
                if (error2 != Errno.None) return error2;
                return value;
            }
        }
        """);

    [Fact]
    public Task LostError_GetsCheckedRightAfterTheStore() => LostError.VerifyCodeFixAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> a, UserPtr<int> b)
            {
                int x = 1;
                Errno {|KMS0207:e = Kernel.CopyOut(in x, a)|};
                e = Kernel.CopyOut(in x, b);
                return e;

                Errno Twice(int v)
                {
                    Errno inner = Errno.None;
                    {|KMS0207:inner = Kernel.CopyOut(in v, a)|};
                    inner = Kernel.CopyOut(in v, b);
                    return inner;
                }
            }
        }
        """, """
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> a, UserPtr<int> b)
            {
                int x = 1;
                Errno e = Kernel.CopyOut(in x, a);
                if (e != Errno.None) return e;
                e = Kernel.CopyOut(in x, b);
                return e;

                Errno Twice(int v)
                {
                    Errno inner = Errno.None;
                    inner = Kernel.CopyOut(in v, a);
                    if (inner != Errno.None) return inner;
                    inner = Kernel.CopyOut(in v, b);
                    return inner;
                }
            }
        }
        """);

    [Fact]
    public Task SmallConstantArray_BecomesStackAllocSpan() => StackArray.VerifyCodeFixAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Entry(int n)
            {
                int[] values = {|KMS0001:new int[4]|};
                var bytes = {|KMS0001:new byte[16]|};
                values[0] = n;
                bytes[1] = 2;
                return values[0] + bytes.Length;
            }
        }
        """, """
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Entry(int n)
            {
                Span<int> values = stackalloc int[4];
                Span<byte> bytes = stackalloc byte[16];
                values[0] = n;
                bytes[1] = 2;
                return values[0] + bytes.Length;
            }
        }
        """);

    [Fact]
    public Task MissingUsing_IsAdded() => AddUsing.VerifyCodeFixAsync("""
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
                return n + buffer.Length;
            }
        }
        """, """
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;

            [Syscall]
            static int Entry(int n)
            {
                using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(16, MallocFlags.NoWait);
                using var guard = s_lock.Lock();
                return n + buffer.Length;
            }
        }
        """);
}
