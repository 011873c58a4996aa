using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using KmodSharp.Analyzers;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// The KmodSharp MSBuild properties (<see cref="KmodSharpSettings.PropertyNames"/>) of a project,
/// as MSBuild evaluates them, for the CLI given a <c>.csproj</c> or its folder.
/// </summary>
/// <remarks>
/// Evaluating a project is a <c>dotnet msbuild -getProperty</c> process (about 0.4 s). Most
/// projects need none: when the project, its <c>Directory.Build.props</c>/<c>.targets</c>,
/// <c>Directory.Packages.props</c>, <c>.csproj.user</c> and every file they import name no
/// KmodSharp property, or name one only in the project itself as a plain unconditioned value (as
/// <c>dotnet new kmod</c> writes them), the values are read from the XML. Anything else (a
/// condition, an expression, an import whose path needs evaluating, a custom SDK, an environment
/// variable of the same name) is left to MSBuild. Properties set by NuGet packages' own props and
/// targets are not looked for on the fast path.
/// </remarks>
public static partial class ProjectProperties
{
    /// <summary>The project's non-empty KmodSharp properties.</summary>
    public static ImmutableDictionary<string, string> Read(string projectFile) =>
        TryReadStatically(projectFile, out ImmutableDictionary<string, string>? properties) ? properties! : Evaluate(projectFile);

