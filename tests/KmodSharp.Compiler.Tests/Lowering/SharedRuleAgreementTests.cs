using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// One engine: for the KMS0900 rules the backend shares with the analyzer (static initializers that
/// run code, stored pairs, deconstructions), the analyzer's run (IDE, <c>dotnet build</c>, <c>kmodsharp check</c>)
/// and the lowering, asked to translate the same code anyway, report the same diagnostics.
/// </summary>
public sealed class SharedRuleAgreementTests
{
    private const string Source = """
        using KmodSharp;

        public struct Box { public int Size; public long Limit; }

        [KernelModule("sharedrules")]
        public static class SharedRules
        {
            private static int s_base = 4;
            private static int s_called = Compute();
            private static int s_derived = s_base * 2;
            private static Box s_box = new Box { Size = Compute(), Limit = s_base };
            private static char s_fine = (char)65;

            private static int Compute() => 42;

            [Syscall(Name = "sharedrules_get")]
            public static int Get() => s_called + s_derived + s_box.Size + s_fine;

            [Syscall(Name = "sharedrules_stored")]
            public static (long, long) Stored(long x) => Literal(x);

            [Syscall(Name = "sharedrules_zero")]
            public static (long, long) Zero(long x)
            {
                return default;
            }

            [Syscall(Name = "sharedrules_deconstruct")]
            public static long Deconstruct(long a, long b, long c)
            {
                (a, b) = Literal(c);
                (a, (b, c)) = (1, (2, 3));
                (a, b) = (b, a);
                return a + b + c;
            }

            [Syscall(Name = "sharedrules_literal")]
            public static (long, long) Literal(long x) => (x, x + 1);
        }
        """;

    [Fact]
    public void The_analyzer_and_the_lowering_report_the_same_diagnostics()
    {
        var input = new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), "SharedRules.cs"), Source)], Path.GetTempPath());
        CheckedCompilation checkedCompilation = DiagnosticRunner.Run(CompilationFactory.Create(input));
        BoundModule module = Assert.Single(ModuleBinder.Bind(checkedCompilation.Compilation));

        string[] analyzer = Describe(checkedCompilation.Diagnostics);
        string[] lowering = Describe(ModuleLowering.Lower(module, new LoweringOptions()).Diagnostics);

        Assert.Equal(analyzer, lowering);
        Assert.Equal(8, analyzer.Length);
    }

    private static string[] Describe(IEnumerable<KmsDiagnostic> diagnostics) =>
        [.. diagnostics.Where(d => d.IsError).Select(d => $"{d.Location} {d.Id} {d.Message}").Order()];
}
