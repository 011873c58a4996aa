using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>Reads the <c>[KernelModule]</c> classes of a compilation into module models.</summary>
public static class ModuleBinder
{
    public static ImmutableArray<BoundModule> Bind(Compilation compilation)
    {
        var modules = ImmutableArray.CreateBuilder<BoundModule>();
        foreach (INamedTypeSymbol type in AllTypes(compilation.Assembly.GlobalNamespace))
        {
            if (Attribute(type, "KernelModuleAttribute") is { } attribute)
            {
                modules.Add(BindModule(compilation, type, attribute));
            }
        }

        return modules.ToImmutable();
    }

    private static BoundModule BindModule(Compilation compilation, INamedTypeSymbol type, AttributeData attribute)
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
                syscalls.Add(BindSyscall(method, syscall, id));
                entry[id] = method;
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

    // The declaration rules (KMS0407, KMS0408) refuse what SyscallSignature refuses, and the module
    // is bound only when the rules found no error: a refused signature here is a compiler bug.
    private static SyscallModel BindSyscall(IMethodSymbol method, AttributeData attribute, string id)
    {
        var parameters = ImmutableArray.CreateBuilder<SyscallParameter>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (!SyscallSignature.IsArgument(parameter) || TypeBinder.Bind(parameter.Type) is not { } type)
            {
                throw new InternalCompilerException($"syscall parameter '{parameter.Name}' of type '{parameter.Type.ToDisplayString()}' passed the declaration rules but has no kernel type", parameter.Locations[0]);
            }

            parameters.Add(new SyscallParameter(parameter.Name, type));
        }

        SyscallReturn result = BindReturn(method.ReturnType)
            ?? throw new InternalCompilerException($"syscall return type '{method.ReturnType.ToDisplayString()}' passed the declaration rules but has no kernel type", method.Locations[0]);
        int? number = Named(attribute, "Number") is int n && n != SyscallAttribute.DynamicSlot ? n : null;
        string name = Named(attribute, "Name") as string ?? SnakeCase(method.Name);
        bool capability = Named(attribute, "CapabilityMode") as bool? ?? false;
        return new SyscallModel(name, number, capability, id, method.Name, parameters.ToImmutable(), result, Locate(method));
    }

    private static SyscallReturn? BindReturn(ITypeSymbol type) => SyscallSignature.ReturnShape(type) switch
    {
        SyscallReturnShape.Void => new SyscallReturn(SyscallReturnKind.Void, KVoid.Instance),
        SyscallReturnShape.Errno when TypeBinder.Bind(type) is KEnum { IsErrno: true } errno => new SyscallReturn(SyscallReturnKind.Errno, errno),
        SyscallReturnShape.Value when TypeBinder.Bind(type) is { } value => new SyscallReturn(SyscallReturnKind.Value, value),
        SyscallReturnShape.ValueOrErrno when TypeBinder.Bind(((INamedTypeSymbol)type).TypeArguments[0]) is { } value => new SyscallReturn(SyscallReturnKind.ValueOrErrno, value),
        SyscallReturnShape.Pair => new SyscallReturn(SyscallReturnKind.Pair, KInteger.Int64),
        _ => null,
    };

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
