using System.Collections.Concurrent;
using System.Collections.Immutable;
using KmodSharp.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Types = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.ManagedTypeAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>
/// An analyzer never throws: every rule runs over C# a module project may hold beside (or inside)
/// its module — top-level statements (<c>&lt;Main&gt;$</c> and its implicit <c>args</c>), records,
/// primary constructors, partial methods and properties, file-scoped types, delegates — whose
/// symbols are implicitly declared or have no source location. An exception would be AD0001 in
/// the IDE and the build (issue #13).
/// </summary>
public sealed class RobustnessTests
{
    private const string Module = """
        [KernelModule("robust")]
        public static class RobustModule
        {
            // KMS0004: every source has a finding, so the test sees that the rules ran.
            public static double Ratio;

            [Syscall(Name = "robust_double")]
            public static int Double(int value) => value * 2;
        }
        """;

    public static TheoryData<string, string> Sources() => new()
    {
        {
            "top-level statements with args",
            """
            using System;
            using System.Threading.Tasks;
            using KmodSharp;

            Console.WriteLine(args.Length);
            string[] copy = args;
            double ratio = args.Length / 2.0;
            foreach (string arg in args) { Console.WriteLine(arg); }
            int Local(string[] a) => a.Length;
            Func<int, int> twice = x => x * 2;
            Console.WriteLine(Local(args) + twice(RobustModule.Double(3)) + ratio);
            try { throw new InvalidOperationException("x"); } catch (Exception e) { Console.WriteLine(e); }
            await Task.Yield();
            return args.Length;

            """ + Module
        },
        {
            "top-level statements calling into kernel code",
            """
            using System;
            using KmodSharp;

            [Syscall(Name = "misplaced")] static unsafe int Misplaced(int value, byte* raw, delegate*<void> f, string s) => value;
            [ModuleLoad] static Errno Load() => Errno.None;
            unsafe { System.Console.WriteLine(Misplaced(RobustModule.Double(args.Length), null, null, "")); }
            UserPtr<int> pointer = default;
            Kernel.FetchWord32(pointer, out int first);
            Kernel.FetchWord32(pointer, out int second);
            Kernel.Printf("%d %s\n", first, args);
            using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(args.Length, MallocFlags.WaitOk);
            Span<byte> stack = stackalloc byte[args.Length];
            lock (args) { goto done; }
            done:
            System.Console.WriteLine(second + stack.Length + buffer.Length);

            """ + Module
        },
        {
            "records beside and inside a module",
            """
            using KmodSharp;

            public record Person(string Name, double Height);
            public record struct Point(int X, float Y);
            public readonly record struct Pair(long A, long B);
            public sealed record Derived(string Name, double Height, int Age) : Person(Name, Height);

            [KernelModule("records")]
            public record RecordModule(string Text)
            {
                [Syscall(Name = "records_get")]
                public static int Get(int value) => value;

                public record Nested(object Value);
                public record struct NestedPoint(double X);
            }

            [KernelHelper]
            public record HelperRecord(int X, string S);

            public record struct PlainRecordStruct(int X, string S);
            """
        },
        {
            "primary constructors",
            """
            using KmodSharp;

            public class Service(string name, double rate)
            {
                public string Describe() => name + rate;
            }

            public struct Box(double value)
            {
                public double Value => value;
            }

            [KernelHelper]
            public class Helper(int seed, string label)
            {
                public int Next() => seed + label.Length;
            }

            [KernelModule("primary")]
            public class PrimaryModule(int state)
            {
                [Syscall(Name = "primary_get")]
                public static int Get(int value) => value;

                public int State() => state;
            }
            """
        },
        {
            "partial methods and properties",
            """
            using KmodSharp;

            [KernelModule("partials")]
            public static partial class PartialModule
            {
                [Syscall(Name = "partials_get")]
                public static partial int Get(int value);

                static partial void Log(string text);

                static partial void Unimplemented(double value);

                public static partial int Count { get; }
            }

            public static partial class PartialModule
            {
                public static partial int Get(int value) => value + Count;

                static partial void Log(string text) { }

                public static partial int Count { get => 1; }
            }
            """
        },
        {
            "file-scoped types",
            """
            using KmodSharp;

            file static class FileHelpers
            {
                public static int Twice(int value) => value * 2;

                public static string Name(object value) => value.ToString() ?? "";
            }

            [KernelHelper]
            file static class FileKernelHelper
            {
                public static int Thrice(int value) => value * 3;

                public static double Half(int value) => value / 2.0;
            }

            file record FileRecord(string Name);

            file delegate double FileDelegate(string text);

            [KernelModule("files")]
            public static class FileModule
            {
                [Syscall(Name = "files_get")]
                public static int Get(int value) => FileHelpers.Twice(FileKernelHelper.Thrice(value));
            }
            """
        },
        {
            "implicitly declared members inside kernel classes",
            """
            using System;
            using KmodSharp;

            [KernelModule("implicit")]
            public static class ImplicitModule
            {
                public delegate double Transform(string text, object state);

                public enum Mode { A, B }

                public static event Action? Changed;

                public static int Auto { get; set; }

                public static int this_is_fine;

                [Syscall(Name = "implicit_get")]
                public static int Get(int value)
                {
                    var anonymous = new { Value = value, Text = "x" };
                    (int a, int b) = (value, value);
                    return anonymous.Value + a + b;
                }

                public struct Inline
                {
                    public int X;
                    public Inline(int x) { X = x; }
                    public override string ToString() => "";
                    public static Inline operator +(Inline l, Inline r) => new(l.X + r.X);
                }

                public interface IShape { double Area { get; } }

                public class Nested
                {
                    public Nested(string s) { S = s; }
                    public string S { get; init; }
                    public string this[int i] => S;
                    public required string R { get; set; }
                }
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task No_analyzer_throws(string name, string source)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        bool hasTopLevelStatements = CSharpSyntaxTree.ParseText(source, parse).GetCompilationUnitRoot().Members.Any(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax);
        var compilation = CSharpCompilation.Create(
            "Robust",
            [CSharpSyntaxTree.ParseText(source, parse, path: "/src/Robust.cs")],
            TestSetup.References,
            new CSharpCompilationOptions(hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

        var thrown = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            AnalyzerCatalog.All,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]),
                onAnalyzerException: (exception, analyzer, _) => thrown.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAllDiagnosticsAsync();

        Assert.True(thrown.IsEmpty, name + ":\n" + string.Join("\n\n", thrown));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains(diagnostics, d => d.Id.StartsWith("KMS", StringComparison.Ordinal));
    }

    /// <summary>The reported case: a console project's top-level statements beside a module; only the module is kernel code.</summary>
    [Fact]
    public Task ManagedTypes_TopLevelStatementsBesideAModule_AreNotKernelCode()
    {
        var test = new Types.Test
        {
            TestCode = """
                using KmodSharp;

                string name = args.Length > 0 ? args[0] : "none";
                double ratio = 0.5;
                System.Console.WriteLine(name + ratio + Gauge.Double(21));

                [KernelModule("gauge")]
                public static class Gauge
                {
                    [Syscall(Name = "gauge_double")]
                    public static int Double(int value) => value * 2;

                    [Syscall(Name = "gauge_bad")]
                    public static int Bad(int value)
                    {
                        string {|KMS0003:text|} = "x";
                        return value;
                    }
                }
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }
}
