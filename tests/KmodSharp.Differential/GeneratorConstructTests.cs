using System.Linq;
using KmodSharp.Differential.Generator.Generation;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// The generator writes the constructs of its newer features in the CI seeds (1–100), so
/// <see cref="GeneratorTests.Fixed_seeds_agree_between_CSharp_and_the_generated_C"/> runs them in both worlds,
/// and switching a feature off removes its construct.
/// </summary>
public sealed class GeneratorConstructTests
{
    [Theory]
    [InlineData(nameof(GeneratorFeatures.WhenGuards), " when ")]
    [InlineData(nameof(GeneratorFeatures.IntegerMath), "Math.")]
    [InlineData(nameof(GeneratorFeatures.IntegerMath), "System.Numerics.BitOperations.")]
    [InlineData(nameof(GeneratorFeatures.StoredResults), "> sr")]
    [InlineData(nameof(GeneratorFeatures.StoredPairs), "var pr")]
    public void A_feature_s_construct_appears_in_the_ci_seeds_and_only_with_the_feature(string feature, string text)
    {
        GeneratorFeatures off = feature switch
        {
            nameof(GeneratorFeatures.WhenGuards) => GeneratorFeatures.Ci with { WhenGuards = false },
            nameof(GeneratorFeatures.IntegerMath) => GeneratorFeatures.Ci with { IntegerMath = false },
            nameof(GeneratorFeatures.StoredResults) => GeneratorFeatures.Ci with { StoredResults = false },
            _ => GeneratorFeatures.Ci with { StoredPairs = false },
        };

        int with = GeneratorTests.CiSeeds.Count(seed => ProgramGenerator.Generate(seed, GeneratorFeatures.Ci).Text.Contains(text, System.StringComparison.Ordinal));
        int without = GeneratorTests.CiSeeds.Count(seed => ProgramGenerator.Generate(seed, off).Text.Contains(text, System.StringComparison.Ordinal));

        Assert.True(with >= 5, $"'{text}' in only {with} of the CI seeds");
        Assert.Equal(0, without);
    }
}
