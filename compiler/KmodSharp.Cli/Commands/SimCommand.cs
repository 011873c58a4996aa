using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Cli.Commands;

/// <summary>
/// <c>sim &lt;input&gt; [--call NAME ARG…]… [--json]</c>: builds the modules, compiles them with the
/// host kernel harness, loads them, makes the calls in order (state persists between calls),
/// unloads them, and prints the kernel log and each call's result.
/// </summary>
internal static class SimCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Argument<string[]> input = CommonOptions.Input();
        var call = new Option<string[]>("--call")
        {
            Description = "Call a syscall: NAME then its arguments (integers; text, s:TEXT or a:ADDR for a UserString; z:N, b:HEX or a:ADDR for a UserPtr). Repeatable.",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var sysctl = new Option<string[]>("--sysctl")
        {
            Description = "Write a sysctl as the operator, NAME=VALUE (e.g. kern.counter.limit=5), in order with the calls; a [Sysctl] validator decides. Repeatable.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var uid = new Option<uint>("--uid") { Description = "The calling thread's uid (default 0, root)" };
        var jail = new Option<bool>("--jail") { Description = "Make the calls from inside a jail" };
        var capmode = new Option<bool>("--capmode") { Description = "Make the calls in Capsicum capability mode" };
        var failMalloc = new Option<int>("--fail-malloc") { Description = "Make the Nth M_NOWAIT allocation fail (fault injection)" };
        var unmapAfter = new Option<int>("--unmap-after") { Description = "Make the Nth user-memory access find its page unmapped, as if unmapped mid-call (fault injection)" };
        var identity = new IdentityOptions();
        var command = new Command("sim", "Run the generated C in the host kernel harness") { input, call, sysctl, json, uid, jail, capmode, failMalloc, unmapAfter };
        identity.AddTo(command);
        command.SetAction(parsed =>
        {
            bool asJson = parsed.GetValue(json);
            ImmutableArray<KmsDiagnostic> diagnostics = [];
            var (result, _, exitCode) = CommonOptions.Compile(parsed.GetValue(input)!, CommonOptions.FromProject, null, asJson ? TextWriter.Null : output, error,
                diagnostics: found => diagnostics = found);
            if (result is null)
            {
                if (asJson && exitCode == ExitCodes.Diagnostics)
                {
                    // Nothing ran: the object says why, as the text output's diagnostic lines do.
                    output.WriteLine(JsonSerializer.Serialize(new { calls = Array.Empty<object>(), log = Array.Empty<string>(), leaks = 0, violations = Array.Empty<string>(), diagnostics = JsonDiagnostics(diagnostics) }));
                }

                return exitCode;
            }

            ImmutableArray<SimStep> steps;
            try
            {
                steps = [.. CallGroups(parsed).Select(group => group[0] == "--sysctl" ? Write(group) : (SimStep)Resolve(group[1..], result.Modules))];
            }
            catch (FormatException e)
            {
                error.WriteLine("kmodsharp: " + e.Message);
                return ExitCodes.Usage;
            }

            SimIdentity who;
            try
            {
                who = identity.From(parsed);
            }
            catch (FormatException e)
            {
                error.WriteLine("kmodsharp: " + e.Message);
                return ExitCodes.Usage;
            }

            SimulationReport report;
            try
            {
                ImmutableArray<SimStep> all = [.. result.Modules.Select(m => (SimStep)new SimLoadStep(m.ModuleName)), .. steps, .. result.Modules.Reverse().Select(m => new SimUnloadStep(m.ModuleName))];
                report = HostSimulator.Run(result.Modules, all, new SimEnvironment(parsed.GetValue(uid), parsed.GetValue(jail), parsed.GetValue(capmode), parsed.GetValue(failMalloc), parsed.GetValue(unmapAfter)) { Identity = who });
            }
            catch (HostCompileException e)
            {
                error.WriteLine("kmodsharp: the generated C did not compile in the host harness (a KmodSharp bug):");
                error.WriteLine(e.Message);
                return ExitCodes.Diagnostics;
            }
            catch (OutputException e)
            {
                // Its work files: the harness cache ($KMODSHARP_CACHE, else ~/.cache/kmodsharp) and a temporary folder.
                error.WriteLine("kmodsharp: " + e.Message);
                return ExitCodes.Usage;
            }

            if (asJson)
            {
                output.WriteLine(Json(report, diagnostics));
            }
            else
            {
                Text(report, result.Modules, output);
            }

            foreach (SimLoad load in report.FailedLoads)
            {
                error.WriteLine($"kmodsharp: kldload {Path.GetFileName(load.File)} failed with errno {load.Error}");
            }

            foreach (string violation in report.Violations)
            {
                error.WriteLine("kmodsharp: kernel violation: " + violation);
            }

            if (!report.Clean && report.Stderr.Length > 0)
            {
                error.Write(report.Stderr);
            }

            return report.Clean ? ExitCodes.Success : ExitCodes.Diagnostics;
        });
        return command;
    }

    // "--call a 1 --call b 2" arrives as one option; the tokens still show where each call (or
    // sysctl write) starts. Each group begins with its option's name.
    private static List<List<string>> CallGroups(ParseResult parsed)
    {
        var groups = new List<List<string>>();
        List<string>? currentGroup = null;
        foreach (System.CommandLine.Parsing.Token token in parsed.Tokens)
        {
            if (token.Type == System.CommandLine.Parsing.TokenType.Option)
            {
                currentGroup = token.Value is "--call" or "--sysctl" ? [token.Value] : null;
                if (currentGroup is not null)
                {
                    groups.Add(currentGroup);
                }
            }
            else if (currentGroup is not null && token.Type == System.CommandLine.Parsing.TokenType.Argument)
            {
                currentGroup.Add(token.Value);
            }
        }

        return groups;
    }

    private static SimSysctlWrite Write(List<string> group) =>
        group.Count == 2 && group[1].IndexOf('=', StringComparison.Ordinal) is > 0 and int eq && IsInteger(group[1][(eq + 1)..])
            ? new SimSysctlWrite(group[1][..eq], group[1][(eq + 1)..])
            : throw new FormatException("--sysctl takes NAME=VALUE with an integer VALUE (a bool is 0 or 1)");

    private static SimCall Resolve(List<string> group, ImmutableArray<ModuleArtifacts> modules)
    {
        string name = group[0];
        SyscallModel? syscall = modules.SelectMany(m => m.Model.Syscalls).FirstOrDefault(s => s.Name == name);
        List<string> values = group[1..];
        if (syscall is null)
        {
            // An unknown name is still called: the harness answers ENOSYS, as the kernel would.
            return new SimCall(name, [.. values]);
        }

        ImmutableArray<SyscallParameter> parameters = syscall.Arguments;
        if (values.Count != parameters.Length)
        {
            throw new FormatException($"{name} takes {parameters.Length} argument(s), {values.Count} given");
        }

        return new SimCall(name, [.. parameters.Select((p, i) => Token(p, values[i]))]);
    }

    private static string Token(SyscallParameter parameter, string value) => parameter.Type switch
    {
        // "a:ADDR" passes a raw address (an unmapped one tests EFAULT); "s:TEXT" is text that could read as one.
        KUserString when value.StartsWith("a:", StringComparison.Ordinal) && IsInteger(value[2..]) => value,
        KUserString when value.StartsWith("s:", StringComparison.Ordinal) => value,
        KUserString => "s:" + value,
        KUserPointer when value.Length > 2 && value[1] == ':' && value[0] is 'z' or 'b' or 'a' => value,
        KUserPointer => throw new FormatException($"'{parameter.Name}' is a user pointer: pass z:SIZE, b:HEX or a:ADDRESS"),
        KBool => value switch
        {
            "true" or "1" => "1",
            "false" or "0" => "0",
            _ => throw new FormatException($"'{parameter.Name}' is a bool: pass true or false"),
        },
        _ when IsInteger(value) => value,
        _ => throw new FormatException($"'{parameter.Name}' is an integer, not '{value}'"),
    };

    private static bool IsInteger(string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
        || ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
        || (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && ulong.TryParse(value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _));

    private static void Text(SimulationReport report, ImmutableArray<ModuleArtifacts> modules, TextWriter output)
    {
        HashSet<string> pairs = [.. modules.SelectMany(m => m.Model.Syscalls).Where(s => s.Return.Kind == SyscallReturnKind.Pair).Select(s => s.Name)];
        foreach (string line in report.Log)
        {
            output.WriteLine(line);
        }

        foreach (SimCallResult call in report.Calls)
        {
            string arguments = string.Join(", ", call.Arguments.Select(a => a.StartsWith("s:", StringComparison.Ordinal) ? $"\"{a[2..]}\"" : a));
            string value = pairs.Contains(call.Name) ? $"({call.Retval}, {call.Retval1})" : call.Retval.ToString(CultureInfo.InvariantCulture);
            output.WriteLine(call.Error == 0 ? $"{call.Name}({arguments}) = {value}" : $"{call.Name}({arguments}) = -1 {ErrnoName(call.Error)}");
            foreach (SimBuffer buffer in call.Buffers)
            {
                output.WriteLine($"  arg {buffer.Argument}: {buffer.Hex}");
            }
        }

        foreach (SimSysctlWriteResult write in report.SysctlWrites)
        {
            output.WriteLine(write.Error == 0 ? $"sysctl {write.Name}={write.Value}" : $"sysctl {write.Name}={write.Value}: {ErrnoName(write.Error)}");
        }
    }

    private static string ErrnoName(int errno) =>
        Enum.IsDefined(typeof(KmodSharp.Errno), errno) ? $"{(KmodSharp.Errno)errno} ({errno})" : $"errno {errno}";

    private static IEnumerable<object> JsonDiagnostics(ImmutableArray<KmsDiagnostic> diagnostics) => diagnostics.Select(d => new
    {
        id = d.Id,
        severity = d.IsError ? "error" : "warning",
        message = d.Message,
        file = d.Location?.File,
        line = d.Location?.Line,
        column = d.Location?.Column,
        help = d.HelpLink,
    });

    private static string Json(SimulationReport report, ImmutableArray<KmsDiagnostic> diagnostics) => JsonSerializer.Serialize(new
    {
        calls = report.Calls.Select(c => new
        {
            name = c.Name,
            args = c.Arguments.Select(a => a.StartsWith("s:", StringComparison.Ordinal) ? a[2..] : a),
            retval = c.Retval,
            retval1 = c.Retval1,
            errno = c.Error,
            buffers = c.Buffers.Select(b => new { arg = b.Argument, hex = b.Hex }),
        }),
        sysctlWrites = report.SysctlWrites.Select(w => new { name = w.Name, value = w.Value, errno = w.Error }),
        sysctls = report.LoadedSysctls.Select(s => new { name = s.Name, value = s.Value }),
        log = report.Log,
        leaks = report.Leaks,
        violations = report.Violations,
        diagnostics = JsonDiagnostics(diagnostics),
    });
}
