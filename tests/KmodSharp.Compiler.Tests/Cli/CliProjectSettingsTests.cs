using System;
using System.Collections.Immutable;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using KmodSharp.Cli;
using KmodSharp.Compiler.Pipeline.Frontend;
using Xunit;
using static KmodSharp.Compiler.Tests.Cli.CliRun;

namespace KmodSharp.Compiler.Tests.Cli;

/// <summary>
/// A project's KmodSharp properties configure the CLI as they configure <c>dotnet build</c>: read
/// from the .csproj given (or the one in the folder given) the way MSBuild evaluates them, and
/// overridden by explicit options.
/// </summary>
public sealed class CliProjectSettingsTests : IDisposable
{
    private readonly string temp = NewTemp();

    public void Dispose() => Delete(temp);

    private string BigProject(string properties, string name = "big") =>
        Folder(temp, name, ("Big.cs", TwoKilobyteHandler), ("Big.csproj", Project(properties)));

    [Fact]
    public void The_stack_budget_of_the_project_reaches_check_on_the_project_and_on_its_folder()
    {
        string project = BigProject("<KmodSharpStackBudget>4096</KmodSharpStackBudget>");

        (int exit, string stdout, _) = Run("check", Path.Combine(project, "Big.csproj"));
        Assert.True(exit == ExitCodes.Success, stdout);
        (exit, stdout, _) = Run("check", project);
        Assert.True(exit == ExitCodes.Success, stdout);
    }

    [Fact]
    public void Without_the_property_the_default_budget_applies()
    {
        string project = BigProject("");

        (int exit, string stdout, _) = Run("check", Path.Combine(project, "Big.csproj"));

        Assert.Equal(ExitCodes.Diagnostics, exit);
        Assert.Contains("error KMS0102", stdout);
        Assert.Contains("over the budget of 1024 bytes", stdout);
    }

    [Fact]
    public void A_conditioned_property_is_evaluated_by_MSBuild()
    {
        string budget = """<KmodSharpStackBudget Condition="'$(TargetFramework)' == 'net10.0'">4096</KmodSharpStackBudget>""";
        string project = BigProject(budget);

        Assert.False(ProjectProperties.TryReadStatically(Path.Combine(project, "Big.csproj"), out _));
        (int exit, string stdout, string stderr) = Run("check", project);
        Assert.True(exit == ExitCodes.Success, stdout + stderr);

        string other = BigProject(budget.Replace("net10.0", "net9.0", StringComparison.Ordinal), "other");
        Assert.Equal(ExitCodes.Diagnostics, Run("check", other).Exit);
    }

