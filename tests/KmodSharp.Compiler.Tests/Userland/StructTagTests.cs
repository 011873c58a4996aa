using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Userland;

/// <summary>
/// Struct tags after snake_case: FooBar, Foo_Bar, fooBar and Nested.FooBar would all be
/// <c>struct foo_bar</c>, Stat userland's <c>struct stat</c>, TagsMixArgs and TagsMode the tags the
/// backend gives an argument struct and an enum (Modules/Naming/StructTagCollisions.cs).
/// Each keeps a tag of its own, the same in the kernel file, the userland header and the syzkaller
/// description; a program that includes &lt;sys/stat.h&gt; and the header passes the structs to the
/// module in the harness and reads the result back.
/// </summary>
public sealed class StructTagTests
{
    private static readonly string Source = File.ReadAllText(Path.Combine(Repository.Root, "tests", "KmodSharp.Differential", "Modules", "Naming", "StructTagCollisions.cs"));

    [Fact]
    public void Structs_whose_names_meet_in_snake_case_get_one_tag_each_in_every_file()
    {
        ModuleArtifacts module = TestCompiler.Module(Source, "StructTagCollisions.cs");
        string[] kernel = Definitions(module.CSource(), @"^struct (\w+) \{");
        string[] header = Definitions(module["tags.h"].Text, @"^struct (\w+) \{");
        string[] syzkaller = Definitions(module["tags.syz.txt"].Text, @"^(tags_\w+) \{");

        // Eight user structs and one argument struct per syscall, each with a tag of its own; the enum's
        // tag is none of them either.
        string[] arguments = [.. module.Model.Syscalls.Select(s => CNames.ArgsStruct(module.Model, s))];
        string[] user = [.. kernel.Except(arguments)];
        Assert.Equal(8, user.Length);
        Assert.Equal(kernel.Length, kernel.Distinct().Count());
        Assert.Equal(user.Length + arguments.Length, kernel.Length);
        Assert.Equal(4, user.Count(t => t.StartsWith("foo_bar", System.StringComparison.Ordinal)));
        Assert.Contains("stat_", user);
        Assert.Contains("tags_mix_args", user);
        Assert.Contains("tags_mode", user);
        string enumTag = Assert.Single(Definitions(module.CSource(), @"^enum (\w+) \{"));
        Assert.DoesNotContain(enumTag, kernel);

        // The userland header defines the structs the syscalls pass (FooBar, Holder and its fooBar, Foo_Bar) by the kernel's tags.
        Assert.Equal(4, header.Length);
        Assert.Subset(user.ToHashSet(), header.ToHashSet());
        Assert.Equal(header.Select(t => CNames.ModulePrefixed("tags", t)).Order(), syzkaller.Order());
    }

    [Fact]
    public void A_program_with_sys_stat_h_and_the_header_passes_every_struct_to_the_module()
    {
        ModuleArtifacts module = TestCompiler.Module(Source, "StructTagCollisions.cs");
        SyscallModel mix = module.Model.Syscalls.Single(s => s.Name == "mix");
        string[] tags = [.. mix.Arguments.Select(a => CNames.StructTag((KStruct)((KUserPointer)a.Type).Pointee))];
        string function = CNames.UserFunctions(module.Model)[module.Model.Syscalls.IndexOf(mix)];
        BuiltModule built = UserlandHarness.Instance.Build(module);
        string main = Path.Combine(built.Directory, "tags_main.c");
        File.WriteAllText(main, $$"""
            #include <sys/stat.h>

            #include "{{Path.Combine(Repository.Root, "tests", "KmodSharp.Compiler.Tests", "Userland", "Drivers", "driver.h")}}"
            #include "tags.h"

            int
            main(int argc, char **argv)
            {
            	struct stat st;
            	struct {{tags[0]}} first = { .left = 6, .right = 7 };
            	struct {{tags[1]}} holder = { .pair = { .left = 1 }, .halves = { .low = 2, .high = 3 } };
            	struct {{tags[2]}} result;

            	(void)argc;
            	CHECK(stat(".", &st) == 0);
            	driver_load(argv[1]);
            	CHECK({{function}}(&first, &holder, &result) == 0);
            	CHECK(result.wide == 6 * 7 + 1 - 3 && result.count == 2);
            	return (driver_done());
            }
            """);

        ProcessOutcome run = ProcessRunner.Run(UserlandHarness.Instance.Program(built, main, "tags_main"), [built.SharedObject]);

        Assert.Equal(3, tags.Distinct().Count());
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("all checks passed", run.Stdout);
    }

    private static string[] Definitions(string text, string pattern) =>
        [.. Regex.Matches(text, pattern, RegexOptions.Multiline).Select(m => m.Groups[1].Value)];
}
