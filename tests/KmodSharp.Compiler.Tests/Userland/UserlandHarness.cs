using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Compiler.Tests.Userland;

/// <summary>
/// Builds a module's generated userland code against the host harness's userland shim
/// (runtime-shims/host/user): the module as a kernel-world .so, and a program made of the
/// generated <c>lib&lt;module&gt;.c</c>, a main (the generated test or a driver), the shim and
/// the emulated kernel, all with -Wall -Wextra -Werror under ASan+UBSan.
/// </summary>
internal sealed class UserlandHarness
{
    private static readonly Lazy<UserlandHarness> Shared = new(() => new UserlandHarness());

    private readonly HarnessBuilder builder = new(HostToolchain.Default());
    private readonly string root = Path.Combine(Path.GetTempPath(), "kms-userland-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> shimObjects = [];

    private UserlandHarness()
    {
        string harness = builder.Toolchain.HarnessDirectory;
        string objects = Directory.CreateDirectory(Path.Combine(root, "shim")).FullName;
        IEnumerable<string> sources = Directory.EnumerateFiles(Path.Combine(harness, "kern"), "*.c")
            .Where(f => Path.GetFileName(f) != "subr_usermem.c")
            .Concat(Directory.EnumerateFiles(Path.Combine(harness, "user"), "*.c"))
            .Order(StringComparer.Ordinal);
        foreach (string source in sources)
        {
            string output = Path.Combine(objects, Path.GetFileNameWithoutExtension(source) + ".o");
            Compile([.. builder.Toolchain.HarnessFlags, "-I", Path.Combine(harness, "kern"), "-c", source, "-o", output]);
            shimObjects.Add(output);
        }
    }

    public static UserlandHarness Instance => Shared.Value;

    /// <summary>Writes the module's files to a fresh folder and compiles the module's .so there.</summary>
    public BuiltModule Build(ModuleArtifacts module)
    {
        string directory = ArtifactWriter.Write(Path.Combine(root, Guid.NewGuid().ToString("N")), module);
        string shared = builder.Module(Path.Combine(directory, "kernel"), module.ModuleName, module.CSource());
        return new BuiltModule(this, module.ModuleName, directory, shared);
    }

    /// <summary>Links the generated library and <paramref name="mainSource"/> with the shim; returns the executable.</summary>
    public string Program(BuiltModule module, string mainSource, string name)
    {
        string harness = builder.Toolchain.HarnessDirectory;
        string executable = Path.Combine(module.Directory, name);
        Compile([.. builder.Toolchain.HarnessFlags, "-Wmissing-prototypes", "-Wstrict-prototypes",
            "-isystem", Path.Combine(harness, "user", "include"), "-I", module.Directory,
            mainSource, Path.Combine(module.Directory, $"lib{module.Name}.c"),
            "-Wl,--whole-archive", .. shimObjects, "-Wl,--no-whole-archive", "-rdynamic", "-ldl", "-o", executable]);
        return executable;
    }

    private static void Compile(IEnumerable<string> arguments)
    {
        ProcessOutcome outcome = ProcessRunner.Run(HostToolchain.Default().Compiler, arguments);
        if (outcome.ExitCode != 0)
        {
            throw new HostCompileException(outcome.Stderr + outcome.Stdout);
        }
    }
}

/// <summary>A module written out with its kernel side compiled.</summary>
internal sealed record BuiltModule(UserlandHarness Harness, string Name, string Directory, string SharedObject)
{
    public string TestProgram() => Harness.Program(this, Path.Combine(Directory, $"test_{Name}.c"), $"test_{Name}");

    public string Driver() => Harness.Program(this, Path.Combine(Repository.Root, "tests", "KmodSharp.Compiler.Tests", "Userland", "Drivers", Name + ".c"), "driver_" + Name);
}
