using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Verification;

namespace KmodSharp.Compiler.Tests.HeaderNames;

/// <summary>
/// The checked-in name lists the compiler embeds (<c>Pipeline/CTarget/Names/*.txt</c>) and how they
/// are made: the union of FreeBSD 13.2's and the 15-derived tree's kernel headers and the host
/// harness's, and of FreeBSD's and glibc's userland headers plus both trees' system calls.
/// </summary>
internal static class HeaderNameLists
{
    /// <summary>How to rewrite the lists, for failure messages and the files' headers.</summary>
    public const string RegenerateCommand = "tools/regenerate-header-names.sh FREEBSD_13_SYS FREEBSD_15_SYS FREEBSD_13_SYSROOT";

    private static string Folder => Path.Combine(Repository.Root, "compiler", "KmodSharp.Compiler", "Pipeline", "CTarget", "Names");

    /// <summary>The kernel names of the trees and the host harness.</summary>
    public static HeaderNameSet Kernel(IEnumerable<string> sysDirs)
    {
        HeaderNameSet names;
        using (KernelHeaders harness = KernelHeaders.Host())
        {
            names = HeaderNameReader.Kernel(harness);
        }

        foreach (string sysDir in sysDirs)
        {
            using KernelHeaders tree = KernelHeaders.FreeBsd(sysDir);
            names = names.Union(HeaderNameReader.Kernel(tree));
        }

        return names;
    }

    /// <summary>The userland names of glibc (the host's), the FreeBSD system root, and the trees' system calls.</summary>
    public static HeaderNameSet Userland(string? freeBsdSysroot, IEnumerable<string> sysDirs)
    {
        HeaderNameSet names = HeaderNameReader.HostUserland();
        if (freeBsdSysroot is not null)
        {
            names = names.Union(HeaderNameReader.FreeBsdUserland(freeBsdSysroot));
        }

        return names.Union(HeaderNameSet.Of([], [], sysDirs.SelectMany(HeaderNameReader.Syscalls), []));
    }

    /// <summary>Writes every list from the trees <paramref name="sysDirs"/> and the FreeBSD system root.</summary>
    public static void Write(IReadOnlyList<string> sysDirs, string freeBsdSysroot)
    {
        HeaderNameSet kernel = Kernel(sysDirs);
        string kernelSources = $"the kernel headers generated C may include (CIncludes.AllKernel) as a module build reads them, in {string.Join(" and ", sysDirs.Select(Describe))}, and the host harness's (runtime-shims/host/include)";
        WriteList("KernelObjectMacros.txt", $"Object-like macros of {kernelSources}.", kernel.ObjectMacros);
        WriteList("KernelTypedefs.txt", $"Typedefs of {kernelSources}.", kernel.Typedefs);
        WriteList("KernelIdentifiers.txt", $"Functions, function-like macros, variables and enum constants of {kernelSources}.", kernel.Identifiers);
        WriteList("KernelTags.txt", $"Struct, union and enum tags of {kernelSources}.", kernel.Tags);

        HeaderNameSet userland = Userland(freeBsdSysroot, sysDirs);
        string userlandSources = $"the userland headers the generated files and a program beside them include (UserlandNamespace.Headers), in FreeBSD 13.2's usr/include (amd64) and glibc's";
        WriteList("UserlandObjectMacros.txt", $"Object-like macros of {userlandSources}.", userland.ObjectMacros);
        WriteList("UserlandIdentifiers.txt", $"Typedefs, functions, function-like macros, variables and enum constants of {userlandSources}, and the system calls of {string.Join(" and ", sysDirs.Select(Describe))} (sys/syscall.h: libc has a function for each).", userland.Typedefs.Concat(userland.Identifiers).Order(System.StringComparer.Ordinal));
        WriteList("UserlandTags.txt", $"Struct, union and enum tags of {userlandSources}.", userland.Tags);
    }

    private static string Describe(string sysDir) => FreeBsdSourceTree.Open(sysDir).TargetTriple.Replace("x86_64-unknown-", "", System.StringComparison.Ordinal);

    private static void WriteList(string file, string description, IEnumerable<string> names)
    {
        string header = $"""
            # {description}
            # Generated C must not take these names. Written by {RegenerateCommand}
            # (HeaderNameListTests.Regenerate); HeaderNameListTests checks them against FREEBSD_SYSDIR. Do not edit.

            """;
        File.WriteAllText(Path.Combine(Folder, file), header + string.Join("\n", names) + "\n");
    }
}
