using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// The runtime API and its kernel twins: one lowering rule per runtime method. Each is the C a kernel
/// developer would write for the call: <c>Kernel.CopyIn(p, out v)</c> → <c>copyin(p, &amp;v, sizeof(v))</c>.
/// The C function's name is the method's <c>[CName]</c>, read through <see cref="RuntimeApi"/>; what
/// the call reads, may fail with or sleeps on is there too, so a rule says only how its arguments go.
/// </summary>
internal static class Intrinsics
{
    /// <summary>The C for one call, or null when the call has no translation (which the analyzers refused).</summary>
    private delegate CExpr? Rule(Call call);

    /// <summary>The lowering rules, keyed by <c>Type.Method</c> (overloads share one).</summary>
    private static readonly ImmutableDictionary<string, Rule> Rules = new Dictionary<string, Rule>
    {
        ["Kernel.Printf"] = c => Printf(c),
        ["Kernel.CopyIn"] = c => c.Lowered[1].Span is var (pointer, length)
            ? new CCall(c.CName, c.Arg(0), pointer, SpanBytes(c, length))
            : new CCall(c.CName, c.Arg(0), c.Arg(1), Size(c.Arg(1))),
        ["Kernel.CopyOut"] = c => c.Lowered[0].Span is var (pointer, length)
            ? c.Lowering.PaddedSpanCopyOut(c.CName, c.Method, pointer, length, c.Arg(1), c.Operation) ?? new CCall(c.CName, pointer, c.Arg(1), SpanBytes(c, length))
            : c.Lowering.PaddedCopyOut(c.Method, c.Arg(0), c.Arg(1), c.Operation) is var (buffer, destination)
                ? new CCall(c.CName, buffer, destination, new CSizeofExpression(buffer))
                : new CCall(c.CName, c.Arg(0), c.Arg(1), Size(c.Arg(0))),
        ["Kernel.CopyInString"] = c => c.Lowered[1].Span is var (pointer, length) ? new CCall(c.CName, c.Arg(0), pointer, length, c.Arg(2)) : null,
        ["Kernel.FetchByte"] = c => new CCall(c.CName, c.Arg(0)),
        ["Kernel.StoreByte"] = c => new CCall(c.CName, c.Arg(0), c.Arg(1)),
        ["Kernel.FetchWord32"] = c => new CCall(c.CName, c.Arg(0), c.Arg(1)),
        ["Kernel.FetchWord64"] = c => new CCall(c.CName, c.Arg(0), c.Arg(1)),
        ["Kernel.StoreWord32"] = c => new CCall(c.CName, c.Arg(0), c.Arg(1)),
        ["Kernel.StoreWord64"] = c => new CCall(c.CName, c.Arg(0), c.Arg(1)),
        ["Kernel.PrivCheck"] = c => new CCall(c.CName, c.Lowering.CurrentThread, c.Arguments.IsEmpty ? new CIdentifier("PRIV_MODULE0") : c.Arg(0)),
        ["Atomic.Add"] = Atomic,
        ["Atomic.FetchAdd"] = Atomic,
        ["Atomic.CompareAndSet"] = Atomic,
        ["Atomic.Load"] = Atomic,
        ["Atomic.Store"] = Atomic,
        ["UserPtr.Add"] = c => new CBinary(CBinaryOperator.Add, c.Instance!, c.Arg(0)),
        ["CallingThread.CopyProcessName"] = CopyProcessName,
        ["KernelClock.NanoTime"] = c => c.Lowering.FillThroughStruct(c.CName, "timespec", (c.Out(0), "tv_sec"), (c.Out(1), "tv_nsec")),
        ["KernelClock.GetNanoTime"] = c => c.Lowering.FillThroughStruct(c.CName, "timespec", (c.Out(0), "tv_sec"), (c.Out(1), "tv_nsec")),
        ["KernelClock.GetMicroUptime"] = c => c.Lowering.FillThroughStruct(c.CName, "timeval", (c.Out(0), "tv_sec"), (c.Out(1), "tv_usec")),
        ["KernelClock.Random"] = c => new CCall(c.CName),
        ["KernelClock.RandomBytes"] = c => c.Lowered[0].Span is var (pointer, length) ? new CCall(c.CName, pointer, length) : null,
    }.ToImmutableDictionary();

    /// <summary>The runtime methods (<c>Type.Method</c>) that have a lowering rule.</summary>
    internal static IEnumerable<string> Lowered => Rules.Keys;

    public static CExpr Lower(FunctionLowering lowering, IInvocationOperation call)
    {
        IMethodSymbol method = call.TargetMethod;
        ImmutableArray<IArgumentOperation> arguments = [.. call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0)];

        // C# evaluates the instance, then the arguments as written: all before the kernel call.
        CExpr? instance = call.Instance is { } receiver ? lowering.LowerValue(receiver) : null;
        FunctionLowering.LoweredArgument[] lowered = lowering.LowerArguments(call.Arguments, argument => LowerArgument(lowering, method, argument));
        if (Rules.TryGetValue($"{method.ContainingType.Name}.{method.Name}", out Rule? rule)
            && rule(new Call(lowering, call, RuntimeApi.Find(method), arguments, lowered, instance)) is { } translated)
        {
            return translated;
        }

