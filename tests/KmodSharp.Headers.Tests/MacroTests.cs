using System.Linq;
using KmodSharp.Headers.Model;
using Xunit;

namespace KmodSharp.Headers.Tests;

public class MacroTests
{
    [Fact]
    public void IntegerMacros_AreEvaluatedWithTheirTypes()
    {
        HeaderReadResult result = TestHeaders.Read("""
            #define A 5
            #define B (A << 2)
            #define C -1
            #define HEX 0x7f
            #define OCT 010
            #define CHAR 'a'
            #define UL 5UL
            #define ALL_ONES 0xffffffffffffffffULL
            #define TERNARY (A > 3 ? 100 : 200)
            """);

        Assert.Equal(
            [("A", 5L), ("B", 20L), ("C", -1L), ("HEX", 127L), ("OCT", 8L), ("CHAR", 97L), ("UL", 5L), ("ALL_ONES", -1L), ("TERNARY", 100L)],
            result.Macros.Select(m => (m.Name, m.Value)));
        HeaderMacro a = result.FindMacro("A")!;
        Assert.False(a.IsUnsigned);
        Assert.Equal("int", a.Type.Spelling);
        Assert.Equal(new HeaderSourceLocation("/virtual/test.h", 1, 9), a.Location);
        Assert.Equal("unsigned long", result.FindMacro("UL")!.Type.Spelling);
        HeaderMacro allOnes = result.FindMacro("ALL_ONES")!;
        Assert.True(allOnes.IsUnsigned);
        Assert.Equal(ulong.MaxValue, allOnes.UnsignedValue);
    }

    [Fact]
    public void MacrosUsingTypesAndDeclarations_AreEvaluatedByClang()
    {
        HeaderReadResult result = TestHeaders.Read("""
            typedef unsigned int u_int;
            struct hdr { int a; long b; };
            enum mode { MODE_READ = 4 };
            #define HDR_SIZE sizeof(struct hdr)
            #define CAST ((u_int)-1)
            #define FROM_ENUM (MODE_READ | 1)
            #define PAGE_SHIFT 12
            #define PAGE_SIZE (1 << PAGE_SHIFT)
            #define PAGE_MASK (PAGE_SIZE - 1)
            """);

        Assert.Equal(16, result.FindMacro("HDR_SIZE")!.Value);
        Assert.True(result.FindMacro("HDR_SIZE")!.IsUnsigned);
        Assert.Equal(uint.MaxValue, result.FindMacro("CAST")!.Value);
        Assert.Equal("unsigned int", result.FindMacro("CAST")!.Type.CanonicalSpelling);
        Assert.Equal(5, result.FindMacro("FROM_ENUM")!.Value);
        Assert.Equal(4096, result.FindMacro("PAGE_SIZE")!.Value);
        Assert.Equal(4095, result.FindMacro("PAGE_MASK")!.Value);
    }

    [Fact]
    public void NonIntegerMacros_AreIgnored()
    {
        HeaderReadResult result = TestHeaders.Read("""
            #ifndef TEST_H
            #define TEST_H
            #define STRING "text"
            #define FLOAT 1.5
            #define DOUBLE_EXPR (2.0 * 3)
            #define TYPE unsigned long
            #define NULLPTR ((void *)0)
            #define FUNCTION_LIKE(x) ((x) + 1)
            #define STATEMENT do { } while (0)
            #define UNDEFINED_NAME not_declared_anywhere
            #define REFERS_TO_FUNCTION_LIKE FUNCTION_LIKE
            #define KEPT 42
            #define UNDEFINED_LATER 1
            #undef UNDEFINED_LATER
            #endif
            """);

        HeaderMacro kept = Assert.Single(result.Macros);
        Assert.Equal("KEPT", kept.Name);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void UnbalancedMacroBodies_DoNotHideTheMacrosAfterThem()
    {
        HeaderReadResult result = TestHeaders.Read("""
            #define A 1
            #define OPEN_BRACE {
            #define B 2
            #define OPEN_PAREN (
            #define C 3
            #define SEMICOLON ;
            #define D 4
            #define CLOSE_BRACE }
            #define E 5
            #define CLOSE_BRACKET ]
            #define F 6
            #define LIST 1, 2
            #define STATEMENT_EXPRESSION ({ int x = 1; x; })
            #define PICK(a, b) ((a) > (b) ? (a) : (b))
            #define COMMAS_IN_CALL PICK(3, 9)
            #define G 7
            """);

        Assert.Equal(["A", "B", "C", "D", "E", "F", "COMMAS_IN_CALL", "G"], result.Macros.Select(m => m.Name));
        Assert.Equal(9, result.FindMacro("COMMAS_IN_CALL")!.Value);
    }

    [Fact]
    public void MacrosExpandingToBracesThroughAnIncludedMacro_DoNotHideTheRest()
    {
        HeaderReadResult result = TestHeaders.Read(
            "#include <init.h>\n#define A 1\n#define VIA INITIALIZER\n#define B 2\n#define VIA_AGAIN INITIALIZER\n#define C 3\n",
            o => o with
            {
                InMemoryFiles = [new InMemoryFile("/virtual/include/init.h", "#define INITIALIZER { 0, {")],
                IncludeDirectories = ["/virtual/include"],
            });

        Assert.Equal([("A", 1L), ("B", 2L), ("C", 3L)], result.Macros.Select(m => (m.Name, m.Value)));
    }

    [Fact]
    public void RedefinedMacro_HasItsLastValue()
    {
        HeaderReadResult result = TestHeaders.Read("""
            #define LIMIT 1
            #undef LIMIT
            #define LIMIT 2
            """);

        HeaderMacro limit = Assert.Single(result.Macros);
        Assert.Equal(2, limit.Value);
        Assert.Equal(3, limit.Location.Line);
    }

    [Fact]
    public void MacrosFromIncludedFilesAndCommandLine_FollowTheScope()
    {
        using TempDirectory directory = new();
        directory.Write("include/sys/param.h", "#define MAXCPU 256\n");
        HeaderReadOptions options = new()
        {
            FilePath = directory.Write("main.h", "#include <sys/param.h>\n#define LOCAL (MAXCPU / 2)\n"),
            NoStandardIncludes = true,
            IncludeDirectories = [System.IO.Path.Combine(directory.Path, "include")],
            Defines = ["FROM_COMMAND_LINE=7"],
        };

        Assert.Equal([("LOCAL", 128L)], HeaderReader.Read(options).Macros.Select(m => (m.Name, m.Value)));
        Assert.Equal(
            [("MAXCPU", 256L), ("LOCAL", 128L)],
            HeaderReader.Read(options with { Scope = HeaderScope.AllFiles }).Macros.Select(m => (m.Name, m.Value)));
        Assert.Empty(HeaderReader.Read(options with { EvaluateMacros = false }).Macros);
    }

    [Fact]
    public void MacroValues_DependOnTheTarget()
    {
        const string source = "#define LONG_BITS (sizeof(long) * 8)\n#define PTR_BYTES sizeof(void *)\n";

        HeaderReadResult amd64 = TestHeaders.Read(source);
        HeaderReadResult i386 = TestHeaders.Read(source, o => o with { TargetTriple = TestHeaders.FreeBsdI386 });

        Assert.Equal(64, amd64.FindMacro("LONG_BITS")!.Value);
        Assert.Equal(32, i386.FindMacro("LONG_BITS")!.Value);
        Assert.Equal(8, amd64.FindMacro("PTR_BYTES")!.Value);
        Assert.Equal(4, i386.FindMacro("PTR_BYTES")!.Value);
    }
}
