using System.IO;
using System.Linq;
using KmodSharp.Headers.Model;
using Xunit;

namespace KmodSharp.Headers.Tests;

public class DiagnosticTests
{
    [Fact]
    public void BrokenHeaderOnDisk_ReportsErrorsWithFileLineAndColumn()
    {
        using TempDirectory directory = new();
        string path = directory.Write("broken.h", "int good(void);\nstruct s { int x; } int y;\nunknown_t bad(void);\n");

        HeaderReadResult result = HeaderReader.Read(new HeaderReadOptions { FilePath = path, NoStandardIncludes = true });

        Assert.True(result.HasErrors);
        HeaderDiagnostic missingSemicolon = result.Diagnostics.First(d => d.IsError);
        Assert.Equal(HeaderDiagnosticSeverity.Error, missingSemicolon.Severity);
        Assert.Equal(new HeaderSourceLocation(path, 2, 20), missingSemicolon.Location);
        Assert.Contains("expected ';'", missingSemicolon.Message, System.StringComparison.Ordinal);
        Assert.Equal($"{path}:2:20: error: expected ';' after struct", missingSemicolon.ToString());

        HeaderDiagnostic unknownType = result.Diagnostics.Single(d => d.Location?.Line == 3);
        Assert.Equal("unknown type name 'unknown_t'", unknownType.Message);
        Assert.Equal(1, unknownType.Location!.Column);

        // What clang could still understand is returned.
        Assert.NotNull(result.FindFunction("good"));
    }

    [Fact]
    public void MissingInclude_IsAnErrorAndTheRestIsStillRead()
    {
        HeaderReadResult result = TestHeaders.Read("#include <sys/nonexistent.h>\nint after(void);\n");

        // The reader asks clang to keep going after fatal errors, which reports them as errors.
        HeaderDiagnostic fatal = Assert.Single(result.Diagnostics);
        Assert.Equal(HeaderDiagnosticSeverity.Error, fatal.Severity);
        Assert.Equal("'sys/nonexistent.h' file not found", fatal.Message);
        Assert.Equal(1, fatal.Location!.Line);
        Assert.NotNull(result.FindFunction("after"));
    }

    [Fact]
    public void Warnings_AreReportedWithSeverityWarning()
    {
        HeaderReadResult result = TestHeaders.Read("int f(void) { int unused_result = 1 << 40; return 0; }\n", o => o with { AdditionalArguments = ["-Wall"] });

        Assert.False(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Severity == HeaderDiagnosticSeverity.Warning && d.Location!.Line == 1);
    }

    [Fact]
    public void LineDirectives_AreHonouredInLocations()
    {
        HeaderReadResult result = TestHeaders.Read("#line 40 \"Syscalls.cs\"\nint broken(void) { return undeclared; }\n");

        HeaderDiagnostic error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("Syscalls.cs", error.Location!.File);
        Assert.Equal(40, error.Location.Line);
    }

    [Fact]
    public void MissingFile_IsAFatalDiagnosticNotAnException()
    {
        string path = Path.Combine(Path.GetTempPath(), "kmodsharp-no-such-dir", "missing.h");

        HeaderReadResult result = HeaderReader.Read(new HeaderReadOptions { FilePath = path });

        Assert.True(result.HasErrors);
        Assert.Equal(HeaderDiagnosticSeverity.Fatal, result.Diagnostics[0].Severity);
        Assert.Empty(result.Functions);
    }

    [Fact]
    public void UnknownArgument_IsAnErrorWithoutLocation()
    {
        HeaderReadResult result = TestHeaders.Read("int x;", o => o with { AdditionalArguments = ["-fno-such-flag"] });

        HeaderDiagnostic error = Assert.Single(result.Diagnostics);
        Assert.Equal("unknown argument: '-fno-such-flag'", error.Message);
        Assert.Null(error.Location);
        Assert.Equal("error: unknown argument: '-fno-such-flag'", error.ToString());
    }
}
