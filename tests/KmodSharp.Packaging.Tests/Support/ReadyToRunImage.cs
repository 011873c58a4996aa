using System.IO;
using System.Reflection.PortableExecutable;

namespace KmodSharp.Packaging.Tests.Support;

/// <summary>
/// What an assembly carries besides IL: a ReadyToRun image has a managed native header, and its
/// COFF machine is the target's XORed with an OS mark (crossgen2's convention), so a linux-x64
/// image is told apart from an osx-arm64 one by the file alone.
/// </summary>
internal static class ReadyToRunImage
{
    private const ushort Linux = 0x7B79;
    private const ushort Apple = 0x4644;

    /// <summary>The RID the native code is for (<c>linux-x64</c>, …), or null for an IL-only assembly.</summary>
    public static string? TargetOf(string path)
    {
        using var reader = new PEReader(File.OpenRead(path));
        PEHeaders headers = reader.PEHeaders;
        if (headers.CorHeader is not { ManagedNativeHeaderDirectory.Size: > 0 })
        {
            return null;
        }

        var machine = (ushort)headers.CoffHeader.Machine;
        return machine switch
        {
            (ushort)Machine.Amd64 => "win-x64",
            (ushort)Machine.Arm64 => "win-arm64",
            _ when (ushort)(machine ^ Linux) == (ushort)Machine.Amd64 => "linux-x64",
            _ when (ushort)(machine ^ Linux) == (ushort)Machine.Arm64 => "linux-arm64",
            _ when (ushort)(machine ^ Apple) == (ushort)Machine.Amd64 => "osx-x64",
            _ when (ushort)(machine ^ Apple) == (ushort)Machine.Arm64 => "osx-arm64",
            _ => $"machine 0x{machine:x4}",
        };
    }
}
