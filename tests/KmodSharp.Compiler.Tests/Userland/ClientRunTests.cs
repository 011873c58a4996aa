using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KmodSharp.Compiler.Tests.Userland;

/// <summary>
/// The generated .NET client run for real: compiled with the LibraryImport generator, loaded into
/// this process with a DllImportResolver that maps libc to the host userland shim built as a
/// shared library, and driven by a small C# program per example (ClientDrivers/*.cs.txt, not part of this project) that checks
/// values and errno, including the module-not-loaded case.
/// </summary>
public sealed class ClientRunTests
{
    // One emulated kernel per process: the examples run one at a time.
    private static readonly object KernelLock = new();
    private static readonly Lazy<string> Shim = new(BuildShim);

    [Theory]
    [InlineData("MySyscall")]
    [InlineData("TwoValues")]
    [InlineData("UserMemory")]
    [InlineData("ErrorHandling")]
    public void The_client_calls_the_module_through_the_shim(string example)
    {
        ModuleArtifacts module = TestCompiler.Example(example);
        string directory = Directory.CreateTempSubdirectory("kms-client-").FullName;
        string moduleObject = BuildModule(module, directory);
        string driver = File.ReadAllText(Path.Combine(Repository.Root, "tests", "KmodSharp.Compiler.Tests", "Userland", "ClientDrivers", example + ".cs.txt"));
        Assembly assembly = Compile(module[module.Model.ClassName + "Client.cs"].Text, driver);
        IntPtr shim = NativeLibrary.Load(Shim.Value);
        NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => name == "libc.so.7" ? shim : IntPtr.Zero);
        var load = Marshal.GetDelegateForFunctionPointer<PathCall>(NativeLibrary.GetExport(shim, "kms_user_load"));
        var unload = Marshal.GetDelegateForFunctionPointer<PathCall>(NativeLibrary.GetExport(shim, "kms_user_unload"));

        lock (KernelLock)
        {
            var run = (Func<Func<string, int>, string, string>)assembly.GetType("ClientDriver")!.GetMethod("Run")!
                .CreateDelegate(typeof(Func<Func<string, int>, string, string>));
            try
            {
                Assert.Equal("ok", run(path => load(path), moduleObject));
            }
            finally
            {
                unload(moduleObject);
            }
        }
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int PathCall([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    private static Assembly Compile(string client, string driver)
    {
        var compilation = CSharpCompilation.Create(
            "ClientRun" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(client, new CSharpParseOptions(LanguageVersion.Latest)), CSharpSyntaxTree.ParseText(driver, new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(KernelModuleAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        CSharpGeneratorDriver.Create(ClientCompileTests.LibraryImportGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(image);
    }

    // The shim and the emulated kernel as one shared library, without sanitizers (this process is dotnet).
    private static string BuildShim()
    {
        string harness = HostToolchain.Default().HarnessDirectory;
        string output = Path.Combine(Directory.CreateTempSubdirectory("kms-shim-").FullName, "libkms_user.so");
        IEnumerable<string> sources = Directory.EnumerateFiles(Path.Combine(harness, "kern"), "*.c")
            .Where(f => Path.GetFileName(f) != "subr_usermem.c")
            .Concat(Directory.EnumerateFiles(Path.Combine(harness, "user"), "*.c"));
        Run(["-std=gnu17", "-O1", "-Wall", "-Wextra", "-Werror", "-fPIC", "-shared", "-I", Path.Combine(harness, "kern"), .. sources, "-ldl", "-o", output]);
        return output;
    }

    // The module in the kernel world, linked against the shim so its kernel symbols resolve there.
    private static string BuildModule(ModuleArtifacts module, string directory)
    {
        HostToolchain toolchain = HostToolchain.Default();
        string[] flags = [.. toolchain.ModuleFlags.Where(f => !HostToolchain.SanitizerFlags.Contains(f))];
        string source = Path.Combine(directory, module.ModuleName + ".c");
        File.WriteAllText(source, module.CSource());
        string output = Path.Combine(directory, module.ModuleName + ".so");
        Run([.. flags, "-c", source, "-o", source + ".o"]);
        Run([.. flags, "-c", Path.Combine(toolchain.HarnessDirectory, "kmod", "module_glue.c"), "-o", source + ".glue.o"]);
        Run(["-shared", source + ".o", source + ".glue.o", Shim.Value, "-Wl,-rpath," + Path.GetDirectoryName(Shim.Value), "-o", output]);
        return output;
    }

    private static void Run(IEnumerable<string> arguments)
    {
        ProcessOutcome outcome = ProcessRunner.Run(HostToolchain.Default().Compiler, arguments);
        Assert.True(outcome.ExitCode == 0, outcome.Stderr + outcome.Stdout);
    }
}
