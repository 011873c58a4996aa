using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tests.Support;
using Xunit;

namespace KmodSharp.Compiler.Tests.RealKernel;

/// <summary>
/// Two examples built <c>--in-tree</c> against the rig's own 13.2 tree, compiled into one kernel by
/// <c>make sysent</c> and buildkernel, and their generated userland (no module to find: each call is
/// <c>SYS_&lt;name&gt;</c>, from the regenerated <c>&lt;sys/syscall.h&gt;</c>) run on that kernel.
/// </summary>
public sealed class RealKernelInTreeTests
{
    [RigInTreeFact]
    public void Two_examples_compiled_into_the_kernel_answer_their_userland()
    {
        string work = System.IO.Directory.CreateTempSubdirectory("kmodsharp-rig-intree-").FullName;
        try
        {
            // One build numbers both after the table's end, in order (583 and 584 on 13.2).
            string[] sources = [Repository.Example("CustomSyscall"), Repository.Example("TwoValues")];
            var input = InputLoader.Load([.. sources.Select(d => System.IO.Directory.GetFiles(d, "*.cs").Single())]);
            CompileResult result = KmodCompiler.Compile(input, new LoweringOptions(InTree: true), Path.Combine(Rig.Directory!, "src", "sys"));
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
            string generated = Path.Combine(work, "gen");
            IReadOnlyList<string> modules = ArtifactWriter.WriteAll(generated, result.Modules);

            (string? kernel, string log) = Rig.BuildInTree(modules);
            Assert.True(kernel is not null, log);
            var environment = new Dictionary<string, string>
            {
                ["RIG_KERNEL"] = kernel!,
                ["RIG_USER_CFLAGS"] = "-O2 -pipe -Wall -I" + Path.Combine(Path.GetDirectoryName(kernel!)!, "include"),
            };

            foreach ((string module, string expected) in new[] { ("mycustom", "my_custom_syscall(42, \"hello\") = 126"), ("twovalues", "two_values(42) = 142, second = 242") })
            {
                // The program alone: no Makefile, so no module is built or loaded.
                string program = Path.Combine(work, "run-" + module);
                System.IO.Directory.CreateDirectory(program);
                foreach (string file in new[] { module + ".h", "lib" + module + ".c", "test_" + module + ".c" })
                {
                    File.Copy(Path.Combine(generated, module, file), Path.Combine(program, file));
                }

                RigOutcome real = Rig.RunUser(program, environment);

                Assert.True(real.Passed, real.Console);
                Assert.Contains(expected, real.Console, System.StringComparison.Ordinal);
            }
        }
        finally
        {
            System.IO.Directory.Delete(work, recursive: true);
        }
    }
}
