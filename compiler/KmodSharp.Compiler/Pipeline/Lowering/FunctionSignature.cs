using System.Collections.Immutable;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// How a C# method looks in C. A method that can fail where .NET would throw (a guarded division, a
/// bounds check, or a call to such a method: <see cref="CanFail"/>) returns that errno and passes its
/// C# result through trailing pointers: <c>resultp</c> for the value (an <c>Errno</c> result is a value
/// too), and <c>errorp</c> for the error of a <c>SyscallResult</c>, so a returned error and a failure
/// never share a channel. A method that cannot fail keeps its natural signature; an <c>Errno</c> or
/// <c>SyscallResult</c> one returns its error as the C result (and a <c>SyscallResult</c>'s value through <c>resultp</c>).
/// A method returning a span passes its pointer and length through <c>resultp</c> and <c>result_lenp</c>.
/// A method that needs the calling thread (<see cref="ThreadAnalysis"/>) takes it first, as <c>td</c>.
/// </summary>
internal sealed record FunctionSignature(
    string Name,
    ImmutableArray<CParameter> Parameters,
    CType ReturnType,
    bool ReturnsErrno,
    KType? ValueType)
{
    /// <summary>Whether the C result is a failure (C#'s exception) that every caller passes on.</summary>
    public bool CanFail { get; private init; }

    /// <summary>Whether the C# result is an <c>Errno</c>.</summary>
    public bool ResultIsErrno { get; private init; }

    /// <summary>Whether the C# result is a <c>SyscallResult&lt;T&gt;</c>.</summary>
    public bool ResultIsSyscallResult { get; private init; }

    /// <summary>The out-pointer holding the error of a failing method's <c>SyscallResult</c>; callers set it to 0 first.</summary>
    public const string ErrorPointer = "errorp";

    /// <summary>Whether the error of the <c>SyscallResult</c> goes through <see cref="ErrorPointer"/>.</summary>
    public bool HasErrorPointer => CanFail && ResultIsSyscallResult;

    /// <summary>The leading parameter of a method that takes the calling thread.</summary>
    public const string ThreadParameter = "td";

    /// <summary>Whether the first parameter is <see cref="ThreadParameter"/>.</summary>
    public bool TakesThread { get; private init; }

    /// <summary>The C name of the calling thread inside the function, or null where it is only <c>curthread</c>.</summary>
    public string? Thread { get; private init; }

    /// <summary>The out-pointer parameter holding the value of an errno-returning method.</summary>
    public const string ResultPointer = "resultp";

    /// <summary>The out-pointer holding the length of a span result (its pointer goes through <see cref="ResultPointer"/>).</summary>
    public const string ResultLengthPointer = "result_lenp";

    /// <summary>Whether the C# result is a span: its pointer goes through <see cref="ResultPointer"/>, its length through <see cref="ResultLengthPointer"/>.</summary>
    public bool ReturnsSpan => ValueType is KSpan;

    /// <summary>The out-pointers of a <c>(long, long)</c> result: <c>td_retval[0]</c> and <c>[1]</c>.</summary>
    public const string PairFirst = "retval0p";

    /// <inheritdoc cref="PairFirst"/>
    public const string PairSecond = "retval1p";

    /// <summary>Whether the value goes through <see cref="ResultPointer"/>.</summary>
    public bool HasResultPointer => ReturnsErrno && ValueType is not null and not KVoid and not KPair;

    /// <summary>Whether the value is a pair written through <see cref="PairFirst"/> and <see cref="PairSecond"/>.</summary>
    public bool ReturnsPair => ValueType is KPair;

    /// <summary>The C name of a span parameter's length.</summary>
    public static string SpanLength(string span) => span + "_len";

    /// <summary>The C name of each C# parameter, by ordinal (one scope with the locals, <see cref="CScope"/>).</summary>
    public ImmutableArray<string> ParameterNames { get; private init; } = [];

    /// <summary>The C name of each span parameter's length, by ordinal (null for the others).</summary>
    public ImmutableArray<string?> SpanLengths { get; private init; } = [];

    /// <summary>The names the signature itself may add, which no parameter or local takes.</summary>
    public static readonly ImmutableArray<string> Reserved = [ThreadParameter, ResultPointer, ResultLengthPointer, ErrorPointer, PairFirst, PairSecond];

    /// <summary>The C signature of a method the frontend bound as <paramref name="function"/>.</summary>
    public static FunctionSignature For(string module, FunctionModel function, string name, bool canFail, bool takesThread)
    {
        var scope = new CScope(module, Reserved);
        var names = ImmutableArray.CreateBuilder<string>();
        var lengths = ImmutableArray.CreateBuilder<string?>();
        foreach (FunctionParameter parameter in function.Parameters)
        {
            string parameterName = scope.Add(parameter.Name);
            names.Add(parameterName);
            lengths.Add(parameter.Type is KSpan ? scope.Claim(SpanLength(parameterName)) : null);
        }

        return Build(function, name, canFail, takesThread, names.ToImmutable(), lengths.ToImmutable()) with
        {
            ParameterNames = names.ToImmutable(),
            SpanLengths = lengths.ToImmutable(),
            CanFail = canFail,
            ResultIsErrno = function.Return.Kind == SyscallReturnKind.Errno,
            ResultIsSyscallResult = function.Return.Kind == SyscallReturnKind.ValueOrErrno,
            TakesThread = takesThread,
            Thread = takesThread ? ThreadParameter : function.CallingThreadOrdinal is int thread ? names[thread] : null,
        };
    }

    private static FunctionSignature Build(FunctionModel function, string name, bool canFail, bool takesThread, ImmutableArray<string> names, ImmutableArray<string?> lengths)
    {
        var parameters = ImmutableArray.CreateBuilder<CParameter>();
        if (takesThread)
        {
            parameters.Add(new CParameter(CTypeMapper.Map(KCallingThread.Instance), ThreadParameter));
        }

        for (int i = 0; i < function.Parameters.Length; i++)
        {
            FunctionParameter parameter = function.Parameters[i];
            CType cType = CTypeMapper.Map(parameter.Type);
            parameters.Add(new CParameter(parameter.Passing switch
            {
                ParameterPassing.Reference => new CPointerType(cType),
                ParameterPassing.ReadOnlyReference => new CPointerType(cType, PointeeConst: true),
                _ => cType,
            }, names[i]));
            if (lengths[i] is { } length)
            {
                // A span travels as its pointer and its length.
                parameters.Add(new CParameter(CNamedType.SizeT, length));
            }
        }

        SyscallReturn result = function.Return;
        switch (result.Kind)
        {
            case SyscallReturnKind.ValueOrErrno:
                parameters.Add(new CParameter(new CPointerType(CTypeMapper.Map(result.ValueType)), ResultPointer));
                if (canFail)
                {
                    parameters.Add(new CParameter(new CPointerType(CNamedType.Int), ErrorPointer));
                }

                return new FunctionSignature(name, parameters.ToImmutable(), CNamedType.Int, true, result.ValueType);
            case SyscallReturnKind.Pair:
                parameters.Add(new CParameter(new CPointerType(new CNamedType("int64_t")), PairFirst));
                parameters.Add(new CParameter(new CPointerType(new CNamedType("int64_t")), PairSecond));
                return new FunctionSignature(name, parameters.ToImmutable(), canFail ? CNamedType.Int : CNamedType.Void, canFail, KPair.Instance);
            case SyscallReturnKind.Errno when !canFail:
                return new FunctionSignature(name, parameters.ToImmutable(), CNamedType.Int, true, null);
        }

        if (result.ValueType is KSpan span)
        {
            // A span is two values, as kernel functions return a buffer: through a pointer and a length pointer.
            parameters.Add(new CParameter(new CPointerType(CTypeMapper.Map(span)), ResultPointer));
            parameters.Add(new CParameter(new CPointerType(CNamedType.SizeT), ResultLengthPointer));
            return new FunctionSignature(name, parameters.ToImmutable(), canFail ? CNamedType.Int : CNamedType.Void, canFail, span);
        }

        if (!canFail)
        {
            return new FunctionSignature(name, parameters.ToImmutable(), CTypeMapper.Map(result.ValueType), false, result.ValueType);
        }

        if (result.Kind != SyscallReturnKind.Void)
        {
            parameters.Add(new CParameter(new CPointerType(CTypeMapper.Map(result.ValueType)), ResultPointer));
        }

        return new FunctionSignature(name, parameters.ToImmutable(), CNamedType.Int, true, result.ValueType);
    }
}
