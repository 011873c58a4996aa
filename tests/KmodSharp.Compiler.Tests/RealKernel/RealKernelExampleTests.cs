using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tests.Userland;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.RealKernel;

/// <summary>
/// Every example on a real FreeBSD 13.2 kernel (opt-in: <c>FREEBSD_RIG</c>): its module built by
/// bsd.kmod.mk, loaded, its generated test program compiled against 13.2's libc and run, printing the
/// same results as in the host harness; and the Userland/Drivers checks of values and errno (faulting
/// pointers, read-only memory, the module absent) run unchanged on the real kernel where they need
/// nothing the real kernel cannot do (the harness's credentials and malloc fault injection).
/// </summary>
public sealed class RealKernelExampleTests
{
    private static readonly string Drivers = Path.Combine(Repository.Root, "tests", "KmodSharp.Compiler.Tests", "Userland", "Drivers");

    public static TheoryData<string> Examples => [.. System.IO.Directory.GetDirectories(Path.Combine(Repository.Root, "examples")).Select(d => Path.GetFileName(d)!).Order()];

    public static TheoryData<string> ExamplesWithPortableDrivers => ["Counter", "CustomSyscall", "FrameReader", "MySyscall", "TwoValues", "UserMemory"];

    [RigTheory]
    [MemberData(nameof(Examples))]
    public void The_test_program_prints_on_the_real_kernel_what_it_prints_in_the_harness(string example) =>
        AssertSameAsHarness(TestCompiler.Example(example));

    // Names only some headers declare (FreeBSD libc's getprogname, 15's cap_held) and struct tags that meet in snake_case.
    [RigTheory]
    [InlineData("MachineNames")]
    [InlineData("StructTagCollisions")]
    public void A_naming_module_prints_on_the_real_kernel_what_it_prints_in_the_harness(string module) =>
        AssertSameAsHarness(TestCompiler.Module(File.ReadAllText(Path.Combine(Repository.Root, "tests", "KmodSharp.Differential", "Modules", "Naming", module + ".cs")), module + ".cs"));

    private static void AssertSameAsHarness(ModuleArtifacts artifacts)
    {
        BuiltModule harness = UserlandHarness.Instance.Build(artifacts);
        ProcessOutcome expected = ProcessRunner.Run(harness.TestProgram(), [], new Dictionary<string, string> { ["KMS_USER_KLD"] = harness.SharedObject });
        using var work = new TempFolder();
        string directory = ArtifactWriter.Write(work.Path, artifacts);

        // The same exit status (FrameReader's zeroed sample frame is refused in both), results and errors.
        File.WriteAllText(Path.Combine(directory, "user-expect.txt"), expected.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
        RigOutcome real = Rig.RunUser(directory);

        Assert.True(real.Passed, real.Console);
        string[] lines =
        [
            .. expected.Stdout.Split('\n').Where(l => l.Contains(" = ", System.StringComparison.Ordinal) && !DependsOnTheProcess(l)),
            .. expected.Stderr.Split('\n').Where(l => l.StartsWith("test_", System.StringComparison.Ordinal)),
        ];
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Contains(line, real.Console, System.StringComparison.Ordinal));
    }

    // cap_whoami returns the caller's pid: the harness's fixed one, the program's own on the rig.
    private static bool DependsOnTheProcess(string line) => line.StartsWith("cap_whoami() = ", System.StringComparison.Ordinal);

    [RigTheory]
    [MemberData(nameof(ExamplesWithPortableDrivers))]
    public void The_driver_checks_values_and_errno_on_the_real_kernel(string example)
    {
        ModuleArtifacts artifacts = TestCompiler.Example(example);
        using var work = new TempFolder();
        string directory = ArtifactWriter.Write(work.Path, artifacts);
        string module = artifacts.ModuleName;
        File.Copy(Path.Combine(Drivers, module + ".c"), Path.Combine(directory, "driver_" + module + ".c"));
        File.Copy(Path.Combine(Drivers, "driver.h"), Path.Combine(directory, "driver.h"));
        File.Copy(Path.Combine(Repository.Root, "runtime-shims", "host", "user", "include", "kms_user.h"), Path.Combine(directory, "kms_user.h"));
        File.Copy(Path.Combine(Repository.Root, "tests", "KmodSharp.Compiler.Tests", "RealKernel", "kms_user_rig.c"), Path.Combine(directory, "kms_user_rig.c"));
        File.WriteAllText(Path.Combine(directory, "user-sources.txt"), $"driver_{module}.c lib{module}.c kms_user_rig.c\n");
        File.WriteAllText(Path.Combine(directory, "user-args.txt"), $"/boot/modules/{module}.ko\n");

        RigOutcome real = Rig.RunUser(directory);

        Assert.True(real.Passed, real.Console);
        Assert.Contains("driver: all checks passed", real.Console, System.StringComparison.Ordinal);
    }

    private sealed class TempFolder : System.IDisposable
    {
        public string Path { get; } = System.IO.Directory.CreateTempSubdirectory("kmodsharp-rig-").FullName;

        public void Dispose() => System.IO.Directory.Delete(Path, recursive: true);
    }
}
