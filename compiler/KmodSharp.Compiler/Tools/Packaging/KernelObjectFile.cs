using System;
using System.Buffers.Binary;
using System.IO;

namespace KmodSharp.Compiler.Tools.Packaging;

/// <summary>
/// A built <c>.ko</c> given to the package: checked to be an ELF object and mapped
/// from its <c>e_machine</c> to FreeBSD's <c>MACHINE_ARCH</c>, which the package ABI names.
/// </summary>
public sealed record KernelObjectFile(string Path, byte[] Contents, string MachineArch)
{
    public static KernelObjectFile Read(string path)
    {
        byte[] contents;
        try
        {
            contents = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackagingException($"cannot read the kernel module '{path}': {e.Message}");
        }

        if (contents.Length < 20 || contents[0] != 0x7f || contents[1] != (byte)'E' || contents[2] != (byte)'L' || contents[3] != (byte)'F')
        {
            throw new PackagingException($"'{path}' is not an ELF kernel module (.ko)");
        }

        bool littleEndian = contents[5] == 1;
        ushort machine = littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(contents.AsSpan(18)) : BinaryPrimitives.ReadUInt16BigEndian(contents.AsSpan(18));
        string arch = machine switch
        {
            62 => "amd64",
            183 => "aarch64",
            3 => "i386",
            40 => "armv7",
            243 => "riscv64",
            _ => throw new PackagingException($"'{path}': unsupported ELF machine {machine}"),
        };
        return new KernelObjectFile(path, contents, arch);
    }
}

/// <summary>A package cannot be made from the given input; the CLI reports it as bad input (exit 2).</summary>
public sealed class PackagingException(string message) : Exception(message);
