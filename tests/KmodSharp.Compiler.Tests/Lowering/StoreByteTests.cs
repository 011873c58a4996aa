using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// subyte(9) takes an int and stores its low byte, so C#'s unchecked <c>(byte)</c> cast of a value
/// that fits an int goes without the cast; a wider value keeps it, and a checked cast its guard.
/// The harness shows the byte that reached user memory.
/// </summary>
public sealed class StoreByteTests
{
    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using KmodSharp;

        [KernelModule("storebyte")]
        public static class StoreBytes
        {
            [Syscall(Name = "sb_int")]
            public static int Int(UserPtr<byte> address, int value) => Kernel.StoreByte(address, (byte)(value + 1));

            [Syscall(Name = "sb_long")]
            public static int Long(UserPtr<byte> address, long value) => Kernel.StoreByte(address, (byte)value);

            [Syscall(Name = "sb_checked")]
            public static SyscallResult<int> Checked(UserPtr<byte> address, int value) => Kernel.StoreByte(address, checked((byte)value));
        }
        """, "StoreBytes.cs");

    [Fact]
    public void Only_a_value_that_fits_an_int_drops_its_cast()
    {
        Assert.Contains("return (subyte(uap->address, uap->value + 1));", Module.CFunction("storebyte_int"));
        Assert.Contains("return (subyte(uap->address, (uint8_t)uap->value));", Module.CFunction("storebyte_long"));
        Assert.Contains("EOVERFLOW", Module.CFunction("storebyte_checked"), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sb_int", "0x1233", 0, "34")]
    [InlineData("sb_int", "-2", 0, "ff")]
    [InlineData("sb_int", "255", 0, "00")]
    [InlineData("sb_long", "0x7fffffff00000141", 0, "41")]
    [InlineData("sb_checked", "200", 0, "c8")]
    [InlineData("sb_checked", "300", 84, "00")]
    public void The_low_byte_reaches_user_memory(string syscall, string value, int errno, string stored)
    {
        SimulationReport report = HostSimulator.Run([Module], [new SimCall(syscall, ["z:1", value])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal((errno, stored), (report.Calls.Single().Error, report.Calls.Single().Buffers.Single().Hex));
    }
}
