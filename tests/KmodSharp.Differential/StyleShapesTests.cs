using System.IO;
using System.Linq;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Differential.Runner;
using KmodSharp.Differential.Support;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>
/// The C the lowering reshapes for style(9) (Modules/StyleShapes.cs): empty branches dropped or
/// turned over, an else holding one if written "else if", operands too wide for 80 columns moved
/// into temporaries. Each shape is asserted, and the module runs against .NET: meaning is unchanged.
/// </summary>
public sealed class StyleShapesTests(ITestOutputHelper output)
{
    private const string Module = "StyleShapes";

    [Fact]
    public void The_reshaped_module_agrees_with_dotnet()
    {
        DifferentialReport report = DifferentialRunner.Run(TestModules.Text(Module), fileName: Module + ".cs");
        output.WriteLine(report.ToString());
        Assert.All(report.InputsPerSyscall.Values, n => Assert.True(n >= 1000, $"only {n} inputs"));
        report.ThrowIfFailed();
    }

    [Fact]
    public void An_empty_branch_is_dropped_or_its_condition_turned_over()
    {
        string function = Function("shapes_empty_branches");

        Assert.DoesNotContain("if (x > 3)", function);
        Assert.Contains("if (y >= 0) {", function);
        Assert.DoesNotContain("if (y < 0)", function);
        Assert.DoesNotMatch(@"\{\n\t*\}", function);
    }

    [Fact]
    public void An_else_holding_one_if_is_an_else_if_and_a_scope_block_is_written_in_place()
    {
        string function = Function("shapes_else_if_chain");

        Assert.Contains("\t} else if (x == 0) {\n", function);
        Assert.DoesNotContain("} else {\n\t\tif (", function);
        Assert.DoesNotMatch(@"\n\t+\{\n", function);
    }

    [Fact]
    public void Operands_too_wide_for_their_indent_are_computed_first_into_temporaries()
    {
        string function = Function("shapes_wide");

        string[] wide = [.. function.Split('\n').Where(l => CPrinter.Columns(l) > CPrinter.MaxColumns)];
        Assert.True(wide.Length == 0, string.Join("\n", wide));
        Assert.Matches(@"\tkms_tmp_\d+ =\s+(\(uint64_t\))?\(u_int\)shapes_q\.cell\[1\];", function);
    }

    [Fact]
    public void An_empty_if_on_a_temporary_goes_with_the_temporary()
    {
        string function = Function("shapes_empty_pattern");

        // The first pattern's if and its subject's temporary are gone; the second is turned over.
        Assert.DoesNotMatch(@"\{\n\t*\}", function);
        Assert.DoesNotMatch(@"-25|-100", function);
        Assert.Matches(@"\n\t\tshapes_level = (uap->)?a;\n", function);
        // Every temporary left is stored and read: declared, assigned, used (the harness builds with -Werror too).
        string[] temporaries = [.. System.Text.RegularExpressions.Regex.Matches(function, @"\bkms_tmp\w*").Select(m => m.Value).Distinct()];
        Assert.All(temporaries, name => Assert.True(System.Text.RegularExpressions.Regex.Matches(function, @"\b" + name + @"\b").Count >= 3, name));
    }

    [Fact]
    public void An_element_too_wide_for_its_indent_is_read_into_a_temporary_of_its_type()
    {
        string function = Function("shapes_deep_elements");

        string[] wide = [.. function.Split('\n').Where(l => CPrinter.Columns(l) > CPrinter.MaxColumns)];
        Assert.True(wide.Length == 0, string.Join("\n", wide) + "\n" + function);
        Assert.Matches(@"\n\t(int64_t|const int64_t \*)kms_tmp_\d+;", function);
    }

    private static string Function(string name)
    {
        var input = new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), Module + ".cs"), TestModules.Text(Module))], Path.GetTempPath());
        CompileResult result = KmodCompiler.Compile(input, new LoweringOptions(LineDirectives: false));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        ModuleArtifacts module = Assert.Single(result.Modules);
        string c = module[module.ModuleName + ".c"].Text;
        int start = c.IndexOf("\n" + name + "(", System.StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {name} in\n{c}");
        return c[start..(c.IndexOf("\n}\n", start, System.StringComparison.Ordinal) + 2)];
    }
}
