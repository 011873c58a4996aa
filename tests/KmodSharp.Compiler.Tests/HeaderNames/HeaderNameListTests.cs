using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Tests.Verification;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Compiler.Tests.HeaderNames;

/// <summary>
/// The checked-in name lists: rewritten only by <c>tools/regenerate-header-names.sh</c>
/// (<see cref="Regenerate"/>), checked against a tree's headers when <c>FREEBSD_SYSDIR</c> is set,
/// and cheap to load.
/// </summary>
public sealed class HeaderNameListTests(ITestOutputHelper output)
{
    private static readonly string[] Lists =
        ["KernelObjectMacros.txt", "KernelTypedefs.txt", "KernelIdentifiers.txt", "KernelTags.txt", "UserlandObjectMacros.txt", "UserlandIdentifiers.txt", "UserlandTags.txt"];

    [RegenerateFact]
    public void Regenerate()
    {
        string[] parts = RegenerateFactAttribute.Parts!;
        HeaderNameLists.Write([parts[0], parts[1]], parts[2]);
    }

    [HeaderNamesFact]
    public void The_lists_hold_every_name_the_trees_headers_declare()
    {
        string sysDir = FreeBsdFactAttribute.SysDir!;
        HeaderNameSet kernel = HeaderNameLists.Kernel([sysDir]);
        string? sysroot = Environment.GetEnvironmentVariable("FREEBSD_RIG") is { Length: > 0 } rig && Directory.Exists(Path.Combine(rig, "sysroot")) ? Path.Combine(rig, "sysroot") : null;
        HeaderNameSet userland = HeaderNameLists.Userland(sysroot, [sysDir]);

        string[] missing =
        [
            .. kernel.ObjectMacros.Where(n => !KernelHeaderNames.IsObjectMacro(n)).Select(n => "kernel macro " + n),
            .. kernel.Typedefs.Where(n => !KernelHeaderNames.ClashesAsLocal(n)).Select(n => "kernel typedef " + n),
            .. kernel.Identifiers.Where(n => !KernelHeaderNames.ClashesAsGlobal(n)).Select(n => "kernel identifier " + n),
            .. kernel.Tags.Where(n => !KernelHeaderNames.ClashesAsTag(n)).Select(n => "kernel tag " + n),
            .. userland.ObjectMacros.Where(n => !UserlandNamespace.IsObjectMacro(n)).Select(n => "userland macro " + n),
            .. userland.AllIdentifiers.Where(n => !UserlandNamespace.Clashes(n)).Select(n => "userland identifier " + n),
            .. userland.Tags.Where(n => !UserlandNamespace.ClashesAsTag(n)).Select(n => "userland tag " + n),
        ];

        Assert.True(kernel.Identifiers.Count > 1000 && userland.Identifiers.Count > 500, $"{kernel.Identifiers.Count} kernel and {userland.Identifiers.Count} userland identifiers read");
        Assert.True(missing.Length == 0, $"{missing.Length} names are not in the checked-in lists ({string.Join(", ", missing.Take(20))}); regenerate them: {HeaderNameLists.RegenerateCommand}");
    }

    [Fact]
    public void A_list_finds_its_names_and_no_others()
    {
        NameList macros = NameList.Read("KernelObjectMacros.txt");

        Assert.True(macros.Contains("curthread"));
        Assert.True(macros.Contains("cap_held"));
        Assert.False(macros.Contains("cap_hel"));
        Assert.False(macros.Contains("cap_held_"));
        Assert.False(macros.Contains(""));
    }

    [Fact]
    public void Every_list_loads_in_a_few_milliseconds_without_a_string_per_name()
    {
        _ = NameList.Read(Lists[0]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int names = Lists.Sum(list => NameList.Read(list).Count);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The best of five rounds: tests of other classes run beside this one on the same cores.
        TimeSpan best = TimeSpan.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            _ = Lists.Sum(list => NameList.Read(list).Count);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        output.WriteLine($"{names} names in {Lists.Length} lists: {best.TotalMilliseconds:F2} ms, {allocated / 1024} KiB");
        Assert.True(names > 15000, $"{names} names");
        // The line indexes take under 30 bytes a name; a string per name alone would take more than that (a header and UTF-16).
        Assert.True(allocated < (long)names * 30 + ListTextBytes(), $"{allocated} bytes allocated for {names} names");
        Assert.True(best < TimeSpan.FromMilliseconds(100), $"{best.TotalMilliseconds} ms");
    }

    // The lists' bytes, each read once, and a little for their line indexes.
    private static long ListTextBytes() =>
        Lists.Sum(list => new FileInfo(Path.Combine(Support.Repository.Root, "compiler", "KmodSharp.Compiler", "Pipeline", "CTarget", "Names", list)).Length + 8192);
}
