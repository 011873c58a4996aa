using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.RealKernel;

/// <summary>
/// The two-value call of <c>lib&lt;module&gt;.c</c> on FreeBSD's other 64-bit machines, compiled by
/// clang against the rig's FreeBSD 13.2 headers with each machine's own <c>&lt;machine/…&gt;</c>
/// (opt-in: <c>FREEBSD_RIG</c>). No arm64 or riscv64 FreeBSD runs here, so what is proved is that
/// the assembler takes the trap and that the compiled code loads the registers the kernel's
/// <c>cpu_fetch_syscall_args</c> reads; amd64's runs on the real kernel in RealKernelExampleTests.
/// </summary>
public sealed class PairSyscallMachineTests
{
    // Where each machine's trap takes the number, and the trap's mnemonic in llvm-objdump's spelling.
    public static TheoryData<string, string, string, string> Machines => new()
    {
        { "arm64", "aarch64", "x8", "svc\t#0" },
        { "riscv", "riscv64", "t0", "ecall" },
    };

    [RigTreeTheory]
    [MemberData(nameof(Machines))]
    public void The_two_value_call_compiles_for_the_machine_and_traps_with_the_number_in_its_register(string machine, string triple, string numberRegister, string trap)
    {
        string dump = Disassemble(Compile(machine, triple, out string log) ?? throw new Xunit.Sdk.XunitException(log));

        string[] lines = [.. dump.Split('\n').Select(l => l.Trim())];
        int at = System.Array.FindIndex(lines, l => l.EndsWith(trap, System.StringComparison.Ordinal));
        Assert.True(at > 0, dump);
        // The number register is written before the trap, inside the same run of moves.
        Assert.Contains(lines[System.Math.Max(0, at - 8)..at], l => l.Contains($"\t{numberRegister}, ", System.StringComparison.Ordinal));
    }

    [RigTreeFact]
    public void Another_FreeBSD_machine_stops_the_build_with_the_reason()
    {
        Assert.Null(Compile("powerpc", "powerpc64", out string log));
        Assert.Contains("two-value system calls are implemented for amd64, arm64 and riscv64", log, System.StringComparison.Ordinal);
    }

    private static string? Compile(string machine, string triple, out string log)
    {
        ModuleArtifacts artifacts = TestCompiler.Example("TwoValues");
        string work = Directory.CreateTempSubdirectory("kmodsharp-pair-").FullName;
        try
        {
            string directory = ArtifactWriter.Write(work, artifacts);
            // <machine/…> of the target, ahead of the sysroot's amd64 copies.
            string machineHeaders = Path.Combine(work, "machine-include");
            Directory.CreateDirectory(machineHeaders);
            Directory.CreateSymbolicLink(Path.Combine(machineHeaders, "machine"), Path.Combine(Rig.Directory!, "src", "sys", machine, "include"));
            string output = Path.Combine(Path.GetTempPath(), $"kmodsharp-pair-{machine}-{System.Guid.NewGuid():N}.o");
            ProcessOutcome outcome = ProcessRunner.Run("clang-16", [$"--target={triple}-unknown-freebsd13.2", "--sysroot=" + Path.Combine(Rig.Directory!, "sysroot"),
                "-isystem", machineHeaders, "-O2", "-Wall", "-Werror", "-c", Path.Combine(directory, "libtwovalues.c"), "-o", output]);
            log = outcome.Stdout + outcome.Stderr;
            return outcome.ExitCode == 0 ? output : null;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Disassemble(string objectFile)
    {
        ProcessOutcome outcome = ProcessRunner.Run("llvm-objdump-16", ["-d", "--no-show-raw-insn", objectFile]);
        File.Delete(objectFile);
        Assert.Equal(0, outcome.ExitCode);
        return outcome.Stdout;
    }
}