    [Fact]
    public void A_property_from_Directory_Build_props_is_evaluated_by_MSBuild()
    {
        string root = Directory.CreateDirectory(Path.Combine(temp, "repo")).FullName;
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <KmodSharpStackBudget>4096</KmodSharpStackBudget>
              </PropertyGroup>
            </Project>
            """);
        string project = Folder(root, "big", ("Big.cs", TwoKilobyteHandler), ("Big.csproj", Project()));

        Assert.False(ProjectProperties.TryReadStatically(Path.Combine(project, "Big.csproj"), out _));
        (int exit, string stdout, string stderr) = Run("check", project);
        Assert.True(exit == ExitCodes.Success, stdout + stderr);
    }

    [Fact]
    public void Line_directives_follow_the_project_unless_the_option_turns_them_off()
    {
        string on = Folder(temp, "on", ("A.cs", Module("alpha")), ("A.csproj", Project()));
        string off = Folder(temp, "off", ("A.cs", Module("alpha")), ("A.csproj", Project("<KmodSharpLineDirectives>false</KmodSharpLineDirectives>")));

        Assert.Contains("#line ", Build(on));
        Assert.DoesNotContain("#line ", Build(off));
        Assert.DoesNotContain("#line ", Build(on, "--no-line-directives"));
        Assert.DoesNotContain("#line ", Build(Path.Combine(off, "A.csproj")));
    }

    [Fact]
    public void Line_directives_follow_a_builds_global_config()
    {
        string source = Path.Combine(Folder(temp, "src", ("A.cs", Module("alpha"))), "A.cs");
        string config = Path.Combine(temp, "build.globalconfig");
        File.WriteAllText(config, "is_global = true\nbuild_property.KmodSharpLineDirectives = false\n");

        Assert.DoesNotContain("#line ", Build(source, "--analyzer-config", config));
        Assert.Contains("#line ", Build(source));
    }

    [Fact]
    public void The_FreeBSD_version_of_the_project_reaches_package_unless_the_option_gives_one()
    {
        string project = Folder(temp, "p", ("A.cs", Module("alpha")), ("A.csproj", Project("<KmodSharpFreeBSDVersion>1403000</KmodSharpFreeBSDVersion>")));

        Assert.Contains("\"FreeBSD_version\": \"1403000\"", PackageManifest(project));
        Assert.Contains("\"FreeBSD_version\": \"1302000\"", PackageManifest(project, "--freebsd-version", "1302000"));
        File.WriteAllText(Path.Combine(project, "A.csproj"), Project());
        Assert.Contains("\"FreeBSD_version\": \"1501502\"", PackageManifest(project));
    }

    [Fact]
    public void A_folder_with_several_projects_is_ambiguous()
    {
        string folder = Folder(temp, "two", ("A.cs", Module("alpha")), ("A.csproj", Project()), ("B.csproj", Project()));

        (int exit, _, string stderr) = Run("check", folder);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal($"kmodsharp: '{folder}' holds several projects (A.csproj, B.csproj): pass the one to compile\n", stderr);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("<KmodSharpStackBudget>4096</KmodSharpStackBudget>", "KmodSharpStackBudget=4096")]
    [InlineData("<KmodSharpStackBudget>2048</KmodSharpStackBudget><kmodsharpstackbudget> 4096 </kmodsharpstackbudget><KmodSharpLineDirectives>false</KmodSharpLineDirectives>",
        "KmodSharpLineDirectives=false;KmodSharpStackBudget=4096")]
    [InlineData("<KmodSharpFreeBSDVersion></KmodSharpFreeBSDVersion>", "")]
    public void Plain_values_in_the_project_are_read_without_MSBuild_and_agree_with_it(string properties, string expected)
    {
        string project = Path.Combine(Folder(temp, "p", ("p.csproj", Project(properties))), "p.csproj");

        Assert.True(ProjectProperties.TryReadStatically(project, out ImmutableDictionary<string, string>? fast));
        Assert.Equal(expected, Text(fast!));
        Assert.Equal(expected, Text(ProjectProperties.Evaluate(project)));
    }

    [Theory]
    [InlineData("<KmodSharpStackBudget>$(Other)</KmodSharpStackBudget>")]
    [InlineData("<KmodSharpStackBudget Condition=\"true\">4096</KmodSharpStackBudget>")]
    [InlineData("</PropertyGroup><PropertyGroup Condition=\"true\"><KmodSharpStackBudget>4096</KmodSharpStackBudget>")]
    [InlineData("</PropertyGroup><Import Project=\"$(SomewhereElse)/x.props\" /><PropertyGroup>")]
    [InlineData("</PropertyGroup><Target Name=\"T\"><PropertyGroup><KmodSharpStackBudget>4096</KmodSharpStackBudget></PropertyGroup></Target><PropertyGroup>")]
    public void Anything_but_a_plain_value_is_left_to_MSBuild(string properties)
    {
        string project = Path.Combine(Folder(temp, "p", ("p.csproj", Project(properties))), "p.csproj");

        Assert.False(ProjectProperties.TryReadStatically(project, out _));
    }

    [Fact]
    public void Imported_files_are_read_too()
    {
        string folder = Folder(temp, "p",
            ("p.csproj", Project("</PropertyGroup><Import Project=\"$(MSBuildThisFileDirectory)common.props\" /><PropertyGroup>")),
            ("common.props", "<Project><PropertyGroup><Other>1</Other></PropertyGroup></Project>"));
        string project = Path.Combine(folder, "p.csproj");

        Assert.True(ProjectProperties.TryReadStatically(project, out _));
        File.WriteAllText(Path.Combine(folder, "common.props"), "<Project><PropertyGroup><KmodSharpStackBudget>4096</KmodSharpStackBudget></PropertyGroup></Project>");
        Assert.False(ProjectProperties.TryReadStatically(project, out _));
        Assert.Equal("KmodSharpStackBudget=4096", Text(ProjectProperties.Read(project)));
    }

    [Fact]
    public void The_parent_Directory_Build_props_a_props_file_imports_is_read_too()
    {
        string root = Directory.CreateDirectory(Path.Combine(temp, "repo")).FullName;
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project><PropertyGroup><KmodSharpStackBudget>4096</KmodSharpStackBudget></PropertyGroup></Project>");
        string inner = Folder(root, "inner", ("Directory.Build.props", """
            <Project>
              <Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />
            </Project>
            """));
        string project = Path.Combine(Folder(inner, "p", ("p.csproj", Project())), "p.csproj");

        Assert.False(ProjectProperties.TryReadStatically(project, out _));
        Assert.Equal("KmodSharpStackBudget=4096", Text(ProjectProperties.Read(project)));
    }

    private static string Text(ImmutableDictionary<string, string> properties) =>
        string.Join(';', properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private string Build(params string[] inputAndOptions)
    {
        string output = Path.Combine(temp, "out-" + Guid.NewGuid().ToString("N"));
        (int exit, string stdout, string stderr) = Run(["build", .. inputAndOptions, "-o", output]);
        Assert.True(exit == ExitCodes.Success, stdout + stderr);
        return File.ReadAllText(Path.Combine(output, "alpha", "alpha.c"));
    }

    private string PackageManifest(string project, params string[] options)
    {
        string output = Path.Combine(temp, "pkg-" + Guid.NewGuid().ToString("N"));
        (int exit, string stdout, string stderr) = Run(["package", project, "-o", output, .. options]);
        Assert.True(exit == ExitCodes.Success, stdout + stderr);
        using FileStream archive = File.OpenRead(Directory.EnumerateFiles(output, "*.pkg").Single());
        using var tar = new TarReader(archive);
        for (TarEntry? entry = tar.GetNextEntry(); entry is not null; entry = tar.GetNextEntry())
        {
            if (entry.Name == "+COMPACT_MANIFEST")
            {
                return new StreamReader(entry.DataStream!).ReadToEnd();
            }
        }

        throw new InvalidDataException("no +COMPACT_MANIFEST");
    }
}
