using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using KmodSharp.Compiler.Pipeline.Emit;

namespace KmodSharp.Compiler.Tools.Simulation;

/// <summary>A C compile that failed: the compiler's own messages, mapped to C# lines by #line where the code came from C#.</summary>
public sealed class HostCompileException(string message) : Exception(message);

/// <summary>
/// Compiles the emulated kernel and driver (<c>kmodsim</c>) once per harness version and toolchain,
/// into a per-user cache, and compiles each module into a loadable shared object.
/// </summary>
public sealed class HarnessBuilder(HostToolchain toolchain)
{
    public HostToolchain Toolchain { get; } = toolchain;

    /// <summary>The driver executable, built on first use.</summary>
    public string Driver()
    {
        string harness = Toolchain.HarnessDirectory;
        List<string> sources = [.. Directory.EnumerateFiles(Path.Combine(harness, "kern"), "*.c").Order(StringComparer.Ordinal),
            Path.Combine(harness, "sim", "kmodsim.c")];
        string key = Hash(Toolchain.Compiler, string.Join(' ', Toolchain.HarnessFlags), harness);
        string directory = Path.Combine(CacheRoot(), "host-" + key);
        string driver = Path.Combine(directory, "kmodsim");
        if (File.Exists(driver))
        {
            return driver;
        }

        OutputPaths.Run(directory, () => Directory.CreateDirectory(directory));
        string staging = driver + "." + Guid.NewGuid().ToString("N") + ".tmp";
        Compile([.. Toolchain.HarnessFlags, "-I", Path.Combine(harness, "kern"), .. sources, "-rdynamic", "-ldl", "-o", staging]);
        File.Move(staging, driver, overwrite: true);
        return driver;
    }

    /// <summary>Compiles one generated module into <c>&lt;directory&gt;/&lt;name&gt;.so</c>, as kldload would take a .ko.</summary>
    public string Module(string directory, string name, string cSource)
    {
        string source = Path.Combine(directory, name + ".c");
        OutputPaths.Run(directory, () =>
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(source, cSource);
        });
        string moduleObject = Path.Combine(directory, name + ".o");
        string glueObject = Path.Combine(directory, name + ".glue.o");
        string shared = Path.Combine(directory, name + ".so");
        Compile([.. Toolchain.ModuleFlags, "-c", source, "-o", moduleObject]);
        Compile([.. Toolchain.ModuleFlags, "-c", Path.Combine(Toolchain.HarnessDirectory, "kmod", "module_glue.c"), "-o", glueObject]);
        Compile(["-shared", .. HostToolchain.SanitizerFlags, moduleObject, glueObject, "-o", shared]);
        return shared;
    }

    private void Compile(IEnumerable<string> arguments)
    {
        ProcessOutcome outcome = ProcessRunner.Run(Toolchain.Compiler, arguments);
        if (outcome.ExitCode != 0)
        {
            throw new HostCompileException(outcome.Stderr + outcome.Stdout);
        }
    }

    private static string CacheRoot() =>
        Environment.GetEnvironmentVariable("KMODSHARP_CACHE") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "kmodsharp");

    // The cache key covers every harness file, so editing the harness rebuilds the driver.
    private static string Hash(string compiler, string flags, string harness)
    {
        using var sha = SHA256.Create();
        var text = new StringBuilder(compiler).Append('\0').Append(flags).Append('\0');
        foreach (string file in Directory.EnumerateFiles(harness, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            text.Append(Path.GetRelativePath(harness, file)).Append('\0').Append(File.ReadAllText(file)).Append('\0');
        }

        return Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }
}
