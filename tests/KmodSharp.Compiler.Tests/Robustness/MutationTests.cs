using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tests.Support;
using Xunit;

namespace KmodSharp.Compiler.Tests.Robustness;

/// <summary>
/// The compiler never crashes on any C# input: mutations of the examples (valid and invalid,
/// with constructs outside the subset spliced in) must end in generated files or diagnostics,
/// never in an unhandled exception.
/// </summary>
public sealed partial class MutationTests
{
    private const int Mutants = 400;

    private static readonly string[] Splices =
    [
        "throw new System.Exception();", "object o = 1;", "float f = 1.5f;", "double d = value;", "string s = \"a\" + value;",
        "var a = new int[4];", "System.Func<int, int> g = x => x;", "try { } finally { }", "goto done; done:;", "unsafe { int* p = null; }",
        "int q = checked(value * value);", "long w = value << 70;", "uint u = (uint)value; bool b = u < value;", "var t = (value, value);",
        "switch (value) { case > 3: break; default: break; }", "int z = value switch { 1 => 2, _ => 3 };", "foreach (var c in \"abc\") { }",
        "System.Span<byte> sp = stackalloc byte[value];", "System.Span<byte> sp2 = stackalloc byte[8]; sp2[value] = 1;", "value /= 0;",
        "ref int r = ref value;", "var k = default(System.DateTime);", "int m = Helper(value);", "lock (typeof(int)) { }",
        "Kernel.Printf($\"{value}\");", "Kernel.Printf(\"%s\\n\", value);", "System.Console.WriteLine(value);", "value = value++ + ++value;",
        "do { value--; } while (value > 0 && value / 2 > 1);", "for (int i = 0, j = 1; i < j; i++, j--) { continue; }",
    ];

    private static readonly string[] Replacements = ["+", "-", "*", "/", "%", "<<", ">>", ">>>", "&", "|", "^", "==", "!=", "<", ">=", "&&", "||"];

    [Fact]
    public void Mutants_of_the_examples_end_in_output_or_diagnostics()
    {
        var random = new Random(20261125);
        string[] seeds = [.. Directory.GetDirectories(Path.Combine(Repository.Root, "examples")).SelectMany(d => Directory.GetFiles(d, "*.cs"))];
        var failures = new List<string>();
        for (int i = 0; i < Mutants; i++)
        {
            string source = File.ReadAllText(seeds[random.Next(seeds.Length)]);
            string mutant = Mutate(source, random);
            try
            {
                KmodCompiler.Compile(new SourceInput([new SourceFile($"/tmp/mutant{i}.cs", mutant)], "/tmp"), new LoweringOptions());
            }
            catch (InputException)
            {
                // No module left after the mutation: a usage error, exit 2, as designed.
            }
            catch (Exception e)
            {
                failures.Add($"mutant {i}: {e.GetType().Name}: {e.Message}\n{mutant}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Mutants} mutants crashed the compiler:\n\n" + string.Join("\n\n", failures.Take(3)));
    }

    private static string Mutate(string source, Random random)
    {
        string[] lines = source.Split('\n');
        switch (random.Next(4))
        {
            case 0:
                // Splice a construct at the start of a method body.
                int[] bodies = [.. lines.Select((l, i) => (l, i)).Where(p => p.l.Trim() == "{" && p.i > 0 && lines[p.i - 1].Contains('(')).Select(p => p.i)];
                if (bodies.Length > 0)
                {
                    int at = bodies[random.Next(bodies.Length)];
                    lines[at] += " int value = 3; " + Splices[random.Next(Splices.Length)] + " ";
                }

                break;
            case 1:
                // Replace one operator.
                MatchCollection operators = Operator().Matches(source);
                if (operators.Count > 0)
                {
                    Match pick = operators[random.Next(operators.Count)];
                    return source[..pick.Index] + Replacements[random.Next(Replacements.Length)] + source[(pick.Index + pick.Length)..];
                }

                break;
            case 2:
                // Delete a line.
                int line = random.Next(lines.Length);
                lines = [.. lines.Take(line), .. lines.Skip(line + 1)];
                break;
            default:
                // Change a type.
                string[] types = ["int", "long", "byte", "ulong", "nint", "bool", "short", "uint", "sbyte", "char"];
                return TypeName().Replace(source, _ => types[random.Next(types.Length)], 1, random.Next(Math.Max(1, source.Length / 2)));
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"(?<=\s)(\+|-|\*|/|%|<<|>>|&|\||\^|==|!=|<|>=)(?=\s)")]
    private static partial Regex Operator();

    [GeneratedRegex(@"\b(int|long|byte|nuint)\b")]
    private static partial Regex TypeName();
}