    /// <summary>The fast path: true when the XML alone gives the evaluated values.</summary>
    internal static bool TryReadStatically(string projectFile, out ImmutableDictionary<string, string>? properties)
    {
        properties = null;
        if (SetInEnvironment())
        {
            return false;
        }

        string projectDirectory = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var files = new List<string> { Path.GetFullPath(projectFile) };
        foreach (string name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            if (FileAbove(name, projectDirectory) is { } found)
            {
                files.Add(found);
            }
        }

        if (File.Exists(projectFile + ".user"))
        {
            files.Add(Path.GetFullPath(projectFile + ".user"));
        }

        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(files);
        while (pending.Count > 0)
        {
            string file = pending.Dequeue();
            if (!visited.Add(file))
            {
                continue;
            }

            XDocument document;
            try
            {
                document = XDocument.Load(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
            {
                return false; // MSBuild reports it
            }

            bool isProject = file == files[0];
            foreach (XElement element in document.Descendants())
            {
                if (!IsKnownSdk(element.Attribute("Sdk")?.Value) || (element.Name.LocalName == "Sdk" && !IsKnownSdk(element.Attribute("Name")?.Value)))
                {
                    return false;
                }

                if (element.Name.LocalName.Equals("Import", StringComparison.OrdinalIgnoreCase))
                {
                    if (element.Attribute("Sdk") is not null)
                    {
                        continue;
                    }

                    if (ImportedFile(element.Attribute("Project")?.Value ?? "", Path.GetDirectoryName(file)!, projectDirectory, out string? imported) is false)
                    {
                        return false;
                    }

                    if (imported is not null)
                    {
                        pending.Enqueue(imported);
                    }

                    continue;
                }

                if (PropertyName(element.Name.LocalName) is not { } property)
                {
                    continue;
                }

                if (!isProject || !IsPlainAssignment(element))
                {
                    return false;
                }

                values[property] = element.Value.Trim();
            }
        }

        properties = values.Where(p => p.Value.Length > 0).ToImmutableDictionary(StringComparer.Ordinal);
        return true;
    }

    /// <summary>The slow path: <c>dotnet msbuild PROJECT -getProperty:…</c>.</summary>
    internal static ImmutableDictionary<string, string> Evaluate(string projectFile)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(projectFile))!,
        };
        start.ArgumentList.Add("msbuild");
        start.ArgumentList.Add(Path.GetFullPath(projectFile));
        start.ArgumentList.Add("-nologo");
        foreach (string name in KmodSharpSettings.PropertyNames)
        {
            start.ArgumentList.Add("-getProperty:" + name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        string output;
        string error;
        int exitCode;
        try
        {
            using Process process = Process.Start(start)!;
            System.Threading.Tasks.Task<string> errorText = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            error = errorText.Result;
            exitCode = process.ExitCode;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InputException($"cannot evaluate '{projectFile}' for its KmodSharp properties: cannot run '{start.FileName} msbuild': {e.Message}");
        }

        int json = output.IndexOf('{', StringComparison.Ordinal);
        if (exitCode != 0 || json < 0)
        {
            string reason = (output + "\n" + error).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                ?? $"dotnet msbuild exited with code {exitCode}";
            throw new InputException($"cannot evaluate '{projectFile}' for its KmodSharp properties: {reason}");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(output[json..]);
            return document.RootElement.GetProperty("Properties").EnumerateObject()
                .Where(p => p.Value.GetString() is { Length: > 0 })
                .ToImmutableDictionary(p => p.Name, p => p.Value.GetString()!.Trim(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InputException($"cannot evaluate '{projectFile}' for its KmodSharp properties: unexpected output of dotnet msbuild ({e.Message})");
        }
    }

    // MSBuild property names are case-insensitive.
    private static string? PropertyName(string elementName) =>
        KmodSharpSettings.PropertyNames.FirstOrDefault(p => p.Equals(elementName, StringComparison.OrdinalIgnoreCase));

    // Every environment variable is an MSBuild property: one of ours set there wins where the project sets none.
    private static bool SetInEnvironment() =>
        Environment.GetEnvironmentVariables().Keys.Cast<object>().Any(key => PropertyName(key.ToString() ?? "") is not null);

    // Only the .NET SDKs, which set no KmodSharp property; null is "no Sdk attribute".
    private static bool IsKnownSdk(string? sdk) =>
        sdk is null || sdk.Split(';').All(s => s.Trim().Split('/')[0].Trim().StartsWith("Microsoft.NET.Sdk", StringComparison.OrdinalIgnoreCase));

    // <Project><PropertyGroup><KmodSharpX>literal</KmodSharpX></PropertyGroup></Project>, no condition anywhere.
    private static bool IsPlainAssignment(XElement element) =>
        element.Parent is { } group
        && group.Name.LocalName == "PropertyGroup"
        && group.Parent is { } project && project.Name.LocalName == "Project" && project.Parent is null
        && group.Attribute("Condition") is null
        && element.Attribute("Condition") is null
        && !element.HasElements
        && element.Value.IndexOfAny(['$', '@', '%']) < 0;

    /// <summary>
    /// The file an <c>Import</c> names: true with the path (null when it does not exist, so there
    /// is nothing to read), false when the path needs MSBuild to evaluate it.
    /// </summary>
    private static bool ImportedFile(string project, string thisFileDirectory, string projectDirectory, out string? path)
    {
        path = null;
        string thisDirectory = thisFileDirectory + Path.DirectorySeparatorChar;
        string text = project.Trim();
        Match above = PathOfFileAbove().Match(text);
        if (above.Success)
        {
            string start = above.Groups["start"].Success ? Substitute(above.Groups["start"].Value, thisDirectory, projectDirectory) : thisDirectory;
            if (start.Contains("$(", StringComparison.Ordinal))
            {
                return false;
            }

            path = FileAbove(above.Groups["name"].Value, Path.GetFullPath(start, thisFileDirectory));
            return true;
        }

        text = Substitute(text, thisDirectory, projectDirectory);
        if (text.Length == 0 || text.IndexOfAny(['$', '@', '%', '*', '?', ';']) >= 0)
        {
            return false;
        }

        string full = Path.GetFullPath(text, thisFileDirectory);
        path = File.Exists(full) ? full : null;
        return true;
    }

    private static string Substitute(string text, string thisDirectory, string projectDirectory) => text
        .Replace("$(MSBuildThisFileDirectory)", thisDirectory, StringComparison.OrdinalIgnoreCase)
        .Replace("$(MSBuildProjectDirectory)", projectDirectory, StringComparison.OrdinalIgnoreCase);

    // MSBuild's GetPathOfFileAbove: the file in the start folder or the nearest parent that has it.
    private static string? FileAbove(string name, string startDirectory)
    {
        for (string? directory = startDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // The dotnet that runs this tool: a build hands its own in DOTNET_HOST_PATH; else the host
    // beside the shared runtime this process runs on; else the one on PATH.
    private static string DotnetHost()
    {
        string executable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } processPath && Path.GetFileName(processPath).Equals(executable, StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }

        string besideRuntime = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", executable));
        return File.Exists(besideRuntime) ? besideRuntime : executable;
    }

    [GeneratedRegex(@"^\$\(\[MSBuild\]::GetPathOfFileAbove\(\s*'?(?<name>[^',()$]+?)'?\s*(,\s*'?(?<start>[^'()]*(\$\([A-Za-z]+\)[^'()]*)*)'?\s*)?\)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex PathOfFileAbove();
}
