using System.Collections.Immutable;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// How a C# method looks in C. A method that can fail where .NET would throw (a guarded division, a
/// bounds check, or a call to such a method: <see cref="CanFail"/>) returns that errno and passes its
/// C# result through trailing pointers: <c>resultp</c> for the value (an <c>Errno</c> result is a value
/// too), and <c>errorp</c> for the error of a <c>SyscallResult</c>, so a returned error and a failure
/// never share a channel. A method that cannot fail keeps its natural signature; an <c>Errno</c> or
/// <c>SyscallResult</c> one returns its error as the C result (and a <c>SyscallResult</c>'s value through <c>resultp</c>).
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
    public static readonly ImmutableArray<string> Reserved = [ThreadParameter, ResultPointer, ErrorPointer, PairFirst, PairSecond];

    public static FunctionSignature For(string module, IMethodSymbol method, string name, bool canFail, bool takesThread)
    {
        var scope = new CScope(module, Reserved);
        var names = ImmutableArray.CreateBuilder<string>();
        var lengths = ImmutableArray.CreateBuilder<string?>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            string parameterName = scope.Add(parameter.Name);
            names.Add(parameterName);
            lengths.Add(TypeBinder.Bind(parameter.Type) is KSpan ? scope.Claim(SpanLength(parameterName)) : null);
        }

        return For(method, name, canFail, takesThread, names.ToImmutable(), lengths.ToImmutable());
    }

    private static FunctionSignature For(IMethodSymbol method, string name, bool canFail, bool takesThread, ImmutableArray<string> names, ImmutableArray<string?> lengths) =>
        Build(method, name, canFail, takesThread, names, lengths) with
        {
            ParameterNames = names,
            SpanLengths = lengths,
            CanFail = canFail,
            ResultIsErrno = TypeBinder.IsRuntimeType(method.ReturnType, "Errno"),
            ResultIsSyscallResult = TypeBinder.IsRuntimeType(method.ReturnType, "SyscallResult"),
            TakesThread = takesThread,
            Thread = takesThread ? ThreadParameter : ThreadAnalysis.CallingThreadParameter(method) is { } thread ? names[thread.Ordinal] : null,
        };

    private static FunctionSignature Build(IMethodSymbol method, string name, bool canFail, bool takesThread, ImmutableArray<string> names, ImmutableArray<string?> lengths)
    {
        var parameters = ImmutableArray.CreateBuilder<CParameter>();
        if (takesThread)
        {
            parameters.Add(new CParameter(CTypeMapper.Map(KCallingThread.Instance), ThreadParameter));
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            KType type = TypeBinder.Bind(parameter.Type) ?? KInteger.Int32;
            CType cType = CTypeMapper.Map(type);
            if (parameter.RefKind is RefKind.Out or RefKind.Ref)
            {
                cType = new CPointerType(cType);
            }
            else if (parameter.RefKind is RefKind.In or RefKind.RefReadOnlyParameter)
            {
                cType = new CPointerType(cType, PointeeConst: true);
            }

            parameters.Add(new CParameter(cType, names[parameter.Ordinal]));
            if (lengths[parameter.Ordinal] is { } length)
            {
                // A span travels as its pointer and its length.
                parameters.Add(new CParameter(CNamedType.SizeT, length));
            }
        }

        ITypeSymbol returnType = method.ReturnType;
        if (TypeBinder.IsRuntimeType(returnType, "SyscallResult") && returnType is INamedTypeSymbol { TypeArguments: [var value] })
        {
            KType valueType = TypeBinder.Bind(value) ?? KInteger.Int32;
            parameters.Add(new CParameter(new CPointerType(CTypeMapper.Map(valueType)), ResultPointer));
            if (canFail)
            {
                parameters.Add(new CParameter(new CPointerType(CNamedType.Int), ErrorPointer));
            }

            return new FunctionSignature(name, parameters.ToImmutable(), CNamedType.Int, true, valueType);
        }

        KType bound = TypeBinder.Bind(returnType) ?? KVoid.Instance;
        if (bound is KPair)
        {
            parameters.Add(new CParameter(new CPointerType(new CNamedType("int64_t")), PairFirst));
            parameters.Add(new CParameter(new CPointerType(new CNamedType("int64_t")), PairSecond));
            return new FunctionSignature(name, parameters.ToImmutable(), canFail ? CNamedType.Int : CNamedType.Void, canFail, bound);
        }

        if (bound is KEnum { IsErrno: true } && !canFail)
        {
            return new FunctionSignature(name, parameters.ToImmutable(), CNamedType.Int, true, null);
        }

        if (!canFail)
        {
            return new FunctionSignature(name, parameters.ToImmutable(), CTypeMapper.Map(bound), false, bound);
        }

        if (bound is not KVoid)
        {
            parameters.Add(new CParameter(new CPointerType(CTypeMapper.Map(bound)), ResultPointer));
        }

        return new FunctionSignature(name, parameters.ToImmutable(), CNamedType.Int, true, bound);
    }
}