        // KMS0100 refuses a runtime method the runtime does not mark as translated (TranslatableApi.Classify).
        throw LoweringContext.Untranslated(call, $"the runtime call '{method.ContainingType.Name}.{method.Name}'");
    }

    private static CExpr Size(CExpr addressOfValue) => new CSizeofExpression(addressOfValue is CUnary { Operator: CUnaryOperator.AddressOf } a
        ? a.Operand
        : new CUnary(CUnaryOperator.Dereference, addressOfValue));

    // A span's bytes: its length in elements times the element's size (a span's length is never
    // negative, and on LP64 no int times a struct's size overflows size_t).
    private static CExpr SpanBytes(Call call, CExpr length) =>
        new CBinary(CBinaryOperator.Multiply, length, new CSizeofType(call.Lowering.ElementCType(call.Method.TypeArguments[0], call.Operation)));

    /// <summary>One call being lowered: its arguments in parameter order, lowered in evaluation order.</summary>
    private sealed record Call(FunctionLowering Lowering, IInvocationOperation Operation, RuntimeMethod? Api, ImmutableArray<IArgumentOperation> Arguments, FunctionLowering.LoweredArgument[] Lowered, CExpr? Instance)
    {
        public IMethodSymbol Method => Operation.TargetMethod;

        /// <summary>The kernel function the method's <c>[CName]</c> names.</summary>
        public string CName => Api?.CName ?? throw new InternalCompilerException($"'{Method.ContainingType.Name}.{Method.Name}' has a lowering rule but no [CName]", Operation.Syntax.GetLocation());

        public CExpr Arg(int i) => Lowered[i].Value!;

        /// <summary>The address an out argument is stored through, or null for <c>out _</c> (<see cref="LowerArgument"/> gave it none).</summary>
        public CExpr? Out(int i) => Arguments[i].Value is IDiscardOperation ? null : Arg(i);
    }

    // How each argument is lowered: by value, by address for ref/out/in, or as the kernel twin takes it.
    private static CExpr LowerArgument(FunctionLowering lowering, IMethodSymbol method, IArgumentOperation argument) =>
        (method.ContainingType.Name, method.Name, argument.Parameter?.Ordinal) switch
        {
            ("Kernel", "StoreByte", 1) => StoredByte(lowering, argument),
            ("Kernel", "Printf", _) => lowering.LowerConverted(argument.Value),
            ("Atomic", _, > 0) => lowering.LowerConverted(argument.Value),
            // The struct the kernel fills holds a discarded value: no variable for it (C would warn "set but not used").
            ("KernelClock", _, _) when argument.Value is IDiscardOperation => new CIntegerLiteral(0),
            _ => lowering.Argument(argument),
        };

    // subyte(9) takes an int and stores its low byte: C#'s unchecked (byte) cast of a value that
    // fits an int is that same truncation, so the value goes as it is, as a kernel developer
    // writes "subyte(p, v + 1)" (the cast made the compiler truncate it a second time).
    private static CExpr StoredByte(FunctionLowering lowering, IArgumentOperation argument) =>
        argument.Value is IConversionOperation { IsChecked: false, OperatorMethod: null, Type.SpecialType: SpecialType.System_Byte, ConstantValue.HasValue: false, Operand: var operand }
        && operand.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Char
            ? lowering.LowerConverted(operand)
            : lowering.Argument(argument);

    // (int)strlcpy((char *)name, td->td_proc->p_comm, name_len): p_comm is at most MAXCOMLEN bytes, so its length fits an int.
    private static CExpr? CopyProcessName(Call call) =>
        call.Lowered[0].Span is var (pointer, length)
            ? new CCast(CNamedType.Int, new CCall(call.CName, new CCast(new CPointerType(CNamedType.Char), pointer),
                new CMember(new CMember(call.Instance!, "td_proc", Arrow: true), "p_comm", Arrow: true), length))
            : null;

    // atomic(9) works on u_int/u_long: the C# int/long location and values are cast to them, and
    // results cast back, which keeps two's-complement values intact.
    private static CExpr Atomic(Call call)
    {
        (IMethodSymbol method, FunctionLowering.LoweredArgument[] arguments) = (call.Method, call.Lowered);
        bool wide = method.Parameters[0].Type.SpecialType == SpecialType.System_Int64;
        string suffix = wide ? "long" : "int";
        var unsigned = new CNamedType(wide ? "u_long" : "u_int");
        CType signed = wide ? new CNamedType("int64_t") : CNamedType.Int;
        CExpr location = new CCast(new CPointerType(unsigned, PointeeVolatile: true), arguments[0].Value!);
        CExpr Operand(int i) => new CCast(unsigned, arguments[i].Value!);
        return method.Name switch
        {
            "Add" => new CCall($"atomic_add_{suffix}", location, Operand(1)),
            "FetchAdd" => new CCast(signed, new CCall($"atomic_fetchadd_{suffix}", location, Operand(1))),
            "CompareAndSet" => new CBinary(CBinaryOperator.NotEqual, new CCall($"atomic_cmpset_{suffix}", location, Operand(1), Operand(2)), new CIntegerLiteral(0)),
            "Load" => new CCast(signed, new CCall($"atomic_load_{suffix}", location)),
            _ => new CCall($"atomic_store_{suffix}", location, Operand(1)),
        };
    }

    // The C type a length modifier names, where it can differ from the C# argument's C type
    // (a C# long is "long" on LP64, not "long long").
    private static CType? LengthCast(string spec, char conversion)
    {
        bool signed = conversion is 'd' or 'i';
        if (conversion is not ('d' or 'i' or 'u' or 'x' or 'X' or 'o'))
        {
            return null;
        }

        if (spec.Contains("ll", System.StringComparison.Ordinal) || spec.Contains('q', System.StringComparison.Ordinal))
        {
            return new CNamedType(signed ? "long long" : "unsigned long long");
        }

        if (spec.Contains('j', System.StringComparison.Ordinal))
        {
            return new CNamedType(signed ? "intmax_t" : "uintmax_t");
        }

        return spec.Contains('z', System.StringComparison.Ordinal) ? new CNamedType(signed ? "ssize_t" : "size_t") : null;
    }

    // "-05" keeps its width: only the '0' flag goes.
    private static string KeepWidth(string spec)
    {
        int i = 0;
        var flags = new System.Text.StringBuilder();
        while (i < spec.Length && "-0+ #".Contains(spec[i], System.StringComparison.Ordinal))
        {
            if (spec[i] != '0')
            {
                flags.Append(spec[i]);
            }

            i++;
        }

        return flags.Append(spec[i..]).ToString();
    }

    // A byte span prints with "%.*s" and its length, so printf never reads past the span
    // even when it holds no NUL (the managed Printf stops at the span's end too); a buffer
    // proven to hold copyinstr's string has its NUL inside, and prints with "%s" as it is.
    private static CExpr Printf(Call call)
    {
        (FunctionLowering lowering, ImmutableArray<IArgumentOperation> arguments, FunctionLowering.LoweredArgument[] lowered) = (call.Lowering, call.Arguments, call.Lowered);
        ImmutableArray<IOperation> values = [.. arguments.Skip(1).Select(a => a.Value)];
        string format = arguments[0].Value.ConstantValue.Value as string ?? "";
        var output = ImmutableArray.CreateBuilder<CExpr>();
        var rewritten = new System.Text.StringBuilder();
        int next = 0, copied = 0;

        // The analyzer (KMS0103) has refused every format PrintfFormat finds a problem in.
        foreach (PrintfFormat.Conversion conversion in PrintfFormat.Parse(format, []))
        {
            rewritten.Append(format, copied, conversion.Start - copied).Append('%');
            copied = conversion.Start + conversion.Text.Length;
            string spec = conversion.Spec;
            int j = conversion.Start + conversion.Text.Length - 1; // the conversion character
            IOperation? value = next < values.Length ? values[next] : null;
            FunctionLowering.LoweredArgument? argument = next < values.Length ? lowered[++next] : null;
            if (value is not null && argument?.Span is var (pointer, length) && Analyzers.Subset.PrintedSpan.Prints(spec + format[j]))
            {
                if (lowering.IsCopiedString(value))
                {
                    rewritten.Append(spec).Append('s');
                }
                else
                {
                    rewritten.Append(spec).Append(".*s");
                    output.Add(length is CIntegerLiteral ? length : new CCast(CNamedType.Int, length));
                }

                output.Add(new CCast(new CPointerType(CNamedType.Char, PointeeConst: true), pointer));
            }
            else
            {
                // C ignores '0' with '-' (and gcc warns); the kernel's printf does the same.
                string flagPrefix = new([.. spec.TakeWhile(c => "-0+ #".Contains(c, System.StringComparison.Ordinal))]);
                bool leftAndZero = flagPrefix.Contains('-', System.StringComparison.Ordinal) && flagPrefix.Contains('0', System.StringComparison.Ordinal);
                rewritten.Append(leftAndZero ? KeepWidth(spec) : spec).Append(format[j]);
                if (argument?.Value is { } printed)
                {
                    output.Add(LengthCast(spec, format[j]) is { } type ? new CCast(type, printed) : printed);
                }
                else if (value is not null)
                {
                    // Analyzers.Subset.PrintedSpan (KMS0900) and KMS0302 refuse the other conversions of a span.
                    throw LoweringContext.Untranslated(value, $"printing a span with '%{spec}{format[j]}'");
                }
            }
        }

        rewritten.Append(format, copied, format.Length - copied);
        return new CCall(new CIdentifier(call.CName), [new CStringLiteral(rewritten.ToString()), .. output]);
    }
}
