using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>Reads the <c>[KernelModule]</c> classes of a compilation into module models.</summary>
public static class ModuleBinder
{
    public static ImmutableArray<BoundModule> Bind(Compilation compilation, ICollection<KmsDiagnostic> diagnostics)
    {
        var modules = ImmutableArray.CreateBuilder<BoundModule>();
        foreach (INamedTypeSymbol type in AllTypes(compilation.Assembly.GlobalNamespace))
        {
            if (Attribute(type, "KernelModuleAttribute") is { } attribute)
            {
                modules.Add(BindModule(compilation, type, attribute, diagnostics));
            }
        }

        return modules.ToImmutable();
    }

    private static BoundModule BindModule(Compilation compilation, INamedTypeSymbol type, AttributeData attribute, ICollection<KmsDiagnostic> diagnostics)
    {
        string name = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? type.Name.ToLowerInvariant();
        int version = Named(attribute, "Version") as int? ?? 1;
        var entry = ImmutableDictionary.CreateBuilder<string, IMethodSymbol>();
        var syscalls = ImmutableArray.CreateBuilder<SyscallModel>();
        string? load = null, unload = null, shutdown = null;
        foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>())
        {
            string id = FunctionId(method);
            if (Attribute(method, "SyscallAttribute") is { } syscall)
            {
                if (BindSyscall(method, syscall, id, diagnostics) is { } syscallModel)
                {
                    syscalls.Add(syscallModel);
                    entry[id] = method;
                }
            }
            else if (Attribute(method, "ModuleLoadAttribute") is not null)
            {
                (load, entry[id]) = (id, method);
            }
            else if (Attribute(method, "ModuleUnloadAttribute") is not null)
            {
                (unload, entry[id]) = (id, method);
            }
            else if (Attribute(method, "ModuleShutdownAttribute") is not null)
            {
                (shutdown, entry[id]) = (id, method);
            }
        }

        var model = new ModuleModel(name, version, type.Name, Locate(type), syscalls.ToImmutable(), new ModuleHooks(load, unload, shutdown));
        return new BoundModule(model, compilation, entry.ToImmutable());
    }

    private static SyscallModel? BindSyscall(IMethodSymbol method, AttributeData attribute, string id, ICollection<KmsDiagnostic> diagnostics)
    {
        var parameters = ImmutableArray.CreateBuilder<SyscallParameter>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            KType? type = TypeBinder.Bind(parameter.Type);
            if (type is null or KVoid or KStruct or KSpan or KPair || parameter.RefKind != RefKind.None)
            {
                Report(diagnostics, parameter, $"parameter '{parameter.Name}' of type '{parameter.Type.ToDisplayString()}'",
                    "a syscall argument must be an integer, enum, bool, UserPtr<T> or UserString");
                return null;
            }

            parameters.Add(new SyscallParameter(parameter.Name, type));
        }

        if (BindReturn(method.ReturnType) is not { } result)
        {
            Report(diagnostics, method, $"return type '{method.ReturnType.ToDisplayString()}'",
                "a syscall returns void, an integer, an enum, bool, Errno, SyscallResult<T> or (long, long)");
            return null;
        }

        int? number = Named(attribute, "Number") is int n && n != SyscallAttribute.DynamicSlot ? n : null;
        string name = Named(attribute, "Name") as string ?? SnakeCase(method.Name);
        bool capability = Named(attribute, "CapabilityMode") as bool? ?? false;
        return new SyscallModel(name, number, capability, id, method.Name, parameters.ToImmutable(), result, Locate(method));
    }

    private static SyscallReturn? BindReturn(ITypeSymbol type)
    {
        if (TypeBinder.IsRuntimeType(type, "SyscallResult") && type is INamedTypeSymbol { TypeArguments: [var value] })
        {
            return TypeBinder.Bind(value) is { } bound && IsScalar(bound) ? new SyscallReturn(SyscallReturnKind.ValueOrErrno, bound) : null;
        }

        if (type is INamedTypeSymbol { IsTupleType: true, TupleElements: [var first, var second] }
            && first.Type.SpecialType == SpecialType.System_Int64 && second.Type.SpecialType == SpecialType.System_Int64)
        {
            return new SyscallReturn(SyscallReturnKind.Pair, KInteger.Int64);
        }

        return TypeBinder.Bind(type) switch
        {
            KVoid => new SyscallReturn(SyscallReturnKind.Void, KVoid.Instance),
            KEnum { IsErrno: true } errno => new SyscallReturn(SyscallReturnKind.Errno, errno),
            { } bound when IsScalar(bound) => new SyscallReturn(SyscallReturnKind.Value, bound),
            _ => null,
        };
    }

    private static bool IsScalar(KType type) => type is KInteger or KEnum or KBool;

    private static void Report(ICollection<KmsDiagnostic> diagnostics, ISymbol symbol, string construct, string reason) =>
        diagnostics.Add(KmsDiagnostic.Create(DiagnosticDescriptors.UnsupportedConstruct, symbol.Locations[0], construct, ": " + reason));

    /// <summary>A stable id for a method: its documentation comment id.</summary>
    public static string FunctionId(IMethodSymbol method) => method.GetDocumentationCommentId() ?? method.ToDisplayString();

    /// <summary>
    /// <c>GetStats</c> → <c>get_stats</c>: the default syscall name, the same function the analyzer
    /// validates names with, so the name checked is the name generated.
    /// </summary>
    public static string SnakeCase(string name) => Analyzers.Subset.CIdentifiers.ToSnakeCase(name);

    private static SourceRef Locate(ISymbol symbol) => KmsDiagnostic.Locate(symbol.Locations[0]) ?? new SourceRef("", 0, 0);

    private static AttributeData? Attribute(ISymbol symbol, string name) => symbol.GetAttributes()
        .FirstOrDefault(a => a.AttributeClass is { } c && c.Name == name && TypeBinder.IsRuntimeType(c, name));

    private static object? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value;

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol root)
    {
        foreach (INamespaceOrTypeSymbol member in root.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (INamedTypeSymbol type in AllTypes(ns))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
            }
        }
    }
}
