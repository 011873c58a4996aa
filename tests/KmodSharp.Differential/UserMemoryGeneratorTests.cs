using System.Linq;
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
}
