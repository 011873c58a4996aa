using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>How a generated syscall reports its checksum.</summary>
public enum SyscallReturn
{
    Int,
    UInt,
    Long,
    ResultLong,
    ResultInt,
    /// <summary><c>Errno</c>, the checksum copied out through a <c>UserPtr&lt;long&gt;</c>.</summary>
    CopiedOut,
    Pair,
    /// <summary><c>void</c>, the checksum printed to the kernel log.</summary>
    Logged,
}

/// <summary>
/// A <c>[Syscall]</c>: integer parameters (all the types the differential runner can feed),
/// user pointers copied in and out, static local functions, a kernel buffer, random statements,
/// and at the end every parameter, local and static folded into a checksum it returns.
/// </summary>
public sealed class SyscallGenerator(ModuleContext module, CodeWriter writer)
{
    public void Generate(string methodName, string? syscallName)
    {
        SyscallReturn returns = (SyscallReturn)module.Random.Next(8);
        bool errors = returns is SyscallReturn.ResultLong or SyscallReturn.ResultInt or SyscallReturn.CopiedOut;
        var method = new MethodContext(methodName) { ErrorReturn = errors ? e => $"return {e};" : null };
        var statements = new StatementGenerator(module, method, writer);

        var parameters = new List<string>();
        var copyIns = new List<(string Pointer, GenType Type)>();
        (string Pointer, StructType Type)? copyOut = null;
        var used = new HashSet<string>();
        for (int i = module.Random.Next(1, 5); i > 0; i--)
        {
            // char is no syscall argument type (KMS0407).
            IntegerKind kind = module.Pick(IntegerKind.All.Remove(IntegerKind.Char));
            string name = module.Features.KernelLikeNames && module.Chance(10) ? module.Pick(KernelLikeNames.Parameters) : "a" + parameters.Count;
            if (!used.Add(name))
            {
                name = "a" + parameters.Count;
                used.Add(name);
            }

            parameters.Add($"{kind.Name} {name}");
            method.Scope.Add(new Variable(name, kind, SyscallArgument: true));
        }

        if (errors)
        {
            if (module.Chance(60))
            {
                GenType type = module.Chance(70) && module.Structs.Count > 0 ? module.Pick(module.Structs) : IntegerKind.Long;
                string pointer = "in" + parameters.Count;
                parameters.Add($"UserPtr<{type.Name}> {pointer}");
                copyIns.Add((pointer, type));
            }

            if (module.Chance(40) && module.Structs.Count > 0)
            {
                copyOut = ("out" + parameters.Count, module.Pick(module.Structs));
                parameters.Add($"UserPtr<{copyOut.Value.Type.Name}> {copyOut.Value.Pointer}");
            }
        }

        UserSpanCopies? spans = errors && module.Features.UserMemorySpans && module.Chance(25) ? new UserSpanCopies(module, writer) : null;
        int withoutSpans = parameters.Count;
        if (spans is not null && !spans.AddParameters(parameters, method))
        {
            spans = null;
        }

        // Every parameter must fit the eight argument slots amd64 copies (KMS0404): the span copies
        // give way (after drawing, so that every program that fitted stays as it was).
        if (spans is not null && parameters.Count + (returns == SyscallReturn.CopiedOut ? 1 : 0) > 8)
        {
            parameters.RemoveRange(withoutSpans, parameters.Count - withoutSpans);
            spans = null;
        }

        if (returns == SyscallReturn.CopiedOut)
        {
            parameters.Add("UserPtr<long> result");
        }

        // The calling thread is no argument slot: it goes anywhere in the list.
        string? thread = module.Features.KernelReads && module.Chance(30) ? "caller" : null;
        if (thread is not null)
        {
            parameters.Insert(module.Random.Next(parameters.Count + 1), "CallingThread " + thread);
        }

        writer.Line(syscallName is null ? "[Syscall]" : $"[Syscall(Name = \"{syscallName}\")]");
        writer.Open($"public static {TypeName(returns)} {methodName}({string.Join(", ", parameters)})");
        writer.Line($"long acc = {module.Random.Next(1, 100000)};");
        LocalFunctions(method);
        foreach ((string pointer, GenType type) in copyIns)
        {
            string value = method.Fresh("c"), error = method.Fresh("ce");
            writer.Line($"Errno {error} = Kernel.CopyIn({pointer}, out {type.Name} {value});");
            writer.Open($"if ({error} != Errno.None)");
            writer.Line($"return {error};");
            writer.Close();
            method.Scope.Add(new Variable(value, type));
        }

        spans?.CopyIn(method);
        if (module.Chance(20))
        {
            KernelBuffer(method);
        }

        if (thread is not null)
        {
            new KernelReadsGenerator(module, method, writer).Write(thread);
        }

        statements.Statements(module.Random.Next(6, 18), 3);
        foreach (Variable variable in method.Scope.Innermost.Concat(module.Statics).ToList())
        {
            statements.Fold(variable);
        }

        if (copyOut is { } output)
        {
            string value = method.Fresh("co"), error = method.Fresh("ce");
            IntegerKind first = output.Type.Fields.Select(f => f.Type).OfType<IntegerKind>().First();
            writer.Line($"{output.Type.Name} {value} = new {output.Type.Name} {{ {output.Type.Fields.First(f => f.Type is IntegerKind).Name} = unchecked(({first.Name})acc) }};");
            writer.Line($"Errno {error} = Kernel.CopyOut(in {value}, {output.Pointer});");
            writer.Open($"if ({error} != Errno.None)");
            writer.Line($"return {error};");
            writer.Close();
        }

        Return(returns, method);
        writer.Close();
        writer.Line("");
    }

