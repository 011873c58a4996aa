using System;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Simulation;

/// <summary>
/// kern.mk's flags live in <see cref="KernMkFlags"/> alone: the harness's Makefile and fuzz script
/// read them from the generated runtime-shims/host/kernmk.mk, which must be current
/// (KMS_WRITE_GENERATED=1 rewrites it), and compile module code with no flag of their own that
/// kern.mk does not use (-Wextra, gnu17).
/// </summary>
public sealed class KernMkFlagsFileTests
{
    private static readonly string Fragment = Path.Combine(Repository.Root, HarnessMakeFragment.Path);

    [Fact]
    public void The_make_fragment_is_generated_from_KernMkFlags()
    {
        if (Environment.GetEnvironmentVariable("KMS_WRITE_GENERATED") == "1")
        {
            File.WriteAllText(Fragment, HarnessMakeFragment.Text());
        }

        Assert.True(File.Exists(Fragment) && File.ReadAllText(Fragment) == HarnessMakeFragment.Text(),
            $"{HarnessMakeFragment.Path} is stale: run this test with KMS_WRITE_GENERATED=1");
    }

    [Theory]
    [InlineData("runtime-shims/host/Makefile", "KMOD_CFLAGS=")]
    [InlineData("runtime-shims/host/fuzz/run.sh", "kmod_flags=")]
    public void The_harness_build_compiles_modules_with_the_fragments_flags(string file, string variable)
    {
        string text = File.ReadAllText(Path.Combine(Repository.Root, file));
        string definition = string.Concat(text[text.IndexOf(variable, StringComparison.Ordinal)..].Split('\n').TakeWhile((line, i) => i == 0 || line.StartsWith('\t')));

        Assert.Contains("KERNMK_CSTD", definition);
        Assert.Contains("KERNMK_CWARNFLAGS", definition);
        Assert.DoesNotContain("-Wextra", definition);
        Assert.DoesNotContain("-std=", definition);
        Assert.DoesNotContain("-Werror", definition);
    }
}
