using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KmodSharp.Compiler.Tests.Userland;

/// <summary>
/// The one layout computation (<see cref="StructLayouts"/>, read by the analyzers and, through the
/// binder, by the C, the userland header and syzlang) against a C compiler: the generated structs
/// are compiled (the kernel file with its own static checks, the userland header with a program)
/// and the program prints what C says of every <c>sizeof</c>, <c>_Alignof</c> and <c>offsetof</c>.
/// </summary>
public sealed class StructLayoutTests
{
    private const string Source = """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using KmodSharp;

        namespace Layouts;

        public enum Kind : byte { None, Some }

        public struct Mixed { public bool Flag; public char Letter; public byte Small; public long Wide; public short Half; }

        public struct Nested { public byte Tag; public Mixed Inner; public Kind Kind; public int Count; }

        [StructLayout(LayoutKind.Explicit)]
        public struct Offsets { [FieldOffset(0)] public int A; [FieldOffset(8)] public long B; [FieldOffset(20)] public short C; }

        [StructLayout(LayoutKind.Sequential, Size = 24)]
        public struct Sized { public int A; public byte B; }

        [StructLayout(LayoutKind.Explicit, Size = 32)]
        public struct OffsetsSized { [FieldOffset(4)] public uint A; [FieldOffset(16)] public byte B; }

        [StructLayout(LayoutKind.Sequential, Pack = 8)]
        public struct WidePack { public byte A; public int B; }

        [InlineArray(5)]
        public struct FiveShorts { private short element; }

        public unsafe struct Buffers { public byte Kind; public fixed int Values[3]; public bool Last; }

        public struct Holder { public FiveShorts Shorts; public byte After; public ulong Wide; public Buffers Buffers; }

        [KernelModule("layouts")]
        public static class LayoutModule
        {
            [Syscall] public static int TakeMixed(UserPtr<Mixed> p) => 0;
            [Syscall] public static int TakeNested(UserPtr<Nested> p) => 0;
            [Syscall] public static int TakeOffsets(UserPtr<Offsets> p) => 0;
            [Syscall] public static int TakeSized(UserPtr<Sized> p) => 0;
            [Syscall] public static int TakeOffsetsSized(UserPtr<OffsetsSized> p) => 0;
            [Syscall] public static int TakeWidePack(UserPtr<WidePack> p) => 0;
            [Syscall] public static int TakeHolder(UserPtr<Holder> p) => 0;
        }
        """;

    [Fact]
    public void C_lays_out_every_generated_struct_where_the_one_computation_says()
    {
        ModuleArtifacts module = TestCompiler.Module(Source);
        List<KStruct> structs = [];
        foreach (KStruct type in module.Model.Syscalls.SelectMany(s => s.Parameters).Select(p => p.Type).OfType<KUserPointer>().Select(p => p.Pointee).OfType<KStruct>())
        {
            Collect(type, structs);
        }

        Assert.Equal(new[] { "Mixed", "Nested", "Offsets", "Sized", "OffsetsSized", "WidePack", "Holder", "FiveShorts", "Buffers" }, structs.Select(s => s.Name));
        BuiltModule built = UserlandHarness.Instance.Build(module);
        string main = Path.Combine(built.Directory, "layout_main.c");
        File.WriteAllText(main, Program(module, structs));

        ProcessOutcome run = ProcessRunner.Run(UserlandHarness.Instance.Program(built, main, "layout_main"), []);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(Expected(structs), run.Stdout);
    }