    private static string TypeName(SyscallReturn returns) => returns switch
    {
        SyscallReturn.Int => "int",
        SyscallReturn.UInt => "uint",
        SyscallReturn.Long => "long",
        SyscallReturn.ResultLong => "SyscallResult<long>",
        SyscallReturn.ResultInt => "SyscallResult<int>",
        SyscallReturn.CopiedOut => "Errno",
        SyscallReturn.Pair => "(long, long)",
        _ => "void",
    };

    private void Return(SyscallReturn returns, MethodContext method)
    {
        switch (returns)
        {
            case SyscallReturn.ResultInt or SyscallReturn.ResultLong when module.Features.StoredResults && module.Chance(50):
                StoredResult(method, returns == SyscallReturn.ResultInt ? "int" : "long");
                break;
            case SyscallReturn.Int:
            case SyscallReturn.ResultInt:
                writer.Line("return unchecked((int)(acc ^ (acc >> 32)));");
                break;
            case SyscallReturn.UInt:
                writer.Line("return unchecked((uint)(acc >> 7));");
                break;
            case SyscallReturn.CopiedOut:
                writer.Line(module.Features.ComputedInArguments && module.Chance(40) ? "return Kernel.CopyOut(unchecked(acc * 3), result);" : "return Kernel.CopyOut(in acc, result);");
                break;
            case SyscallReturn.Pair when module.Features.StoredPairs && module.Chance(50):
            {
                string pair = method.Fresh("pr");
                writer.Line($"var {pair} = (acc, unchecked(acc * 7 + 1));");
                writer.Line(module.Chance(50) ? $"{pair} = ({pair}.Item2, {pair}.Item1);" : $"{pair}.Item1 ^= {module.Random.Next(1, 100)};");
                writer.Line($"return {pair};");
                break;
            }

            case SyscallReturn.Pair:
                writer.Line(module.Features.BareVariablePairs ? "return (acc, unchecked(acc * 7 + 1));" : "return (acc ^ 1, unchecked(acc * 7 + 1));");
                break;
            case SyscallReturn.Logged:
                writer.Line("Kernel.Printf(\"checksum %ld\\n\", acc);");
                break;
            default:
                writer.Line("return acc;");
                break;
        }
    }

    /// <summary>
    /// <see cref="GeneratorFeatures.StoredResults"/>: the checksum kept in a <c>SyscallResult</c> local, made an error
    /// on some inputs, copied, read through <c>IsError</c>/<c>Error</c>/<c>Value</c>, and returned.
    /// </summary>
    private void StoredResult(MethodContext method, string type)
    {
        string result = method.Fresh("sr"), copy = method.Fresh("sr");
        string value = type == "int" ? "unchecked((int)(acc ^ (acc >> 32)))" : "acc";
        writer.Line($"SyscallResult<{type}> {result} = {value};");
        writer.Open($"if ((acc & {module.Random.Next(1, 8)}) == {module.Random.Next(0, 2)})");
        writer.Line($"{result} = {module.Pick(["Errno.EDOM", "Errno.ERANGE", "Errno.None", "default"])};");
        writer.Close();
        writer.Line($"SyscallResult<{type}> {copy} = {result};");
        if (module.Chance(50))
        {
            writer.Open($"if ({copy}.IsError && (acc & 8) == 0)");
            writer.Line($"return {copy}.Error;");
            writer.Close();
            writer.Line($"return unchecked({copy}.Value + ({type})({copy}.IsError ? 1 : 0));");
        }
        else
        {
            writer.Line($"return {copy};");
        }
    }

    /// <summary>Static local functions over their own parameters (and statics), called from the body's expressions.</summary>
    private void LocalFunctions(MethodContext method)
    {
        for (int i = module.Random.Next(0, 3); i > 0; i--)
        {
            string name = method.Fresh("Local");
            IntegerKind[] parameters = [.. Enumerable.Range(0, module.Random.Next(1, 3)).Select(_ => module.Pick(IntegerKind.All))];
            IntegerKind returns = module.Pick(IntegerKind.All);
            var body = new MethodContext(name) { AllowFailure = module.Chance(50), AllowSideEffectCalls = false, WritesStatics = false };
            for (int p = 0; p < parameters.Length; p++)
            {
                body.Scope.Add(new Variable("q" + p, parameters[p]));
            }

            var expressions = new ExpressionGenerator(module, body);
            string signature = string.Join(", ", parameters.Select((k, p) => $"{k.Name} q{p}"));
            string value = expressions.Int(returns, 3).Text;
            if (!module.Features.HarnessStrictConstructs)
            {
                // Every parameter read: -Wextra refuses an unused one.
                value = $"unchecked(({returns.Name})({string.Join(" + ", parameters.Select((_, p) => $"(long)q{p}"))} + (long)({value})))";
            }

            writer.Line($"static {returns.Name} {name}({signature}) => {value};");
            method.LocalFunctions.Add((name, parameters, returns));
        }
    }

    private void KernelBuffer(MethodContext method)
    {
        IntegerKind element = module.Pick(IntegerKind.Fixed);
        int length = module.Pick([2, 4, 8, 16]);
        string buffer = method.Fresh("kb"), span = method.Fresh("ks");
        if (module.Features.SpanReturningHelpers && module.Chance(50))
        {
            module.SpanHelperKinds.Add(element.Name);
            writer.Line($"using KernelBuffer<{element.Name}> {buffer} = Make_{element.Name}({length});");
        }
        else
        {
            writer.Line($"using KernelBuffer<{element.Name}> {buffer} = Kernel.Allocate<{element.Name}>({length}, MallocFlags.WaitOk | MallocFlags.Zero);");
        }

        writer.Line($"Span<{element.Name}> {span} = {buffer}.Span;");
        method.Scope.Add(new Variable(span, new SpanType(element, length), Writable: false));
    }
}
