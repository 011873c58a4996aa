using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.RealKernel;

/// <summary>
/// <c>RealKernel/ssh/run-user.sh</c>, the runner for a real FreeBSD host (docs/real-freebsd-host.md),
/// driven through stand-ins for <c>ssh</c> (runs the command here), <c>make</c> and the kld tools, so
/// its own logic is checked where no FreeBSD host is: the module installed, loaded, unloaded and
/// removed, each run's arguments and exit status, the host's files left as they were.
/// </summary>
public sealed class SshRunnerTests : System.IDisposable
{
    private static readonly string Runner = Path.Combine(Repository.Root, "tests", "KmodSharp.Compiler.Tests", "RealKernel", "ssh", "run-user.sh");

    private readonly string root = Directory.CreateTempSubdirectory("kmodsharp-ssh-").FullName;

    private string Modules => Path.Combine(root, "modules");

    private string Log => Path.Combine(root, "commands.log");

    public SshRunnerTests()
    {
        Directory.CreateDirectory(Modules);
        string bin = Directory.CreateDirectory(Path.Combine(root, "bin")).FullName;
        Tool(bin, "fake-ssh", $"shift\necho \"ssh $*\" >> {Log}\nexec bash -c \"$*\"");
        Tool(bin, "make", "k=$(sed -n 's/^KMOD=//p' Makefile)\necho module > \"$k.ko\"");
        Tool(bin, "kldstat", "exit 1");
        Tool(bin, "kldload", $"echo \"kldload $*\" >> {Log}\n[ -f \"$2\" ] && echo \"Loaded $2, id=7\"");
        Tool(bin, "kldunload", $"echo \"kldunload $*\" >> {Log}");
    }

    [Fact]
    public void Each_run_gets_its_arguments_and_the_module_is_gone_afterwards()
    {
        string directory = Module(args: "3 \"two words\"\n\n# a comment\n5\n", expect: "3\n0\n5\n");

        (int status, string console) = Run(directory);

        Assert.True(status == 0, console);
        Assert.Contains("RIG: RESULT PASS", console);
        Assert.Contains($"RIG: kldload {Modules}/demo.ko = Loaded {Modules}/demo.ko, id=7", console);
        Assert.Contains("arg[1]=3\narg[2]=two words\nRIG: exit 3", console);
        Assert.Contains("RIG: run 2: ./prog \nRIG: exit 0", console);
        Assert.Contains("RIG: ok run 3 exited 5 as expected", console);
        AssertHostCleanedUp();
    }

    [Fact]
    public void An_unexpected_exit_status_fails_the_run_and_still_cleans_up()
    {
        string directory = Module(args: "4\n", expect: "SIGSYS\n");

        (int status, string console) = Run(directory);

        Assert.Equal(1, status);
        Assert.Contains("RIG: FAIL run 1 exited 4, expected 140", console);
        Assert.Contains("RIG: RESULT FAIL", console);
        AssertHostCleanedUp();
    }

    [Fact]
    public void A_module_file_already_on_the_host_is_not_overwritten()
    {
        File.WriteAllText(Path.Combine(Modules, "demo.ko"), "the host's own");
        string directory = Module(args: "0\n", expect: "0\n");

        (int status, string console) = Run(directory);

        Assert.Equal(1, status);
        Assert.Contains($"{Modules}/demo.ko exists: not overwriting it", console);
        Assert.Equal("the host's own", File.ReadAllText(Path.Combine(Modules, "demo.ko")));
        Assert.DoesNotContain("kldload", File.ReadAllText(Log));
    }

    private void AssertHostCleanedUp()
    {
        Assert.Empty(Directory.GetFiles(Modules));
        string[] commands = File.ReadAllLines(Log);
        Assert.Contains($"kldunload -n demo.ko", commands);
        string copy = commands.Single(c => c.StartsWith("ssh rm -rf ", System.StringComparison.Ordinal))["ssh rm -rf ".Length..];
        Assert.StartsWith("/tmp/kmodsharp.", copy);
        Assert.False(Directory.Exists(copy), copy);
    }

    private string Module(string args, string expect)
    {
        string directory = Directory.CreateDirectory(Path.Combine(root, "dir")).FullName;
        File.WriteAllText(Path.Combine(directory, "Makefile"), "KMOD=demo\n");
        File.WriteAllText(Path.Combine(directory, "prog.c"), """
            #include <stdio.h>
            #include <stdlib.h>
            int main(int argc, char **argv) { for (int i = 1; i < argc; i++) printf("arg[%d]=%s\n", i, argv[i]); return argc > 1 ? atoi(argv[1]) : 0; }
            """);
        File.WriteAllText(Path.Combine(directory, "user-sources.txt"), "prog.c\n");
        File.WriteAllText(Path.Combine(directory, "user-args.txt"), args);
        File.WriteAllText(Path.Combine(directory, "user-expect.txt"), expect);
        return directory;
    }

    private (int Status, string Console) Run(string directory)
    {
        ProcessOutcome outcome = ProcessRunner.Run("bash", [Runner, directory], new Dictionary<string, string>
        {
            ["PATH"] = Path.Combine(root, "bin") + ":" + System.Environment.GetEnvironmentVariable("PATH"),
            ["KMODSHARP_SSH_HOST"] = "root@freebsd",
            ["KMODSHARP_SSH"] = "fake-ssh",
            ["KMODSHARP_SSH_MODULES"] = Modules,
        });
        return (outcome.ExitCode, outcome.Stdout + outcome.Stderr);
    }

    private static void Tool(string bin, string name, string body)
    {
        string path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/bin/bash\n" + body + "\n");
        if (!System.OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
