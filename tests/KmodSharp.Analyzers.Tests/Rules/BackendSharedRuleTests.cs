using Unsupported = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UnsupportedConstructAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>
/// KMS0900 rules the backend decides with the analyzer (Subset/ModuleStateInitializer, Subset/PairResult):
/// the IDE and <c>dotnet build</c> report what the CLI refuses, and accept what it translates.
/// </summary>
public sealed class BackendSharedRuleTests
{
    private const string Types = """
        using KmodSharp;

        public enum Speed : byte { Slow = 3, Fast = 250 }
        public struct Range { public short Low; public long High; }
        public struct Config { public int Max; public Range Window; public Speed Speed; }

        """;

    [Fact]
    public Task A_static_initializer_that_runs_code_is_reported_where_it_is_written() => Unsupported.VerifyAnalyzerAsync(Types + """
        [KernelModule("m")]
        static class M
        {
            static int s_base = 4;
            static int s_called = {|#0:Compute()|};
            static int s_derived = {|#1:s_base * 2|};
            static Config s_config = new Config { Max = {|#2:Compute()|}, Window = new Range { High = {|#3:s_base|} } };
            static Config s_target = new() { Max = 1, Speed = {|#4:(Speed)s_base|} };

            static int Compute() => 42;

            [Syscall]
            static int Get() => s_called + s_derived + s_config.Max + s_target.Max;
        }
        """,
        Unsupported.Diagnostic("KMS0900").WithLocation(0).WithArguments(Initializer("Compute()"), ""),
        Unsupported.Diagnostic("KMS0900").WithLocation(1).WithArguments(Initializer("s_base * 2"), ""),
        Unsupported.Diagnostic("KMS0900").WithLocation(2).WithArguments(Initializer("Compute()"), ""),
        Unsupported.Diagnostic("KMS0900").WithLocation(3).WithArguments(Initializer("s_base"), ""),
        Unsupported.Diagnostic("KMS0900").WithLocation(4).WithArguments(Initializer("(Speed)s_base"), ""));

    [Fact]
    public Task Constant_static_initializers_of_every_kind_are_accepted() => Unsupported.VerifyAnalyzerAsync(Types + """
        [KernelModule("m")]
        static class M
        {
            const int Base = 40;
            static char s_cast = (char)65;
            static char s_literal = 'A';
            static bool s_on = true;
            static nint s_native = -5;
            static nuint s_unsigned = (nuint)Base;
            static ulong s_top = ulong.MaxValue;
            static Speed s_speed = Speed.Fast;
            static long s_default = default;
            static Range s_zero = default;
            static Range s_empty = new Range();
            static readonly Config s_config = new Config { Max = Base * 2, Window = new() { Low = -1, High = 1L << 40 }, Speed = Speed.Slow };

            [Syscall]
            static long Get() => s_cast + s_literal + (s_on ? 1 : 0) + s_native + (long)s_unsigned + (long)s_top + (long)s_speed
                + s_default + s_zero.Low + s_empty.High + s_config.Max;
        }
        """);

    [Fact]
    public Task A_static_outside_kernel_code_is_not_module_state() => Unsupported.VerifyAnalyzerAsync("""
        static class Program
        {
            static int s_value = System.Environment.TickCount;
        }
        """);

    [Fact]
    public Task A_pair_returned_as_a_tuple_literal_of_variables_is_accepted() => Unsupported.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static (long, long) Local(long x) { long acc = x * 3; return (acc, acc + 1); }

            [Syscall]
            static (long, long) Parameter(long x) => (x, 1L);

            [Syscall]
            static (long, long) Widened(int x, uint y) => (x, y);

            [Syscall]
            static (long, long) Named(long x) => (first: x, second: x);
        }
        """);

    [Fact]
    public Task A_pair_returned_other_than_as_a_literal_a_local_or_a_call_is_reported_at_its_return() => Unsupported.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static (long, long) Default(long x, bool flip)
            {
                (long, long) pair = default;
                var other = (x, x + 1);
                if (flip)
                {
                    {|#0:return flip ? pair : other;|}
                }

                return pair;
            }

            [Syscall]
            static (long, long) Zero(long x) => default;

            [Syscall]
            static (long, long) Forwarded(long x) => Default(x, false);

            [Syscall]
            static long Single(long x)
            {
                (int, int) narrow = {|#1:(1, 2)|};
                return x;
            }
        }
        """,
        Unsupported.Diagnostic("KMS0900").WithLocation(0).WithArguments(StoredPair, ""),
        Unsupported.Diagnostic("KMS0900").WithLocation(1).WithArguments("A tuple of type '(int, int)' (a two-value result is '(long, long)': return it as one, or keep it in a '(long, long)' local)", ""));

    [Fact]
    public Task Deconstruction_assignments_of_tuple_literals_are_accepted() => Unsupported.VerifyAnalyzerAsync(Types + """
        [KernelModule("m")]
        static class M
        {
            static int s_a, s_b;
            static Range s_range;

            [Syscall]
            static long Swap(int a, long b)
            {
                (a, b) = (b > 0 ? 1 : 2, a);
                (s_a, s_b) = (s_b, s_a);
                (s_range.Low, s_range.High) = ((short)s_range.High, s_range.Low);
                var (x, y) = (a, b);
                (int z, _) = (a, b);
                System.Span<int> span = stackalloc int[2];
                (span[0], span[1]) = (span[1], span[0]);
                for (int i = 0; i < 4; (a, i) = (a + i, i + 1)) { }
                return a + b + x + y + z;
            }
        }
        """);

    [Fact]
    public Task Deconstructions_that_do_not_translate_are_reported_precisely() => Unsupported.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            static (long, long) Pair(long x) => (x, x);

            [Syscall]
            static long Entry(long a, long b, long c)
            {
                (a, b) = {|#0:Pair(c)|};
                var t = ((a, b) = (b, a));
                (a, (b, c)) = (1, {|#2:(2, 3)|});
                return a + b + c;
            }
        }
        """,
        Unsupported.Diagnostic("KMS0900").WithLocation(0).WithArguments("Deconstructing a tuple that is not a tuple literal (assign the parts: '(a, b) = (first, second);')", ""),
        Unsupported.Diagnostic("KMS0900").WithSpan(12, 18, 12, 33).WithArguments("A deconstruction used as a value (write it as a statement of its own)", ""),
        Unsupported.Diagnostic("KMS0900").WithLocation(2).WithArguments("A nested deconstruction (deconstruct each tuple in a statement of its own)", ""));

    private const string StoredPair = "Returning this pair (return a tuple literal '(first, second)', a '(long, long)' local or a call)";

    private static string Initializer(string code) =>
        $"The static initializer '{code}' (module state starts with constant values: a constant, default, or new S {{ Field = constant, … }}; compute others in [ModuleLoad])";
}
