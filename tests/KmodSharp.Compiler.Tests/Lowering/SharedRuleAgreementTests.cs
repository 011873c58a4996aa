using System.IO;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// One engine: lowering reports nothing. For each construct a rule shared with the backend refuses
/// (static initializers that run code, stored pairs, deconstructions, [Sysctl] types, span sources,
/// runtime methods with no translation), the analyzer's run (IDE, <c>dotnet build</c>, <c>kmodsharp check</c>)
/// reports it inside the construct, and lowering the same code anyway is a bug: an
/// <see cref="InternalCompilerException"/> located inside that construct too.
/// </summary>
public sealed partial class SharedRuleAgreementTests
{
    // The construct is written between /*<*/ and /*>*/.
    public static TheoryData<string, string, string> Constructs => new()
    {
        { "initializer", "KMS0900", """
            private static int s_called = /*<*/Compute()/*>*/;
            private static int Compute() => 42;

            [Syscall]
            public static int Get() => s_called;
            """ },
        { "stored pair", "KMS0900", """
            [Syscall]
            public static (long, long) Stored(long x) => /*<*/x > 0 ? Literal(x) : Literal(-x)/*>*/;

            [Syscall]
            public static (long, long) Literal(long x) => (x, x + 1);
            """ },
        { "deconstruction", "KMS0900", """
            [Syscall]
            public static long Deconstruct(long a, long b, long c)
            {
                /*<*/(a, b) = Literal(c)/*>*/;
                return a + b;
            }

            [Syscall]
            public static (long, long) Literal(long x) => (x, x + 1);
            """ },
        { "sysctl type", "KMS0900", """
            [Sysctl("small")]
            private static short /*<*/s_small/*>*/;

            [Syscall]
            public static int Get() => s_small;
            """ },
        { "span source", "KMS0900", """
            [Syscall]
            public static int Clear(int value)
            {
                System.Span<byte> a = stackalloc byte[8];
                System.Span<byte> b = stackalloc byte[8];
                /*<*/(value > 0 ? a : b)/*>*/.Clear();
                return a[0];
            }
            """ },
        { "runtime method", "KMS0100", """
            [Syscall]
            public static int Free(int value)
            {
                using (KernelBuffer<int> buffer = Kernel.Allocate<int>(4, MallocFlags.WaitOk))
                {
                    /*<*/buffer.Dispose()/*>*/;
                }

                return value;
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Constructs))]
    public void The_analyzer_reports_the_construct_and_lowering_it_anyway_is_an_internal_error(string construct, string id, string members)
    {
        string source = $"using KmodSharp;\n\n[KernelModule(\"sharedrules\")]\npublic static class SharedRules\n{{\n{members}\n}}\n";
        string path = Path.Combine(Path.GetTempPath(), "SharedRules.cs");
        (int line, int start, int end) = Marked(source);
        var input = new SourceInput([new SourceFile(path, source)], Path.GetTempPath());
        CheckedCompilation checkedCompilation = DiagnosticRunner.Run(CompilationFactory.Create(input));

        KmsDiagnostic reported = Assert.Single(checkedCompilation.Diagnostics, d => d.IsError);
        Assert.Equal(id, reported.Id);
        Assert.Equal(line, reported.Location!.Line);
        Assert.InRange(reported.Location.Column, start, end - 1);

        BoundModule module = Assert.Single(ModuleBinder.Bind(checkedCompilation.Compilation));
        InternalCompilerException bug = Assert.Throws<InternalCompilerException>(() => ModuleLowering.Lower(module, new LoweringOptions()));
        Match at = Position().Match(bug.SourceLocation ?? "");
        Assert.True(at.Success, $"{construct}: the internal error has no C# location: {bug.Message}");
        Assert.Equal(line, int.Parse(at.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(int.Parse(at.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture), start, end - 1);
    }

    // The 1-based line and the columns [start, end) of the text between the markers (on one line).
    private static (int Line, int Start, int End) Marked(string source)
    {
        string[] lines = source.Split('\n');
        int index = System.Array.FindIndex(lines, l => l.Contains("/*<*/", System.StringComparison.Ordinal));
        int start = lines[index].IndexOf("/*<*/", System.StringComparison.Ordinal) + "/*<*/".Length;
        int end = lines[index].IndexOf("/*>*/", System.StringComparison.Ordinal);
        return (index + 1, start + 1, end + 1);
    }

    [GeneratedRegex(@"\((?<line>\d+),(?<column>\d+)\)$")]
    private static partial Regex Position();
}
