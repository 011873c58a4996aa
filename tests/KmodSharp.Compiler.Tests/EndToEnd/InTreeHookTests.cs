using System.IO;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using Xunit;

namespace KmodSharp.Compiler.Tests.EndToEnd;

/// <summary>An in-tree build has no module to load: a module hook is KMS0409 at the module class, found before lowering (which reports nothing).</summary>
public sealed class InTreeHookTests
{
    [Fact]
    public void A_module_hook_in_an_in_tree_build_is_KMS0409_at_the_module()
    {
        const string source = """
            using KmodSharp;

            [KernelModule("intreehook")]
            public static class InTreeHook
            {
                private static int s_loads;

                [ModuleLoad]
                public static Errno Load()
                {
                    s_loads++;
                    return Errno.None;
                }

                [Syscall(Number = 600)]
                public static int Loads() => s_loads;
            }
            """;
        var input = new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), "InTreeHook.cs"), source)], Path.GetTempPath());

        CompileResult inTree = KmodCompiler.Compile(input, new LoweringOptions(InTree: true));
        CompileResult loadable = KmodCompiler.Compile(input, new LoweringOptions());

        KmsDiagnostic error = Assert.Single(inTree.Diagnostics, d => d.Id == "KMS0409");
        Assert.Equal(("KMS0409", 4), (error.Id, error.Location!.Line));
        Assert.Empty(inTree.Modules);
        Assert.DoesNotContain(loadable.Diagnostics, d => d.IsError);
    }
}
