using System.Collections.Generic;

namespace KmodSharp.Headers.Reading;

/// <summary>Turns <see cref="HeaderReadOptions"/> into a clang command line.</summary>
internal static class ClangArguments
{
    internal static List<string> Build(HeaderReadOptions options)
    {
        // Headers are read as C: clang would otherwise take a .h file for a precompiled header.
        List<string> arguments = ["-x", "c"];
        if (options.TargetTriple is { } triple)
        {
            arguments.Add("--target=" + triple);
        }

        if (options.NoStandardIncludes)
        {
            arguments.Add("-nostdinc");
        }

        if (options.Freestanding)
        {
            arguments.Add("-ffreestanding");
        }

        foreach (string define in options.Defines)
        {
            arguments.Add("-D" + define);
        }

        foreach (string directory in options.IncludeDirectories)
        {
            arguments.Add("-I" + directory);
        }

        foreach (string directory in options.SystemIncludeDirectories)
        {
            arguments.Add("-isystem");
            arguments.Add(directory);
        }

        foreach (string file in options.ForcedIncludes)
        {
            arguments.Add("-include");
            arguments.Add(file);
        }

        arguments.AddRange(options.AdditionalArguments);
        return arguments;
    }
}
