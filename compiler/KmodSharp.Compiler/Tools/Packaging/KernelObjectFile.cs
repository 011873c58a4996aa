using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace KmodSharp.Compiler.Tools.Packaging;

/// <summary>
/// A built <c>.ko</c> given to the package, checked to be what FreeBSD's kernel linker loads and
/// mapped from its <c>e_machine</c> to FreeBSD's <c>MACHINE_ARCH</c>, which the package ABI names.
/// </summary>
/// <remarks>
/// The checks follow sys/kern/link_elf_obj.c (amd64 loads <c>ET_REL</c> objects) and link_elf.c
/// (other machines load <c>ET_DYN</c>): class, byte order and version, type, machine. Two more tell a
/// FreeBSD kernel module from another ELF object of the same machine: the FreeBSD OS/ABI the
/// toolchain of a FreeBSD target writes (<c>ELFOSABI_FREEBSD</c>, where a Linux object has SYSV or
/// GNU), and the <c>set_modmetadata_set</c> section <c>DECLARE_MODULE</c> puts in every module
/// (sys/sys/module.h <c>MODULE_METADATA</c>), which the kernel linker reads to find its modules.
/// </remarks>
public sealed record KernelObjectFile(string Path, byte[] Contents, string MachineArch)
{
    private const byte ElfOsAbiFreeBsd = 9;
    private const ushort RelocatableType = 1;   // ET_REL
    private const ushort SharedObjectType = 3;  // ET_DYN
    private const string ModuleMetadataSection = "set_modmetadata_set";

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

        if (contents.Length < 52 || contents[0] != 0x7f || contents[1] != (byte)'E' || contents[2] != (byte)'L' || contents[3] != (byte)'F')
        {
            throw new PackagingException($"'{path}' is not an ELF kernel module (.ko)");
        }

        var elf = new ElfHeader(contents);
        (string arch, bool is64, ushort type) = elf.Machine switch
        {
            62 => ("amd64", true, RelocatableType),
            183 => ("aarch64", true, SharedObjectType),
            3 => ("i386", false, SharedObjectType),
            40 => ("armv7", false, SharedObjectType),
            243 => ("riscv64", true, SharedObjectType),
            _ => throw new PackagingException($"'{path}': unsupported ELF machine {elf.Machine}"),
        };
        if (elf.Is64 != is64 || !elf.LittleEndian || contents[6] != 1)
        {
            throw new PackagingException($"'{path}' is not a {arch} kernel module: its ELF class, byte order or version does not match the machine");
        }

        if (contents[7] != ElfOsAbiFreeBsd)
        {
            throw new PackagingException($"'{path}' is not a FreeBSD kernel module: its ELF OS/ABI is {contents[7]}, not FreeBSD ({ElfOsAbiFreeBsd}); build it on FreeBSD with make (bsd.kmod.mk)");
        }

        if (elf.Type != type)
        {
            throw new PackagingException($"'{path}' is not a {arch} kernel module: its ELF type is {elf.Type}, and the {arch} kernel linker loads type {type} ({(type == RelocatableType ? "ET_REL" : "ET_DYN")})");
        }

        if (!elf.HasSection(ModuleMetadataSection))
        {
            throw new PackagingException($"'{path}' is not a kernel module: it has no {ModuleMetadataSection} section (DECLARE_MODULE)");
        }

        return new KernelObjectFile(path, contents, arch);
    }

    /// <summary>The fields of an ELF header and section table the checks read; any offset out of the file reads as absent.</summary>
    private readonly struct ElfHeader(byte[] bytes)
    {
        public bool Is64 => bytes[4] == 2;

        public bool LittleEndian => bytes[5] == 1;

        public ushort Type => Half(16);

        public ushort Machine => Half(18);

        public bool HasSection(string name)
        {
            long table = Is64 ? Word(0x28) : Word32(0x20);
            int entrySize = Half(Is64 ? 0x3A : 0x2E);
            int count = Half(Is64 ? 0x3C : 0x30);
            int namesIndex = Half(Is64 ? 0x3E : 0x32);
            if (table <= 0 || entrySize == 0 || namesIndex >= count || table + ((long)count * entrySize) > bytes.Length)
            {
                return false;
            }

            long names = SectionOffset(table + ((long)namesIndex * entrySize));
            byte[] wanted = Encoding.ASCII.GetBytes(name + "\0");
            for (int i = 0; i < count; i++)
            {
                long at = names + Word32(checked((int)(table + ((long)i * entrySize))));
                if (at >= 0 && at + wanted.Length <= bytes.Length && bytes.AsSpan((int)at, wanted.Length).SequenceEqual(wanted))
                {
                    return true;
                }
            }

            return false;
        }

        private long SectionOffset(long header) => Is64 ? Word((int)header + 0x18) : Word32((int)header + 0x10);

        private ushort Half(int at) => at + 2 <= bytes.Length ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at)) : (ushort)0;

        private long Word32(int at) => at + 4 <= bytes.Length ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) : -1;

        private long Word(int at) => at + 8 <= bytes.Length ? (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at)), long.MaxValue) : -1;
    }
}

/// <summary>A package cannot be made from the given input; the CLI reports it as bad input (exit 2).</summary>
public sealed class PackagingException(string message) : Exception(message);
