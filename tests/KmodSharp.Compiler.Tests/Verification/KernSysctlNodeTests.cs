using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Verification;

/// <summary>
/// A module's sysctl node under kern is its own: a module named like one of the kernel's nodes
/// (kern.proc) or like a kernel macro (curthread) exports kern.kms_&lt;module&gt;, read back in the
/// host harness; and the built-in list of kern's nodes is the real tree's.
/// </summary>
public sealed class KernSysctlNodeTests
{
    [Fact]
    public void A_module_named_like_a_kern_node_exports_a_node_of_its_own()
    {
        ModuleArtifacts module = NamingModule("KernelNamedLibc");
        SimulationReport report = HostSimulator.Run([module], [new SimLoadStep("proc"), new SimCall("read", ["1", "2"]), new SimCall("write", ["1", "2"])]);

        Assert.True(report.Clean, report.Stderr + string.Join("; ", report.Violations));
        Assert.Contains(report.Sysctls, s => s.Name == "kern.kms_proc.calls" && s.Value == "2");
        Assert.DoesNotContain(report.Sysctls, s => s.Name.StartsWith("kern.proc.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_module_and_a_sysctl_named_like_kernel_macros_export_nodes_the_preprocessor_leaves_alone()
    {
        ModuleArtifacts module = NamingModule("KernelNamedMacros");
        SimulationReport report = HostSimulator.Run([module], [new SimLoadStep("curthread"), new SimCall("curproc", ["1", "2", "3"])]);

        Assert.True(report.Clean, report.Stderr + string.Join("; ", report.Violations));
        Assert.Equal([6L], report.Calls.Select(c => c.Retval));
        Assert.Contains(report.Sysctls, s => s.Name == "kern.kms_curthread.curproc_" && s.Value == "6");
    }

    [FreeBsdFact]
    public void The_built_in_kern_nodes_are_the_real_trees()
    {
        string[] tree = [.. KernelNamespace.ReadKernSysctls(FreeBsdFactAttribute.SysDir!)];

        Assert.True(tree.Length > 150, $"{tree.Length} nodes");
        Assert.Contains("ipc", tree);
        Assert.All(tree, node => Assert.True(KernelNamespace.IsKernSysctl(node), $"kern.{node} is not in CTarget/KernSysctlNodes.txt"));
    }

    private static ModuleArtifacts NamingModule(string name) =>
        TestCompiler.Module(File.ReadAllText(Path.Combine(Repository.Root, "tests", "KmodSharp.Differential", "Modules", "Naming", name + ".cs")), name + ".cs");
}
