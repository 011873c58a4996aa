using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Emit.Userland;

/// <summary>
/// Kernel types as a userland C program spells them: C's own names where the width is C's
/// (<c>int</c>), <c>&lt;stdint.h&gt;</c> names elsewhere, typed pointers for user addresses, and the
/// module's structs with the same layout checks the kernel file has.
/// </summary>
public static class UserlandTypes
{
    // The kernel's spelling but for u_int, which userland only has with <sys/types.h>'s BSD visibility.
    public static CType Map(KType type) => type switch
    {
        KInteger { Bits: 32, IsSigned: false, IsNative: false } => new CNamedType("unsigned int"),
        KEnum e => Map(e.Underlying),
        KUserPointer pointer => new CPointerType(Map(pointer.Pointee)),
        KCallingThread or KSpan => throw new InternalCompilerException($"no userland C type for {type}"),
        _ => CTypeMapper.Map(type),
    };

    /// <summary>True when a value of <paramref name="type"/> needs a full 64-bit register (so <c>__syscall(2)</c>).</summary>
    public static bool IsWide(KType type) => type switch
    {
        KInteger integer => integer.Bits == 64,
        KEnum e => e.Underlying.Bits == 64,
        _ => false,
    };

    /// <summary>The structs the module's syscalls pass by address, each after the structs its fields use.</summary>
    public static ImmutableArray<KStruct> Structs(ModuleModel module)
    {
        var ordered = new List<KStruct>();
        void Visit(KType type)
        {
            switch (type)
            {
                case KUserPointer pointer:
                    Visit(pointer.Pointee);
                    break;
                case KStruct structure when !ordered.Contains(structure):
                    foreach (KField field in structure.Fields)
                    {
                        Visit(field.Type);
                    }

                    ordered.Add(structure);
                    break;
            }
        }

        foreach (SyscallModel syscall in module.Syscalls)
        {
            foreach (SyscallParameter parameter in syscall.Arguments)
            {
                Visit(parameter.Type);
            }
        }

        return [.. ordered];
    }

    /// <summary>
    /// The struct as the kernel file defines it (same field names, explicit padding where the C#
    /// layout has gaps), then compile-time checks that this compiler lays it out as C# does — the
    /// kernel file checks the same numbers, so a program and the module cannot disagree.
    /// </summary>
    public static IEnumerable<CDecl> Definition(KStruct type) => StructLayout.Definition(type, Map, "offsetof");
}
