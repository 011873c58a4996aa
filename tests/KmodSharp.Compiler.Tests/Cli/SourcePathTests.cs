using System;
using System.IO;
using System.Linq;
using KmodSharp.Cli;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Pipeline.Frontend;
using Xunit;
using static KmodSharp.Compiler.Tests.Cli.CliRun;

namespace KmodSharp.Compiler.Tests.Cli;

/// <summary>
/// How <c>#line</c> names the C# files (issue #19): relative to the module folder, so the output
/// does not depend on the checkout and <c>make</c> run there still finds the source, or through
/// <c>--pathmap</c> in csc's form.
/// </summary>
public sealed class SourcePathTests : IDisposable
{
    private readonly string temp = NewTemp();

    public void Dispose() => Delete(temp);

    [Theory]
    [InlineData("kmod")]
    [InlineData("bin/deeper/kmod")]
    [InlineData("../elsewhere/out")]
    public void Build_names_each_source_relative_to_the_module_folder_where_it_resolves(string output)
    {
        string project = Folder(temp, "Alpha Project", ("A.cs", Module("alpha")));
        string outputDirectory = Path.GetFullPath(Path.Combine(project, output));
        Assert.Equal(ExitCodes.Success, Run("build", project, "-o", outputDirectory).Exit);

        string module = Path.Combine(outputDirectory, "alpha");
        string[] named = SourcesNamed(Path.Combine(module, "alpha.c"));
        string name = Assert.Single(named);
        Assert.False(Path.IsPathRooted(name), name);
        Assert.Equal(Path.Combine(project, "A.cs"), Path.GetFullPath(Path.Combine(module, name)));
        Assert.DoesNotContain(temp, File.ReadAllText(Path.Combine(module, "alpha.c")));
    }

    [Fact]
    public void A_relative_file_named_by_a_CSharp_line_directive_is_the_one_beside_the_file_naming_it()
    {
        string project = Folder(temp, "Proj", ("A.cs", Module("alpha").Replace("[Syscall(", "#line 40 \"gen/Original.cs\"\n    [Syscall(", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.Success, Run("build", project, "-o", Path.Combine(temp, "out")).Exit);

        string module = Path.Combine(temp, "out", "alpha");
        string name = Assert.Single(SourcesNamed(Path.Combine(module, "alpha.c")));
        Assert.Equal(Path.Combine(project, "gen", "Original.cs"), Path.GetFullPath(Path.Combine(module, name)));
    }

    [Fact]
    public void Pathmap_rewrites_the_longest_matching_prefix_whatever_the_order_given()
    {
        string project = Folder(temp, "Proj", ("A.cs", Calling));
        Folder(project, "Sub", ("B.cs", Helper));

        // Both forms at once: repeated, and csc's comma-separated pairs.
        Assert.Equal(ExitCodes.Success, Run("build", project, "-o", Path.Combine(temp, "out"), "--pathmap", $"{project}=/src", "--pathmap", $"/nowhere=/x,{Path.Combine(project, "Sub")}=/sub").Exit);

        Assert.Equal(["/src/A.cs", "/sub/B.cs"], SourcesNamed(Path.Combine(temp, "out", "alpha", "alpha.c")));
    }

    [Fact]
    public void Pathmap_reads_csc_s_doubled_separators_and_ends_both_sides_with_a_separator()
    {
        var map = new SourcePathMap("/out", SourcePathMap.ParseMappings(["/a,,b==c=/mapped", "/a,,b==c/deep=/deeper/"]));

        Assert.Equal("/mapped/x.cs", map.Name("/a,b=c/x.cs", "m"));
        Assert.Equal("/deeper/y.cs", map.Name("/a,b=c/deep/y.cs", "m"));
        Assert.Equal("../../a,b=cx/z.cs", map.Name("/a,b=cx/z.cs", "m"));
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("=/new")]
    [InlineData("/old=")]
    [InlineData("/a=/b=/c")]
    public void A_pathmap_that_is_not_OLD_equals_NEW_is_a_usage_error_and_writes_nothing(string value)
    {
        Assert.Throws<InputException>(() => SourcePathMap.ParseMappings([value]));

        string project = Folder(temp, "Proj", ("A.cs", Module("alpha")));
        (int exit, _, string stderr) = Run("build", project, "-o", Path.Combine(temp, "out"), "--pathmap", value);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("kmodsharp: --pathmap", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(temp, "out")));
    }

    private const string Calling = """
        using KmodSharp;

        [KernelModule("alpha")]
        public static class Alpha
        {
            [Syscall(Name = "alpha_double")]
            public static int Double(int value) => Helpers.Twice(value);
        }
        """;

    private const string Helper = """
        using KmodSharp;

        [KernelHelper]
        public static class Helpers
        {
            public static int Twice(int value) => value * 2;
        }
        """;

    // The C# files a generated C file's #line directives name (the C file's own name left out).
    private static string[] SourcesNamed(string cFile) =>
        [.. File.ReadAllLines(cFile)
            .Where(line => line.StartsWith("#line ", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf('"', StringComparison.Ordinal) + 1)..line.LastIndexOf('"')])
            .Where(name => name.EndsWith(".cs", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)];
}
