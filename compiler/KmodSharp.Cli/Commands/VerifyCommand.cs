using System.CommandLine;
using System.Globalization;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Lowering;
using KmodSharp.Compiler.Tools.Verification;

namespace KmodSharp.Cli.Commands;

/// <summary>
/// <c>verify &lt;input&gt; [--freebsd-sysdir DIR]</c>: compiles each module's generated C with
/// libclang against real FreeBSD headers (or, without the option, the host harness headers) with
/// the FreeBSD target and bsd.kmod.mk's flags, and reports clang's messages as <c>KMS0950</c>
/// at the C# lines the <c>#line</c> directives name.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Argument<string[]> input = CommonOptions.Input();
        var sysDir = new Option<string?>("--freebsd-sysdir")
        {
            Description = "A FreeBSD kernel source tree (SYSDIR, e.g. /usr/src/sys); default: the host harness headers",
        };
        var command = new Command("verify", "Compile the generated C against FreeBSD's kernel headers (libclang, no clang binary needed)") { input, sysDir };
        command.SetAction(parsed =>
        {
            // The tree is checked first: a wrong folder is a usage error whatever the C# says.
            KernelHeaders headers;
            try
            {
                headers = parsed.GetValue(sysDir) is { } directory ? KernelHeaders.FreeBsd(directory) : KernelHeaders.Host();
            }
            catch (FreeBsdTreeException e)
            {
                error.WriteLine("kmodsharp: --freebsd-sysdir: " + e.Message);
                return ExitCodes.Usage;
            }
            catch (OutputException e)
            {
                // Its object folder, in the temporary folder.
                error.WriteLine("kmodsharp: " + e.Message);
                return ExitCodes.Usage;
            }

            using (headers)
            {
                // #line directives whatever the project says: they map clang's messages back to the C#.
                var (result, _, exitCode) = CommonOptions.Compile(parsed.GetValue(input)!, _ => new LoweringOptions(true), null, output, error);
                if (result is null)
                {
                    return exitCode;
                }

                bool failed = false;
                foreach (ModuleArtifacts module in result.Modules)
                {
                    VerifyResult verified;
                    try
                    {
                        verified = ModuleVerifier.Verify(module, headers);
                    }
                    catch (DllNotFoundException)
                    {
                        error.WriteLine("kmodsharp: " + Native.LibClangResolver.MissingMessage);
                        return ExitCodes.Usage;
                    }

                    CommonOptions.Print(verified.Diagnostics, output);
                    failed |= verified.HasErrors;
                    string outcome = verified.HasErrors ? "does not compile" : "compiles";
                    string milliseconds = verified.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);
                    output.WriteLine($"{verified.FileName}: {outcome} against {headers.Description} ({headers.TargetTriple}, {milliseconds} ms)");
                }

                return failed ? ExitCodes.Diagnostics : ExitCodes.Success;
            }
        });
        return command;
    }
}
