using Lost = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.LostErrorAnalyzer>;
using Memory = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UserMemoryAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>KMS0207: a checked call's error stored in a local and overwritten (or dropped) before anything reads it; KMS0201 on helpers returning such an error.</summary>
public sealed class LostErrorTests
{
    [Fact]
    public Task Second_CopyOut_overwrites_the_first_error() => Lost.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> a, UserPtr<int> b)
            {
                int x = 1, y = 2;
                Errno e;
                {|KMS0207:e = Kernel.CopyOut(in x, a)|};
                e = Kernel.CopyOut(in y, b);
                return e;
            }
        }
        """);

    [Fact]
    public Task A_store_read_by_the_next_statement_is_fine_but_one_inside_a_branch_that_returns_is_not() => Lost.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> a, int k)
            {
                int x = 1;
                Errno first = Kernel.CopyOut(in x, a);
                if (first != Errno.None) return first;
                Errno e = Errno.None;
                switch (k)
                {
                    case 1:
                        {|KMS0207:e = Kernel.CopyOut(in x, a)|};
                        return Errno.None;
                }

                return e;
            }
        }
        """);

    [Fact]
    public Task Declaration_initializer_and_PrivCheck_lost_by_the_method_end() => Lost.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<long> a)
            {
                Errno {|KMS0207:denied = Kernel.PrivCheck(Privilege.Module0)|};
                long value = 7;
                Errno {|KMS0207:copied = Kernel.CopyOut(in value, a)|};
                return Errno.None;
            }
        }
        """);

    [Fact]
    public Task Checked_between_the_stores_does_not_fire() => Lost.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> a, UserPtr<int> b)
            {
                int x = 1, y = 2;
                Errno e = Kernel.CopyOut(in x, a);
                if (e != 0) return e;
                e = Kernel.CopyOut(in y, b);
                return e;
            }

            [Syscall]
            static Errno Combined(UserPtr<int> a, UserPtr<int> b)
            {
                int x = 1, y = 2;
                Errno e = Kernel.CopyOut(in x, a);
                e |= Kernel.CopyOut(in y, b);
                return e;
            }

            [Syscall]
            static Errno OnlyIfFine(UserPtr<int> a, UserPtr<int> b)
            {
                int x = 1;
                Errno e = Kernel.CopyIn(a, out x);
                if (e == Errno.None) e = Kernel.CopyOut(in x, b);
                return e;
            }

            [Syscall]
            static Errno Patterns(UserPtr<int> a, UserPtr<int> b)
            {
                Errno e = Kernel.CopyIn(a, out int x);
                if (e is not Errno.None) return e;
                e = Kernel.CopyOut(in x, b);
                return e switch { Errno.None => Errno.None, _ => e };
            }
        }
        """);

    [Fact]
    public Task Read_on_one_branch_only_keeps_the_store() => Lost.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> a, UserPtr<int> b, int mode)
            {
                int x = 1;
                Errno e = Kernel.CopyOut(in x, a);
                if (mode == 1)
                {
                    return e;
                }

                e = Kernel.CopyOut(in x, b);
                return e;
            }
        }
        """);

    [Fact]
    public Task Overwritten_on_every_branch_fires() => Lost.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> a, UserPtr<int> b, int mode)
            {
                int x = 1;
                Errno {|KMS0207:e = Kernel.CopyOut(in x, a)|};
                switch (mode)
                {
                    case 1:
                        e = Kernel.CopyOut(in x, b);
                        break;
                    default:
                        e = Errno.EINVAL;
                        break;
                }

                return e;
            }
        }
        """);

    [Fact]
    public Task Loops_keep_a_value_read_by_the_next_iteration_and_fire_inside_the_body() => Lost.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Checked(UserPtr<int> a, int count)
            {
                Errno e = Errno.None;
                for (int i = 0; i < 4 && e == Errno.None; i++)
                {
                    e = Kernel.CopyOut(in i, a);
                }

                return e;
            }

            [Syscall]
            static Errno Lost(UserPtr<int> a, UserPtr<int> b)
            {
                Errno e = Errno.None;
                int i = 0;
                while (i < 4)
                {
                    {|KMS0207:e = Kernel.CopyOut(in i, a)|};
                    e = Kernel.CopyOut(in i, b);
                    if (e != Errno.None) break;
                    i++;
                }

                return e;
            }
        }
        """);

    [Fact]
    public Task Helpers_returning_a_copy_error_count_as_the_copy() => Lost.VerifyAnalyzerAsync("""
        using KmodSharp;

        struct Request { public int Size; }

        [KernelHelper]
        static class Requests
        {
            public static Errno Validate(UserPtr<Request> source)
            {
                Errno error = Kernel.CopyIn(source, out Request request);
                if (error != Errno.None) return error;
                return request.Size > 64 ? Errno.EINVAL : Errno.None;
            }

            // Through a second helper: the summary composes.
            public static Errno ValidateTwice(UserPtr<Request> source) => Validate(source);

            public static Errno Constant(int size) => size > 64 ? Errno.EINVAL : Errno.None;
        }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<Request> r, UserPtr<int> reply)
            {
                int ok = 1;
                Errno {|KMS0207:e = Requests.ValidateTwice(r)|};
                e = Kernel.CopyOut(in ok, reply);
                return e;
            }

            [Syscall]
            static Errno NoCopyInside(UserPtr<int> reply, int size)
            {
                int ok = 1;
                Errno e = Requests.Constant(size);
                e = Kernel.CopyOut(in ok, reply);
                return e;
            }
        }
        """);

    [Fact]
    public Task Local_functions_are_analysed_and_summarised() => Lost.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> target, int value)
            {
                Errno {|KMS0207:status = Send(value)|};
                status = Send(value + 1);
                return status;

                Errno Send(int v)
                {
                    Errno inner;
                    {|KMS0207:inner = Kernel.CopyOut(in v, target)|};
                    inner = Kernel.CopyOut(in v, target.Add(1));
                    return inner;
                }
            }

            [Syscall]
            static Errno Captured(UserPtr<int> target, int value)
            {
                // The local function reads 'e': out of sight of this body's graph, so no finding.
                Errno e = Kernel.CopyOut(in value, target);
                Report();
                e = Errno.None;
                return e;

                void Report() => Kernel.Printf("%d\n", (int)e);
            }
        }
        """);

    [Fact]
    public Task Helper_code_is_reported_with_its_chain() => Lost.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelHelper]
        static class Replies
        {
            public static Errno Send(UserPtr<int> a, int first, int second)
            {
                Errno {|#0:e = Kernel.CopyOut(in first, a)|};
                e = Kernel.CopyOut(in second, a.Add(1));
                return e;
            }

            // Not reached from kernel code? Still kernel code (a helper class): reported without a chain.
        }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Reply(UserPtr<int> a) => Replies.Send(a, 1, 2);
        }
        """,
        Lost.Diagnostic("KMS0207").WithLocation(0).WithArguments("e", "'Kernel.CopyOut'", " (reached from reply → Send)"));

    [Fact]
    public Task Out_arguments_overwrite_and_ref_arguments_read() => Lost.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static void Reset(out Errno e) => e = Errno.None;

            static void Inspect(ref Errno e) { }

            [Syscall]
            static Errno Entry(UserPtr<int> a)
            {
                int x = 1;
                Errno {|KMS0207:e = Kernel.CopyOut(in x, a)|};
                Reset(out e);
                Errno f = Kernel.CopyOut(in x, a);
                Inspect(ref f);
                f = Errno.None;
                return e == f ? e : f;
            }
        }
        """);

    [Fact]
    public Task Discarded_helper_error_is_KMS0201_naming_the_helper_and_the_call() => Memory.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelHelper]
        static class Requests
        {
            public static Errno Fetch(UserPtr<int> source, out int value)
            {
                Errno e = Kernel.CopyIn(source, out value);
                return e;
            }

            public static Errno Check(int value) => value < 0 ? Errno.EINVAL : Errno.None;
        }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> p)
            {
                {|#0:Requests.Fetch(p, out int value)|};
                _ = {|#1:Local(p)|};
                Requests.Check(value);
                return Errno.None;

                Errno Local(UserPtr<int> q) => Kernel.PrivCheck();
            }
        }
        """,
        Memory.Diagnostic("KMS0201").WithLocation(0).WithArguments("'Fetch' (which returns the error of 'Kernel.CopyIn')", ""),
        Memory.Diagnostic("KMS0201").WithLocation(1).WithArguments("'Local' (which returns the error of 'Kernel.PrivCheck')", ""));
}
