using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using KmodSharp.Headers.Model;
using Xunit;

namespace KmodSharp.Headers.Tests;

/// <summary>Compares the layouts libclang reports with what the host C compiler computes for the same header.</summary>
public class HostCompilerCrossCheckTests
{
    private const string Header = """
        struct point { int x, y; };
        struct mixed { char c; long l; short h; double d; char tail; };
        struct nested { char kind; struct point corners[3]; struct { short a; long long b; } pair; unsigned char tag[5]; };
        union value { char bytes[9]; int i; long l; };
        struct anon { int type; union { struct { short x, y; }; long code; }; char flag; };
        struct bits { unsigned a : 3, b : 5; unsigned : 4; unsigned c : 20; unsigned d : 1; int : 0; char e; };
        struct __attribute__((packed)) wire { char c; int i; short s; };
        struct ptrs { void *p; char c; int (*fn)(int); const char *name; unsigned long len; };
        typedef struct { char c; int i; char d; } triple_t;
        """;

    private static readonly string[] Names = ["struct point", "struct mixed", "struct nested", "union value", "struct anon", "struct bits", "struct wire", "struct ptrs", "triple_t"];

    [Fact]
    public void SizesAlignmentsAndOffsets_MatchTheHostCompiler()
    {
        using TempDirectory directory = new();
        string path = directory.Write("layouts.h", Header);

        // The host's cc targets x86_64 Linux, whose ABI for these types is FreeBSD/amd64's (LP64,
        // SysV); the header is read for the host so both sides agree on every type.
        HeaderReadResult result = HeaderReader.Read(new HeaderReadOptions { FilePath = path, TargetTriple = "x86_64-unknown-linux-gnu" });
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));

        List<string> expected = [];
        StringBuilder program = new();
        program.Append(CultureInfo.InvariantCulture, $"#include <stddef.h>\n#include <stdio.h>\n#include \"{path}\"\nint main(void) {{\n");
        foreach (string name in Names)
        {
            HeaderStructLayout layout = result.FindLayout(name) ?? throw new Xunit.Sdk.XunitException($"no layout for {name}");
            program.Append(CultureInfo.InvariantCulture, $"printf(\"{name} %zu %zu\\n\", sizeof({name}), _Alignof({name}));\n");
            expected.Add($"{name} {layout.Size} {layout.Alignment}");
            foreach (HeaderFieldLayout field in layout.Fields.Where(f => !f.IsBitField))
            {
                program.Append(CultureInfo.InvariantCulture, $"printf(\"{name}.{field.Name} %zu\\n\", offsetof({name}, {field.Name}));\n");
                expected.Add($"{name}.{field.Name} {field.OffsetBytes}");
            }
        }

        program.Append("return 0;\n}\n");
        string[] actual = HostCompiler.Run(program.ToString()).Split('\n', System.StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, actual);
        Assert.Equal(40, expected.Count);
    }

    [Fact]
    public void BitFieldPositions_MatchTheHostCompiler()
    {
        // offsetof cannot name a bit-field, so the program sets each field to all ones in a zeroed
        // struct and prints the index of the first set bit.
        const string header = "struct bits { unsigned a : 3, b : 5; unsigned : 4; unsigned c : 20; unsigned d : 1; int : 0; char e; unsigned long long f : 40; };";
        using TempDirectory directory = new();
        string path = directory.Write("bits.h", header);
        HeaderReadResult result = HeaderReader.Read(new HeaderReadOptions { FilePath = path, TargetTriple = "x86_64-unknown-linux-gnu" });
        HeaderStructLayout layout = result.FindLayout("bits")!;

        StringBuilder program = new();
        program.Append(CultureInfo.InvariantCulture, $"#include <stdio.h>\n#include <string.h>\n#include \"{path}\"\n");
        program.Append("static int first_bit(const void *p, size_t n) { const unsigned char *b = p; for (size_t i = 0; i < n * 8; i++) if (b[i / 8] & (1u << (i % 8))) return (int)i; return -1; }\n");
        program.Append("int main(void) { struct bits s;\n");
        List<string> expected = [];
        foreach (HeaderFieldLayout field in layout.Fields.Where(f => f.IsBitField))
        {
            program.Append(CultureInfo.InvariantCulture, $"memset(&s, 0, sizeof s); s.{field.Name} = ~0ull; printf(\"{field.Name} %d\\n\", first_bit(&s, sizeof s));\n");
            expected.Add($"{field.Name} {field.OffsetBits}");
        }

        program.Append("printf(\"size %zu\\n\", sizeof s); return 0; }\n");
        expected.Add($"size {layout.Size}");

        Assert.Equal(expected, HostCompiler.Run(program.ToString()).Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["a", "b", "c", "d", "f"], layout.Fields.Where(f => f.IsBitField).Select(f => f.Name));
    }
}
