using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.EndToEnd;

/// <summary>
/// The vertical slice: examples/MySyscall translated, compiled against the host harness under
/// ASan+UBSan with -Wall -Wextra -Werror, loaded, called and unloaded.
/// </summary>
public sealed class MySyscallSliceTests
{
    private const string OtherModule = """
        using KmodSharp;

        [KernelModule("othermod")]
        public static class Other
        {
            [Syscall(Name = "othercall")]
            public static int Triple(int value) => value * 3;
        }
        """;

    private static readonly ModuleArtifacts MySyscall = TestCompiler.Example("MySyscall");

    [Theory]
    [InlineData("42", 84)]
    [InlineData("-21", -42)]
    [InlineData("2147483647", -2)]
    public void Doubles_its_argument_with_CSharp_wraparound(string argument, long expected)
    {
        SimulationReport report = HostSimulator.Run([MySyscall], [new SimCall("mysyscall", [argument])]);

        Assert.True(report.Clean, report.Stderr + string.Join("\n", report.Violations));
        SimCallResult call = Assert.Single(report.Calls);
        Assert.Equal(0, call.Error);
        Assert.Equal(expected, call.Retval);
        Assert.Contains($"mysyscall called with value={argument}", report.Log);
    }

    [Fact]
    public void Takes_the_first_dynamic_slot_and_frees_it_on_unload()
    {
        ModuleArtifacts other = TestCompiler.Module(OtherModule, "Other.cs");
        SimulationReport report = HostSimulator.Run([MySyscall, other],
        [
            new SimLoadStep("mysyscall"),
            new SimCall("mysyscall", ["1"]),
            new SimUnloadStep("mysyscall"),
            new SimCall("mysyscall", ["1"]),
            new SimLoadStep("othermod"),
            new SimCall("othercall", ["5"]),
            new SimUnloadStep("othermod"),
        ]);

        Assert.True(report.Clean, report.Stderr);
        int firstSlot = SlotOf(report, "sys/mysyscall");
        Assert.Equal(210, firstSlot);
        Assert.All(report.Loads, l => Assert.Equal(0, l.Error));
        Assert.Equal(2, report.Calls[0].Retval);
        Assert.Equal(78, report.Calls[1].Error);
        Assert.Equal(firstSlot, SlotOf(report, "sys/othercall"));
        Assert.Equal(15, report.Calls[2].Retval);
    }

    [Fact]
    public void Two_modules_loaded_together_get_different_slots()
    {
        ModuleArtifacts other = TestCompiler.Module(OtherModule, "Other.cs");
        SimulationReport report = HostSimulator.Run([MySyscall, other], [new SimCall("mysyscall", ["7"]), new SimCall("othercall", ["7"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.NotEqual(SlotOf(report, "sys/mysyscall"), SlotOf(report, "sys/othercall"));
        Assert.Equal([14L, 21L], report.Calls.Select(c => c.Retval));
    }

    [Fact]
    public void Registers_through_SYSCALL_MODULE_with_a_dynamic_slot_never_through_sysent()
    {
        string c = TestCompiler.Unwrapped(MySyscall.CSource());

        Assert.Contains("SYSCALL_MODULE(mysyscall, &mysyscall_mysyscall_offset, &mysyscall_mysyscall_sysent, NULL, NULL);", c);
        Assert.Contains("static int mysyscall_mysyscall_offset = NO_SYSCALL;", c);
        Assert.DoesNotContain("sysent[", c);
        Assert.Contains(".sy_call = sys_mysyscall_mysyscall,", c);
        Assert.Contains("char value_l_[KMS_PADL_(int)]; int value; char value_r_[KMS_PADR_(int)];", c);
    }

    [Fact]
    public void Writes_the_makefile_and_the_userland_test()
    {
        Assert.Equal(["mysyscall.c", "Makefile", "mysyscall.h", "libmysyscall.c", "test_mysyscall.c"], MySyscall.Files.Select(f => f.FileName).Take(5));
        string makefile = MySyscall["Makefile"].Text;
        Assert.Contains("KMOD=\tmysyscall\n", makefile);
        Assert.Contains("SRCS=\tmysyscall.c\n", makefile);
        Assert.Contains(".include <bsd.kmod.mk>", makefile);
        Assert.Contains("int\tmysyscall(int value);", MySyscall["mysyscall.h"].Text);
        string library = MySyscall["libmysyscall.c"].Text;
        Assert.Contains("modid = modfind(name);", library);
        Assert.Contains("modstat(modid, &stat)", library);
        Assert.Contains("return ((int)syscall(number, value));", library);
        Assert.Contains("mysyscall_result = mysyscall(42);", MySyscall["test_mysyscall.c"].Text);
    }

    private static int SlotOf(SimulationReport report, string module) =>
        report.Loads.SelectMany(l => l.Modules).Last(m => m.Name == module).Slot;
}
