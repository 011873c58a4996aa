using System;
using System.IO;
using System.Linq;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Differential.Generator.Generation;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>The CI seeds (<see cref="GeneratorTests.CiSeeds"/>) exercise the user-memory constructs, so their agreement covers them.</summary>
public sealed class UserMemoryGeneratorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Kernel.CopyIn(new UserPtr<")]
    [InlineData(".Slice(0, un")]
    [InlineData("Kernel.CopyOut(us")]
    public void Some_ci_seeds_write(string construct)
    {
        int[] seeds = [.. GeneratorTests.CiSeeds.Where(seed => ProgramGenerator.Generate(seed, GeneratorFeatures.Ci).Text.Contains(construct, System.StringComparison.Ordinal))];
        output.WriteLine($"{construct}: seeds {string.Join(", ", seeds)}");
        Assert.True(seeds.Length >= 3, $"only {seeds.Length} CI seeds write {construct}");
    }

    [Fact]
    public void Some_ci_seeds_copy_out_a_struct_with_padding()
    {
        int[] seeds = [.. GeneratorTests.CiSeeds.Select(seed => ProgramGenerator.Generate(seed, GeneratorFeatures.Ci)).Where(CopiesOutPadding).Select(p => p.Seed)];
        output.WriteLine($"padded copy out: seeds {string.Join(", ", seeds)}");
        Assert.True(seeds.Length >= 3, $"only {seeds.Length} CI seeds copy out a padded struct");
    }

    // A struct copied out (the generator names its value "co…") that the C gives padding: the C has a zeroed buffer for it.
    private static bool CopiesOutPadding(GeneratedProgram program)
    {
        if (!program.Text.Contains("Kernel.CopyOut(in co", StringComparison.Ordinal))
        {
            return false;
        }

        var input = new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), program.FileName), program.Text)], Path.GetTempPath());
        CompileResult compiled = KmodCompiler.Compile(input, new LoweringOptions());
        return !compiled.HasErrors && compiled.Modules.Single()[program.ModuleName + ".c"].Text.Contains("uint8_t kms_out[sizeof(struct ", StringComparison.Ordinal);
    }
}
