using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using KmodSharp.Cli;
using KmodSharp.Compiler.Tools.HeaderImport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KmodSharp.Compiler.Tests.Verification;

/// <summary><c>import-header</c>: the C# it writes, compiled with Roslyn and loaded, has clang's layout.</summary>
public sealed class HeaderImportTests : IDisposable
{
    private const string SharedHeader = """
        #include <stdint.h>
        #include <stddef.h>

        #define SHARED_VERSION 3
        #define SHARED_MASK 0xffffffffUL
        #define SHARED_NEG (-7)

        enum color { RED, GREEN = 5, BLUE };
        enum sign { MINUS = -1, PLUS = 1 };
        typedef enum { MODE_A = 1, MODE_B = 2 } mode_kind_t;
        enum { LOOSE_ONE = 11 };

        struct point { int32_t x; int32_t y; };

        struct record {
        	uint8_t tag;
        	uint64_t id;
        	struct point corners[4];
        	char name[13];
        	enum color color;
        	mode_kind_t mode;
        	uint16_t grid[3][5];
        	union {
        		uint32_t word;
        		uint8_t bytes[4];
        	};
        	struct {
        		int16_t a;
        		int64_t b;
        	} inner;
        	void *user;
        	const char *strs[2];
        	_Bool flag;
        	enum sign signs[3];
        	char base;
        };

        typedef struct { uint32_t lo, hi; } pair_t;

        struct __attribute__((packed)) wire { uint8_t kind; uint32_t len; pair_t p; };

        union value { int64_t i; uint8_t raw[9]; };
        """;

