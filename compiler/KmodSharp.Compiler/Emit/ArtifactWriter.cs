using System;
using System.IO;

namespace KmodSharp.Compiler.Emit;

/// <summary>
/// Writes a module folder all at once: the files go to a fresh sibling folder that then replaces
/// <c>&lt;out&gt;/&lt;module&gt;</c>, so a failure never leaves a half-written module behind.
/// </summary>
public static class ArtifactWriter
{
    public static string Write(string outputDirectory, ModuleArtifacts module)
    {
        Directory.CreateDirectory(outputDirectory);
        string target = Path.Combine(outputDirectory, module.ModuleName);
        string staging = Path.Combine(outputDirectory, $".{module.ModuleName}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (Artifact file in module.Files)
            {
                File.WriteAllText(Path.Combine(staging, file.FileName), file.Text);
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(staging, target);
            return target;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