    [Fact]
    public void The_layouts_are_the_ones_CSharp_gives_and_the_explicit_gaps_are_kept()
    {
        ModuleArtifacts module = TestCompiler.Module(Source);
        KStruct Struct(string name) => module.Model.Syscalls.SelectMany(s => s.Parameters).Select(p => p.Type).OfType<KUserPointer>()
            .Select(p => p.Pointee).OfType<KStruct>().Single(s => s.Name == name);

        // What the CLR computes for the same declarations (sizeof in C#): bool/char/byte/long/short,
        // explicit offsets with holes, Size= rounding a struct up, an inline array and a fixed buffer.
        Assert.Equal((24, 8), (Struct("Mixed").Size, Struct("Mixed").Alignment));
        Assert.Equal(new[] { 0, 2, 4, 8, 16 }, Struct("Mixed").Fields.Select(f => f.Offset));
        Assert.Equal(new[] { 0, 8, 32, 36 }, Struct("Nested").Fields.Select(f => f.Offset));
        Assert.Equal((24, 8), (Struct("Offsets").Size, Struct("Offsets").Alignment));
        Assert.Equal(new[] { 0, 8, 20 }, Struct("Offsets").Fields.Select(f => f.Offset));
        Assert.Equal(24, Struct("Sized").Size);
        Assert.Equal((32, 4), (Struct("OffsetsSized").Size, Struct("OffsetsSized").Alignment));
        Assert.Equal(new[] { 0, 10, 16, 24 }, Struct("Holder").Fields.Select(f => f.Offset));
        Assert.Equal(48, Struct("Holder").Size);
    }

    [Theory]
    [InlineData("[StructLayout(LayoutKind.Sequential, Pack = 1)] public struct S { public byte A; public int B; }", "Pack = 1")]
    [InlineData("[StructLayout(LayoutKind.Explicit)] public struct S { [FieldOffset(0)] public int A; [FieldOffset(2)] public short B; }", "starts before")]
    [InlineData("[StructLayout(LayoutKind.Explicit)] public struct S { [FieldOffset(0)] public byte A; [FieldOffset(2)] public int B; }", "natural 4-byte")]
    [InlineData("[StructLayout(LayoutKind.Sequential, Size = 6)] public struct S { public int A; }", "Size = 6")]
    public void A_layout_C_cannot_give_binds_to_no_kernel_type(string declaration, string reason)
    {
        INamedTypeSymbol type = Declare(declaration);

        Assert.Contains(reason, StructLayouts.Of(type)!.NoCEquivalent);
        Assert.Null(TypeBinder.Bind(type));
    }

    [Fact]
    public void Pack_is_computed_as_CSharp_packs_for_the_stack_budget()
    {
        StructPlacement layout = StructLayouts.Of(Declare("[StructLayout(LayoutKind.Sequential, Pack = 1)] public struct S { public byte A; public int B; }"))!;

        Assert.Equal((5, 1), (layout.Size, layout.Alignment));
        Assert.Equal(new[] { 0, 1 }, layout.Fields.Select(f => f.Offset));
    }

    private static INamedTypeSymbol Declare(string declaration) =>
        CSharpCompilation.Create("layout", [CSharpSyntaxTree.ParseText("using System.Runtime.InteropServices;\n" + declaration)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]).GetTypeByMetadataName("S")!;

    private static void Collect(KStruct type, List<KStruct> structs)
    {
        if (structs.Any(s => s.Name == type.Name))
        {
            return;
        }

        structs.Add(type);
        foreach (KField field in type.Fields)
        {
            if (field.Type is KStruct nested)
            {
                Collect(nested, structs);
            }
        }
    }

    private static string Program(ModuleArtifacts module, List<KStruct> structs)
    {
        var c = new StringBuilder();
        c.Append("#include <stddef.h>\n#include <stdio.h>\n#include \"").Append(module.ModuleName).Append(".h\"\n\nint main(void)\n{\n");
        foreach (KStruct type in structs)
        {
            string tag = "struct " + CNames.StructTag(type);
            c.Append($"\tprintf(\"{type.Name} %zu %zu\\n\", sizeof({tag}), _Alignof({tag}));\n");
            foreach (KField field in type.Fields)
            {
                c.Append($"\tprintf(\"{type.Name}.{field.Name} %zu %zu\\n\", offsetof({tag}, {CNames.Member(type, field.Name)}), sizeof((({tag} *)0)->{CNames.Member(type, field.Name)}));\n");
            }
        }

        return c.Append("\treturn 0;\n}\n").ToString();
    }

    private static string Expected(List<KStruct> structs)
    {
        var lines = new StringBuilder();
        foreach (KStruct type in structs)
        {
            lines.Append($"{type.Name} {type.Size} {type.Alignment}\n");
            foreach (KField field in type.Fields)
            {
                lines.Append($"{type.Name}.{field.Name} {field.Offset} {field.Size}\n");
            }
        }

        return lines.ToString();
    }
}
