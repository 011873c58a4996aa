using System.IO;
using System.Linq;
using KmodSharp.Headers.Model;
using Xunit;

namespace KmodSharp.Headers.Tests;

public class TargetAndIncludeTests
{
    private const string SizesHeader = """
        struct sizes { char c; long l; void *p; long long ll; };
        typedef unsigned long u_long;
        """;

    [Fact]
    public void FreeBsdTriples_ChangeLongAndPointerSizes()
    {
        HeaderReadResult amd64 = TestHeaders.Read(SizesHeader);
        HeaderReadResult i386 = TestHeaders.Read(SizesHeader, o => o with { TargetTriple = TestHeaders.FreeBsdI386 });

        Assert.Equal(8, amd64.FindTypedef("u_long")!.UnderlyingType.Size);
        Assert.Equal(4, i386.FindTypedef("u_long")!.UnderlyingType.Size);

        HeaderStructLayout wide = amd64.FindLayout("sizes")!;
        HeaderStructLayout narrow = i386.FindLayout("sizes")!;
        Assert.Equal([("c", 0L), ("l", 8L), ("p", 16L), ("ll", 24L)], wide.Fields.Select(f => (f.Name, f.OffsetBytes)));
        Assert.Equal(32, wide.Size);

        // i386 aligns long long to 4 inside structs (and long and pointers are 4 bytes).
        Assert.Equal([("c", 0L), ("l", 4L), ("p", 8L), ("ll", 12L)], narrow.Fields.Select(f => (f.Name, f.OffsetBytes)));
        Assert.Equal(20, narrow.Size);
        Assert.Equal(4, narrow.Alignment);
    }

    [Fact]
    public void FreeBsdTarget_DefinesTheFreeBsdMacros()
    {
        const string source = "#ifdef __FreeBSD__\n#define VERSION __FreeBSD__\n#endif\n";

        Assert.Equal(15, TestHeaders.Read(source).FindMacro("VERSION")!.Value);
        Assert.Null(TestHeaders.Read(source, o => o with { TargetTriple = "x86_64-unknown-linux-gnu" }).FindMacro("VERSION"));
    }

    [Fact]
    public void NoStdInc_WithIsystem_FindsOnlyTheGivenSystemHeaders()
    {
        using TempDirectory directory = new();
        string system = Path.Combine(directory.Path, "sys-include");
        directory.Write("sys-include/sys/types.h", "typedef unsigned int u_int;\nstruct timespec { long tv_sec; long tv_nsec; };\n");
        HeaderReadOptions options = new()
        {
            FilePath = directory.Write("module.h", "#include <sys/types.h>\n#include <stdio.h>\nu_int count(struct timespec *ts);\n"),
            TargetTriple = TestHeaders.FreeBsdAmd64,
            NoStandardIncludes = true,
            SystemIncludeDirectories = [system],
        };

        HeaderReadResult result = HeaderReader.Read(options);

        // stdio.h exists on the host but -nostdinc keeps it out.
        HeaderDiagnostic missing = Assert.Single(result.Diagnostics);
        Assert.Equal("'stdio.h' file not found", missing.Message);
        Assert.Equal("u_int", result.FindFunction("count")!.ReturnType.Spelling);
        Assert.Empty(result.Typedefs);

        // System headers are left out of NonSystemFiles and kept in AllFiles.
        Assert.Empty(HeaderReader.Read(options with { Scope = HeaderScope.NonSystemFiles }).Typedefs);
        HeaderReadResult all = HeaderReader.Read(options with { Scope = HeaderScope.AllFiles });
        Assert.Equal(Path.Combine(system, "sys/types.h"), all.FindTypedef("u_int")!.Location.File);
        Assert.Equal(16, all.FindLayout("timespec")!.Size);
    }

    [Fact]
    public void IncludeDirectoriesDefinesAndForcedIncludes_ArePassed()
    {
        using TempDirectory directory = new();
        directory.Write("inc/config.h", "typedef int config_t;\n");
        string forced = directory.Write("forced.h", "#define FORCED 1\ntypedef long forced_t;\n");
        HeaderReadOptions options = new()
        {
            FilePath = directory.Write("main.h", """
                #include "config.h"
                #if defined(_KERNEL) && FORCED && WIDTH == 3
                config_t kernel_only(forced_t value);
                #endif
                """),
            NoStandardIncludes = true,
            IncludeDirectories = [Path.Combine(directory.Path, "inc")],
            Defines = ["_KERNEL", "WIDTH=3"],
            ForcedIncludes = [forced],
            Scope = HeaderScope.NonSystemFiles,
        };

        HeaderReadResult result = HeaderReader.Read(options);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["config_t", "forced_t"], result.Typedefs.Select(t => t.Name).Order());
        Assert.NotNull(result.FindFunction("kernel_only"));
        Assert.Null(HeaderReader.Read(options with { Defines = ["WIDTH=3"] }).FindFunction("kernel_only"));
    }

    [Fact]
    public void InMemoryFiles_CanIncludeEachOther()
    {
        HeaderReadOptions options = new()
        {
            FilePath = "/memory/main.h",
            Contents = "#include <dep.h>\nstruct uses { dep_t d; char c; };\n#define DEP_TWICE (DEP_VALUE * 2)\n",
            InMemoryFiles = [new InMemoryFile("/memory/include/dep.h", "typedef long dep_t;\n#define DEP_VALUE 21\n")],
            IncludeDirectories = ["/memory/include"],
            NoStandardIncludes = true,
            TargetTriple = TestHeaders.FreeBsdAmd64,
        };

        HeaderReadResult result = HeaderReader.Read(options);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(16, result.FindLayout("uses")!.Size);
        Assert.Equal(42, result.FindMacro("DEP_TWICE")!.Value);
        Assert.Equal("/memory/main.h", result.FindRecord("uses")!.Location.File);
    }

    [Fact]
    public void PlainChar_FollowsTheTargetsSignedness()
    {
        HeaderReadResult amd64 = TestHeaders.Read("typedef char ch;");
        HeaderReadResult arm64 = TestHeaders.Read("typedef char ch;", o => o with { TargetTriple = "aarch64-unknown-freebsd15.0" });

        Assert.True(((HeaderBuiltinType)amd64.FindTypedef("ch")!.UnderlyingType).IsSigned);
        Assert.False(((HeaderBuiltinType)arm64.FindTypedef("ch")!.UnderlyingType).IsSigned);
    }
}
