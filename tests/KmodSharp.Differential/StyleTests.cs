using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tools.Verification;
using KmodSharp.Differential.Generator.Generation;
using KmodSharp.Differential.Support;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>
/// The kernel C a committer reads: FreeBSD's checkstyle9.pl finds nothing in every example's and
/// in a sample of generated programs' (with and without #line), and the generated programs
/// compile against a real FreeBSD tree with the headers they include.
/// </summary>
public sealed class StyleTests(ITestOutputHelper output)
{
    // Seeds of the generator's programs checked: full features, kernel-like names included.
    private static readonly int[] Seeds = [.. Enumerable.Range(1, 40)];

    private static readonly string[] Examples = [.. Directory.GetDirectories(Path.Combine(TestModules.RepositoryRoot, "examples")).Select(Path.GetFileName).Order()!];

    [CheckStyle9Fact]
    public void Every_example_kernel_file_passes_checkstyle9()
    {
        Assert.True(Examples.Length >= 9);
        AssertClean(Examples.SelectMany(e => KernelFiles(TestModules.Example(e))));
    }

    // Open in issue #19: 33 complaints in 80 files of 40 programs (403 before): 28 lines over 80
    // columns whose single operand (an element such as gen17_s_4.element0[kms_tmp_36]) is wider than
    // what 5-7 tabs of nesting leave, 4 empty ifs whose condition is a temporary's only read, and one
    // unary '*' misread after the #line before a function header. The examples are clean.
    [CheckStyle9Fact(Skip = "issue #19: 33 complaints left in 40 generated programs (was 403): operands wider than deep nesting leaves, empty ifs on a temporary's only read")]
    public void Generated_programs_kernel_files_pass_checkstyle9()
    {
        List<(string Name, string Source)> files = [.. GeneratedModules().SelectMany(KernelFiles)];
        Assert.True(files.Count >= 2 * 30, $"only {files.Count / 2} of {Seeds.Length} generated programs translated");
        AssertClean(files);
    }

    [FreeBsdTheory]
    [InlineData(1, 20)]
    [InlineData(21, 20)]
    public void Generated_programs_compile_against_a_real_FreeBSD_tree_with_the_headers_they_include(int first, int count)
    {
        using KernelHeaders headers = KernelHeaders.FreeBsd(FreeBsdTheoryAttribute.SysDir!);
        int compiled = 0;
        foreach (int seed in Enumerable.Range(first, count))
        {
            GeneratedProgram program = ProgramGenerator.Generate(seed);
            CompileResult result = KmodCompiler.Compile(Input(program), new LoweringOptions());
            if (result.HasErrors)
            {
                continue;
            }

            VerifyResult verified = ModuleVerifier.Verify(Assert.Single(result.Modules), headers);
            KmsDiagnostic[] errors = [.. verified.Diagnostics.Where(d => d.IsError)];
            Assert.True(errors.Length == 0, $"seed {seed}:\n" + string.Join("\n", errors.Select(e => e.ToString())));
            compiled++;
        }

        output.WriteLine($"{compiled} of {count} programs compiled against {FreeBsdTheoryAttribute.SysDir}");
        Assert.True(compiled >= count * 3 / 4, $"only {compiled} of {count} generated programs translated");
    }

    private void AssertClean(IEnumerable<(string Name, string Source)> files)
    {
        var complaints = new List<StyleComplaint>();
        int checkedFiles = 0;
        int tolerated = 0;
        foreach ((string name, string source) in files)
        {
            checkedFiles++;
            foreach (StyleComplaint complaint in CheckStyle9.Run(name, source))
            {
                if (CheckStyle9.MirrorsSysproto(complaint) || (source.Contains("\n#line ", System.StringComparison.Ordinal) && CheckStyle9.MisreadAfterLineDirective(complaint)))
                {
                    tolerated++;
                    continue;
                }

                complaints.Add(complaint);
            }
        }

        output.WriteLine($"{checkedFiles} files checked, {complaints.Count} complaints, {tolerated} tolerated (sys/sysproto.h layout, or #line read as code)");
        Assert.True(complaints.Count == 0, string.Join("\n", complaints));
    }

    // The module's kernel C, with and without #line directives.
    private static IEnumerable<(string Name, string Source)> KernelFiles(SourceInput input)
    {
        foreach (bool lines in new[] { true, false })
        {
            CompileResult result = KmodCompiler.Compile(input, new LoweringOptions(LineDirectives: lines));
            if (result.HasErrors)
            {
                yield break;
            }

            ModuleArtifacts module = Assert.Single(result.Modules);
            string name = module.ModuleName + ".c";
            yield return ((lines ? "" : "nolines_") + name, module[name].Text);
        }
    }

    private static IEnumerable<SourceInput> GeneratedModules() => Seeds.Select(seed => Input(ProgramGenerator.Generate(seed)));

    private static SourceInput Input(GeneratedProgram program) =>
        new([new SourceFile(Path.Combine(Path.GetTempPath(), program.FileName), program.Text)], Path.GetTempPath());
}
