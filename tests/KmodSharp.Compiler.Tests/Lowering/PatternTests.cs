using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>Relational and logical patterns, pattern switches and switch expressions, run in the host harness.</summary>
public sealed class PatternTests
{
    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using KmodSharp;

        [KernelModule("patterns")]
        public static class Patterns
        {
            [Syscall(Name = "classify")]
            public static int Classify(int x)
            {
                int score = 0;
                for (int i = 0; i < 3; i++)
                {
                    switch (x + i)
                    {
                        case < 0:
                            score -= 1;
                            break;
                        case 0 or 1:
                            continue;
                        case > 100 and not 1000:
                            score += 100;
                            break;
                        default:
                            score += 10;
                            break;
                    }

                    score += 1;
                }

                return score + (x is >= 5 and <= 7 ? 1000 : 0);
            }

            [Syscall(Name = "grade")]
            public static SyscallResult<int> Grade(int mark) => mark switch
            {
                < 0 => Errno.EDOM,
                >= 90 and <= 100 => 1,
                >= 50 and < 90 => 2,
                >= 0 and < 50 => 3,
            };
        }
        """, "Patterns.cs");

    [Theory]
    [InlineData(-5)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(200)]
    [InlineData(998)]
    [InlineData(int.MaxValue)]
    public void Switch_with_patterns_matches_CSharp(int x)
    {
        int expected = Classify(x);
        SimulationReport report = HostSimulator.Run([Module], [new SimCall("classify", [x.ToString(System.Globalization.CultureInfo.InvariantCulture)])]);
        Assert.True(report.Clean, report.Stderr);
        Assert.Equal(expected, report.Calls.Single().Retval);
    }

    [Fact]
    public void A_switch_expression_without_a_matching_arm_returns_EINVAL()
    {
        SimulationReport report = HostSimulator.Run([Module],
            [new SimCall("grade", ["95"]), new SimCall("grade", ["60"]), new SimCall("grade", ["10"]), new SimCall("grade", ["-4"]), new SimCall("grade", ["101"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal([(0, 1L), (0, 2L), (0, 3L), (33, -1L), (22, -1L)], report.Calls.Select(c => (c.Error, c.Retval)));
    }

    // The C# reference the C must agree with.
    private static int Classify(int x)
    {
        unchecked
        {
            return ClassifyUnchecked(x);
        }
    }

    private static int ClassifyUnchecked(int x)
    {
        int score = 0;
        for (int i = 0; i < 3; i++)
        {
            switch (x + i)
            {
                case < 0:
                    score -= 1;
                    break;
                case 0 or 1:
                    continue;
                case > 100 and not 1000:
                    score += 100;
                    break;
                default:
                    score += 10;
                    break;
            }

            score += 1;
        }

        return score + (x is >= 5 and <= 7 ? 1000 : 0);
    }
}
