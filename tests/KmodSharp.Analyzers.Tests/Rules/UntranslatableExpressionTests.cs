using Expression = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UntranslatableExpressionAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>
/// KMS0900 for expressions the backend used to refuse alone (Subset/RuntimeProperty, UserOperator,
/// PrintedSpan): the IDE and <c>dotnet build</c> now report them at the place the CLI did, and
/// accept the nearest code that translates.
/// </summary>
public sealed class UntranslatableExpressionTests
{
    private const string PropertyReason = " (the backend translates span, KernelBuffer, CallingThread, IsNull and Address members, and Value, Error and IsError of a SyscallResult local or call)";

    [Fact]
    public Task A_simulation_only_runtime_property_is_reported_where_it_is_read() => Expression.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static SyscallResult<int> Get(int x) => x;

            [Syscall]
            static int Use(int x)
            {
                SyscallResult<int> r = Get(x);
                if (r.IsError || Get(x + 1).Error != Errno.None)
                {
                    return 0;
                }

                return r.Value;
            }

            // A parameter holds no C result: its members are refused where they are read.
            static int Peek(SyscallResult<int> passed) => {|#0:passed.IsError|} ? 0 : {|#1:passed.Value|};
        }
        """,
        Expression.Diagnostic("KMS0900").WithLocation(0).WithArguments("The property 'KmodSharp.SyscallResult<int>.IsError'" + PropertyReason, ""),
        Expression.Diagnostic("KMS0900").WithLocation(1).WithArguments("The property 'KmodSharp.SyscallResult<int>.Value'" + PropertyReason, ""));

    [Fact]
    public Task The_translated_runtime_properties_are_accepted() => Expression.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Use(UserPtr<int> p, UserString s)
            {
                var thread = new CallingThread();
                using KernelBuffer<int> buffer = Kernel.Allocate<int>(4, MallocFlags.WaitOk);
                if (p.IsNull || s.IsNull || buffer.IsNull || thread.IsJailed)
                {
                    return 0;
                }

                var next = new UserPtr<long>(p.Address + 8);
                return buffer.Length + buffer.Span.Length + thread.ProcessId + (int)(next.Address - s.Address);
            }
        }
        """);

    [Fact]
    public Task An_operator_declared_in_source_is_reported_where_it_is_used() => Expression.VerifyAnalyzerAsync("""
        using KmodSharp;

        public struct Money
        {
            public long Cents;

            public static Money operator +(Money a, Money b) => new Money { Cents = a.Cents + b.Cents };
        }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static long Use(long x)
            {
                Money a = new Money { Cents = x };
                Money b = {|#0:a + a|};
                return b.Cents + (a.Cents + x);
            }
        }
        """,
        Expression.Diagnostic("KMS0900").WithLocation(0).WithArguments("The user-defined operator 'op_Addition' (operators are translated only for built-in types)", ""));

    [Fact]
    public Task Every_operator_and_conversion_declared_in_source_is_reported_where_it_is_used() => Expression.VerifyAnalyzerAsync("""
        using KmodSharp;

        public struct Money
        {
            public long Cents;

            public static Money operator -(Money a) => new Money { Cents = -a.Cents };
            public static Money operator ++(Money a) => new Money { Cents = a.Cents + 1 };
            public static Money operator *(Money a, Money b) => new Money { Cents = a.Cents * b.Cents };
            public static implicit operator long(Money m) => m.Cents;
        }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static long Use(long x)
            {
                Money a = new Money { Cents = x };
                Money b = {|#0:-a|};
                {|#1:b++|};
                {|#2:b *= a|};
                long c = {|#3:a|};
                c *= -x;
                c++;
                return b.Cents + c;
            }
        }
        """,
        Expression.Diagnostic("KMS0900").WithLocation(0).WithArguments("The user-defined operator 'op_UnaryNegation' (operators are translated only for built-in types)", ""),
        Expression.Diagnostic("KMS0900").WithLocation(1).WithArguments("The user-defined operator 'op_Increment' (operators are translated only for built-in types)", ""),
        Expression.Diagnostic("KMS0900").WithLocation(2).WithArguments("The user-defined operator 'op_Multiply' (operators are translated only for built-in types)", ""),
        Expression.Diagnostic("KMS0900").WithLocation(3).WithArguments("The user-defined conversion 'op_Implicit' (convert with a static method)", ""));

    [Fact]
    public Task A_syscall_result_made_anywhere_but_in_a_return_or_a_result_local_is_reported() => Expression.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static SyscallResult<int> Use(int x)
            {
                SyscallResult<int> r = 5;
                r = Errno.EPERM;
                if (x > 9)
                {
                    return r;
                }

                return Peek({|#0:x|});
            }

            static int Peek(SyscallResult<int> passed) => 0;
        }
        """,
        Expression.Diagnostic("KMS0900").WithLocation(0).WithArguments("The user-defined conversion 'op_Implicit' (return it, or store it in a SyscallResult local)", ""));

    [Fact]
    public Task A_syscall_result_returned_directly_or_from_a_switch_or_conditional_is_accepted() => Expression.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static SyscallResult<int> Use(int x)
            {
                if (x > 3)
                {
                    return x switch { 4 => Errno.EINVAL, _ => x + 1 };
                }

                if (x == 2)
                {
                    return Errno.EPERM;
                }

                return x < 0 ? Errno.EPERM : x;
            }

            [Syscall]
            static SyscallResult<long> Twice(long x) => x * 2;
        }
        """);

    [Fact]
    public Task An_index_or_range_outside_brackets_is_reported_and_inside_them_is_not() => Expression.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Use(int x)
            {
                Span<int> s = stackalloc int[4];
                Index last = {|#0:^1|};
                Range all = {|#1:..|};
                return s[^2] + s[1..^1][0] + s[..2].Length + s[^(x & 3)..].Length + x;
            }
        }
        """,
        Expression.Diagnostic("KMS0900").WithLocation(0).WithArguments("The index-from-end operator '^' outside an indexer (write it inside the brackets, 's[^k]')", ""),
        Expression.Diagnostic("KMS0900").WithLocation(1).WithArguments("A range outside an indexer (write it inside the brackets, 's[a..b]', or cut the span with Slice)", ""));

    [Fact]
    public Task A_span_printed_with_a_precision_is_reported_at_the_argument() => Expression.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Use(int x)
            {
                Span<byte> s = stackalloc byte[4];
                Kernel.Printf("%.3s %-4s %s %.2d\n", {|#0:s|}, s, s, x);
                return x;
            }
        }
        """,
        Expression.Diagnostic("KMS0900").WithLocation(0).WithArguments("Printing a span with '%.3s' (a span prints with %s and no precision)", ""));
}
