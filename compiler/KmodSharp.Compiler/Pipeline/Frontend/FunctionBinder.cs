using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// Binds the signature of every method a module translates: its entry points (handlers and hooks)
/// and, through their bodies, every user method they call. The rules (KMS0100, KMS0900 and the
/// declaration rules) ran first and found no error, so a type that does not bind here is a compiler bug.
/// </summary>
internal static class FunctionBinder
{
    public static ImmutableDictionary<IMethodSymbol, FunctionModel> Bind(IEnumerable<IMethodSymbol> entries, Compilation compilation)
    {
        var functions = ImmutableDictionary.CreateBuilder<IMethodSymbol, FunctionModel>(SymbolEqualityComparer.Default);
        var pending = new Stack<IMethodSymbol>(entries);
        while (pending.Count > 0)
        {
            IMethodSymbol method = pending.Pop();
            if (functions.ContainsKey(method))
            {
                continue;
            }

            functions[method] = Bind(method);
            foreach (IInvocationOperation call in MethodBodies.Of(method, compilation)?.DescendantsAndSelf().OfType<IInvocationOperation>() ?? [])
            {
                // What lowering translates as a C function call (FunctionLowering.Calls).
                if (call.Instance is null && TranslatableApi.Classify(call.TargetMethod) is ApiKind.UserMethod)
                {
                    pending.Push(call.TargetMethod);
                }
            }
        }

        return functions.ToImmutable();
    }

    /// <summary>The kernel signature of <paramref name="method"/>.</summary>
    public static FunctionModel Bind(IMethodSymbol method)
    {
        var parameters = ImmutableArray.CreateBuilder<FunctionParameter>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            KType type = TypeBinder.BindAccepted(parameter.Type, parameter.Locations.FirstOrDefault());
            parameters.Add(new FunctionParameter(parameter.Name, type, Passing(parameter.RefKind)));
        }

        SyscallReturn result = Return(method.ReturnType)
            ?? throw new InternalCompilerException($"return type '{method.ReturnType.ToDisplayString()}' of '{method.Name}' passed the rules but has no kernel type", method.Locations.FirstOrDefault());
        return new FunctionModel(method.Name, parameters.ToImmutable(), result, ModuleBinder.Locate(method));
    }

    private static ParameterPassing Passing(RefKind kind) => kind switch
    {
        RefKind.Ref or RefKind.Out => ParameterPassing.Reference,
        RefKind.In or RefKind.RefReadOnlyParameter => ParameterPassing.ReadOnlyReference,
        _ => ParameterPassing.Value,
    };

    // The shape is the rules' (SyscallSignature.ResultShape); only the value's kernel type is bound here.
    private static SyscallReturn? Return(ITypeSymbol type) => SyscallSignature.ResultShape(type) switch
    {
        SyscallReturnShape.Void => new SyscallReturn(SyscallReturnKind.Void, KVoid.Instance),
        SyscallReturnShape.Errno when TypeBinder.Bind(type) is KEnum { IsErrno: true } errno => new SyscallReturn(SyscallReturnKind.Errno, errno),
        SyscallReturnShape.ValueOrErrno when TypeBinder.Bind(((INamedTypeSymbol)type).TypeArguments[0]) is { } value and not KVoid => new SyscallReturn(SyscallReturnKind.ValueOrErrno, value),
        SyscallReturnShape.Pair => new SyscallReturn(SyscallReturnKind.Pair, KInteger.Int64),
        // A KernelBuffer returned to the caller (ownership passes): its pointer and length, as a span's.
        SyscallReturnShape.Value when TypeBinder.IsRuntimeType(type, "KernelBuffer") && type is INamedTypeSymbol { TypeArguments: [var element] } =>
            new SyscallReturn(SyscallReturnKind.Value, new KSpan(TypeBinder.BindAccepted(element, null), IsReadOnly: false)),
        SyscallReturnShape.Value when TypeBinder.Bind(type) is { } value and not KVoid => new SyscallReturn(SyscallReturnKind.Value, value),
        _ => null,
    };
}
