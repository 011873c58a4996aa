using Expression = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UntranslatableExpressionAnalyzer>;
using Module = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.ModuleDeclarationAnalyzer>;
using Types = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.ManagedTypeAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>
/// KMS0900 and KMS0407 for values whose type has no kernel type (Subset/KernelType): library structs,
/// structs holding one, generic structs and layouts C cannot give, refused where they are declared or
/// made, while the types the binder maps are accepted.
/// </summary>
public sealed class KernelTypeTests
{
    private const string Hint = " has no kernel type (use integers, enums, bool, UserPtr<T>, spans and structs of them with a C layout)";

    private const string Declarations = """
        using System;
        using System.Runtime.InteropServices;
        using KmodSharp;

        [StructLayout(LayoutKind.Sequential, Size = 6)]
        public struct Odd { public int A; }

        public struct Stamp { public DateTime When; public int X; }

        public struct Box<T> where T : unmanaged { public T Value; }

        [StructLayout(LayoutKind.Sequential, Size = 8)]
        public struct Padded { public int A; }

        public struct Point { public int X; public Padded P; }

        """;

    [Fact]
    public Task Declared_values_without_a_kernel_type_are_reported_at_their_declaration() => Types.VerifyAnalyzerAsync(Declarations + """
        [KernelModule("m")]
        static class M
        {
            static Guid {|#0:G|};

            [Syscall]
            static long Use(long x)
            {
                DateTime {|#1:d|} = default;
                TimeSpan {|#2:t|} = default;
                Stamp {|#3:s|} = default;
                Box<int> {|#4:b|} = default;
                Odd {|#5:o|} = default;
                UserPtr<Box<long>> {|#6:p|} = default;
                Point fine = default;
                UserPtr<Point> alsoFine = default;
                return x + fine.X + (alsoFine.IsNull ? 0 : 1) + Helper(d);
            }

            static long Helper(DateTime {|#7:when|}) => 0;
        }
        """,
        Types.Diagnostic("KMS0900").WithLocation(0).WithArguments("Field 'G' of type 'Guid', which" + Hint, ""),
        Types.Diagnostic("KMS0900").WithLocation(1).WithArguments("Local 'd' of type 'DateTime', which" + Hint, ""),
        Types.Diagnostic("KMS0900").WithLocation(2).WithArguments("Local 't' of type 'TimeSpan', which" + Hint, ""),
        Types.Diagnostic("KMS0900").WithLocation(3).WithArguments("Local 's' of type 'Stamp', which" + Hint, ""),
        Types.Diagnostic("KMS0900").WithLocation(4).WithArguments("Local 'b' of type 'Box<int>', which" + Hint, ""),
        Types.Diagnostic("KMS0900").WithLocation(5).WithArguments("Local 'o' of type 'Odd', whose struct 'Odd' has a layout C cannot give it (Size = 6 is not a multiple of the alignment 4)", ""),
        Types.Diagnostic("KMS0900").WithLocation(6).WithArguments("Local 'p' of type 'UserPtr<Box<long>>', whose 'Box<long>'" + Hint, ""),
        Types.Diagnostic("KMS0900").WithLocation(7).WithArguments("Parameter 'when' of type 'DateTime', which" + Hint, ""));

    [Fact]
    public Task A_value_made_in_an_expression_is_reported_where_it_is_made() => Expression.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static long Use(long x)
            {
                _ = {|#0:DateTime.MinValue|};
                _ = {|#1:default(TimeSpan)|};
                // The constructor and the member read are KMS0100's (UntranslatableCallAnalyzer): not reported twice.
                _ = new DateTime(2000, 1, 1);
                return default(Guid).GetHashCode() + x;
            }
        }
        """,
        Expression.Diagnostic("KMS0900").WithLocation(0).WithArguments("A value of type 'DateTime', which" + Hint, ""),
        Expression.Diagnostic("KMS0900").WithLocation(1).WithArguments("A value of type 'TimeSpan', which" + Hint, ""));

    [Fact]
    public Task A_syscall_parameter_pointing_to_a_type_without_a_kernel_type_is_a_declaration_error() => Module.VerifyAnalyzerAsync(Declarations + """
        [KernelModule("m")]
        static class M
        {
            [Syscall] static int A(UserPtr<DateTime> {|KMS0407:d|}, UserPtr<Odd> {|KMS0407:o|}, UserPtr<Box<int>> {|KMS0407:b|}) => 0;
            [Syscall] static int B(UserPtr<Point> p, UserPtr<Padded> q) => 0;
        }
        """);
}
