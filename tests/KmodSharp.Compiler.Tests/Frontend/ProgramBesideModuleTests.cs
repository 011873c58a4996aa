using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tests.Support;
using Xunit;

namespace KmodSharp.Compiler.Tests.Frontend;

/// <summary>
/// A module project may also be a program (OutputType Exe, top-level statements) or hold newer C#
/// beside its module: the translation compiles it as csc did, the rules never throw (AD0001), and
/// only the module is translated (issue #13).
/// </summary>
public sealed class ProgramBesideModuleTests
{
    private const string Module = """
        using KmodSharp;

        namespace Tool;

        [KernelModule("tool")]
        public static class ToolModule
        {
            [Syscall(Name = "tool_double")]
            public static int Double(int value) => value * 2;
        }
        """;

    [Fact]
    public void Top_level_statements_beside_a_module_compile_as_an_executable_and_translate()
    {
        CompileResult result = KmodCompiler.Compile(Input(
            ("Program.cs", """
                using System;

                string first = args.Length > 0 ? args[0] : "none";
                double ratio = args.Length / 2.0;
                Console.WriteLine($"{first} {ratio} {Tool.ToolModule.Double(21)}");
                return args.Length;
                """),
            ("Syscalls.cs", Module)), new LoweringOptions());

        Assert.True(result.Diagnostics.IsEmpty, result.Names());
        ModuleArtifacts module = Assert.Single(result.Modules);
        Assert.Equal("tool", module.ModuleName);
        Assert.DoesNotContain("Main", module.CSource(), System.StringComparison.Ordinal);
    }

    /// <summary>C# 14 under the compiler's Roslyn (the analyzer tests pin an older one): extension blocks, <c>field</c>, null-conditional assignment.</summary>
    [Fact]
    public void Newer_constructs_beside_a_module_do_not_break_the_rules()
    {
        CompileResult result = KmodCompiler.Compile(Input(
            ("Program.cs", """
                using System;

                var box = new Box { Name = "x" };
                Box? none = null;
                none?.Name = "y";
                Console.WriteLine(box.Name + 3.Twice() + args.Length.IsEven);

                public static class Extensions
                {
                    extension(int value)
                    {
                        public int Twice() => value * 2;

                        public bool IsEven => value % 2 == 0;
                    }

                    extension(string text)
                    {
                        public static string Empty2 => "";
                    }
                }

                public sealed class Box
                {
                    public string Name { get; set => field = value.Trim(); } = "";
                }

                public record Person(string Name, double Height);

                public class Service(string name)
                {
                    public string Describe() => name;
                }
                """),
            ("Syscalls.cs", Module)), new LoweringOptions());

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
        Assert.True(!result.HasErrors, result.Names());
        Assert.Equal("tool", Assert.Single(result.Modules).ModuleName);
    }

    private static SourceInput Input(params (string Name, string Text)[] files) =>
        new([.. files.Select(f => new SourceFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "program-beside-module", f.Name), f.Text))],
            System.IO.Path.Combine(System.IO.Path.GetTempPath(), "program-beside-module"));
}