    private readonly string temp = Directory.CreateTempSubdirectory("kmodsharp-import-test-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void The_generated_csharp_has_clangs_sizes_and_offsets()
    {
        ImportedHeader imported = Import(SharedHeader);
        Assert.False(imported.HasErrors, string.Join("\n", imported.Diagnostics));
        string code = CSharpMirrorWriter.Write(imported, "Imported");

        Assembly assembly = CompileAndLoad(code + Probes(imported));

        Type probe = assembly.GetType("Imported.LayoutProbe")!;
        foreach (ImportedStruct record in imported.Structs)
        {
            long[] measured = (long[])probe.GetMethod(record.CSharpName)!.Invoke(null, null)!;
            Assert.True(record.Size == measured[0], $"sizeof({record.CSharpName}) is {measured[0]}, clang says {record.Size}");
            for (int i = 0; i < record.Fields.Length; i++)
            {
                ImportedField field = record.Fields[i];
                Assert.True(field.Offset == measured[i + 1], $"{record.CSharpName}.{field.Name} is at {measured[i + 1]}, clang says {field.Offset}");
            }
        }
    }

    [Fact]
    public void Clangs_layout_is_the_expected_one_padding_and_nesting_included()
    {
        ImportedHeader imported = Import(SharedHeader);

        ImportedStruct record = Assert.Single(imported.Structs, s => s.CType == "struct record");
        Assert.Equal(176, record.Size);         // signs[3] ends at 168, base at 168, tail padding to 176
        Assert.Equal(8, Offset(record, "id"));          // 7 bytes of padding after tag
        Assert.Equal(16, Offset(record, "corners"));
        Assert.Equal(104, Offset(record, "word"));      // anonymous union: both members at one offset
        Assert.Equal(104, Offset(record, "bytes"));
        Assert.Equal(112, Offset(record, "inner"));
        Assert.IsType<FixedBufferFieldType>(record.Fields.Single(f => f.Name == "grid").Type);
        Assert.Equal(15, ((FixedBufferFieldType)record.Fields.Single(f => f.Name == "grid").Type).Length);
        ImportedStruct wire = Assert.Single(imported.Structs, s => s.CType == "struct wire");
        Assert.Equal((13L, 1), (wire.Size, wire.Pack!.Value));
        Assert.Equal("int", Assert.Single(imported.Enums, e => e.CSharpName == "Sign").Underlying);
        Assert.Contains(imported.Constants, c => c is { Name: "SHARED_MASK", Type: "ulong", Value: "4294967295UL" });
        Assert.Contains(imported.Constants, c => c is { Name: "SHARED_NEG", Value: "-7" });
        Assert.Contains(imported.Constants, c => c.Name == "LOOSE_ONE");
    }

    [Fact]
    public void Layout_assertions_list_every_field_of_every_nameable_struct()
    {
        ImportedHeader imported = Import(SharedHeader);

        StructLayoutAssertion record = Assert.Single(imported.LayoutAssertions, a => a.CType == "struct record");
        Assert.Equal(176, record.Size);         // signs[3] ends at 168, base at 168, tail padding to 176
        Assert.Contains(new FieldOffsetAssertion("id", 8), record.Fields);
        Assert.Contains(new FieldOffsetAssertion("word", 104), record.Fields);
        Assert.Contains(new FieldOffsetAssertion("inner.b", 120), record.Fields);
        Assert.Contains(imported.LayoutAssertions, a => a.CType == "pair_t" && a.Size == 8);
        Assert.Contains(imported.LayoutAssertions, a => a.CType == "union value" && a.Size == 16);
        Assert.DoesNotContain(imported.LayoutAssertions, a => a.CType.Contains("unnamed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bit_field_is_an_error_naming_the_field_and_nothing_is_written()
    {
        string header = Write("flags.h", "struct flags { unsigned int ready : 1; unsigned int mode : 3; int count; };");
        string output = Path.Combine(temp, "Flags.cs");

        (int exit, string stdout, _) = Run("import-header", header, "-o", output);

        Assert.Equal(ExitCodes.Diagnostics, exit);
        Assert.Contains("error KMS0951: bit-field 'ready' of struct flags", stdout, StringComparison.Ordinal);
        Assert.Contains("bit-field 'mode'", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void The_cli_writes_the_file_for_the_structs_asked_for()
    {
        string header = Write("shared.h", SharedHeader);
        string output = Path.Combine(temp, "Shared.cs");

        (int exit, string stdout, _) = Run("import-header", header, "--struct", "wire", "-o", output, "--namespace", "Demo");

        Assert.Equal(ExitCodes.Success, exit);
        string code = File.ReadAllText(output);
        Assert.Contains("namespace Demo;", code, StringComparison.Ordinal);
        Assert.Contains("[StructLayout(LayoutKind.Explicit, Size = 13, Pack = 1)]", code, StringComparison.Ordinal);
        Assert.Contains("public struct Pair", code, StringComparison.Ordinal);      // wire contains a pair_t
        Assert.DoesNotContain("struct Record", code, StringComparison.Ordinal);
        Assert.StartsWith(output + ": 2 struct(s)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_struct_and_missing_header_are_reported()
    {
        string header = Write("shared.h", SharedHeader);

        (int unknown, string stdout, _) = Run("import-header", header, "--struct", "nope");
        (int missing, _, string stderr) = Run("import-header", Path.Combine(temp, "absent.h"));

        Assert.Equal(ExitCodes.Diagnostics, unknown);
        Assert.Contains("no struct or union named 'nope'", stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missing);
        Assert.Contains("header not found", stderr, StringComparison.Ordinal);
    }

    private ImportedHeader Import(string text) => HeaderImporter.Import(new HeaderImportOptions { HeaderPath = Write("shared.h", text) });

    private string Write(string name, string text)
    {
        string path = Path.Combine(temp, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static long Offset(ImportedStruct record, string field) => record.Fields.Single(f => f.Name == field).Offset;

    // One method per struct: sizeof, then each field's address minus the struct's, measured by the runtime.
    private static string Probes(ImportedHeader imported)
    {
        var text = new StringBuilder("public static unsafe class LayoutProbe\n{\n");
        foreach (ImportedStruct record in imported.Structs)
        {
            text.Append($"    public static long[] {record.CSharpName}()\n    {{\n        {record.CSharpName} v = default;\n        byte* b = (byte*)&v;\n");
            text.Append($"        return new long[] {{ sizeof({record.CSharpName})");
            foreach (ImportedField field in record.Fields)
            {
                string name = field.Name is "base" ? "@base" : field.Name;
                text.Append(field.Type is FixedBufferFieldType ? $", (byte*)v.{name} - b" : $", (byte*)&v.{name} - b");
            }

            text.Append(" };\n    }\n");
        }

        return text.Append("}\n").ToString();
    }

    private static Assembly CompileAndLoad(string code)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Imported" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(code)],
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        IEnumerable<Diagnostic> problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.True(result.Success && !problems.Any(), string.Join("\n", problems) + "\n" + code);
        stream.Position = 0;
        return new AssemblyLoadContext("import-test", isCollectible: true).LoadFromStream(stream);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
