using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>Reads the <c>[KernelModule]</c> classes of a compilation into module models (signatures by <see cref="FunctionBinder"/>).</summary>
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
        var syscalls = new List<(IMethodSymbol Method, AttributeData Attribute, string Id)>();
        string? load = null, unload = null, shutdown = null;
        foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>())
        {
            string id = FunctionId(method);
            if (Attribute(method, "SyscallAttribute") is { } syscall)
            {
                syscalls.Add((method, syscall, id));
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

        // A sysctl validator is called from its SYSCTL_PROC handler, so it is a root as the entries are.
        IEnumerable<IMethodSymbol> validators = type.GetMembers().OfType<IFieldSymbol>().Select(Analyzers.Subset.SysctlField.Validator).OfType<IMethodSymbol>();
        ImmutableDictionary<IMethodSymbol, FunctionModel> functions = FunctionBinder.Bind(entry.Values.Concat(validators), compilation);
        ImmutableArray<SyscallModel> models = [.. syscalls.Select(s => BindSyscall(s.Method, s.Attribute, s.Id, functions[s.Method]))];
        var model = new ModuleModel(name, version, type.Name, Locate(type), models, new ModuleHooks(load, unload, shutdown)) { StructTags = StructTags.In(type.ContainingAssembly) };
        return new BoundModule(model, compilation, entry.ToImmutable(), functions);
    }

    // The declaration rules (KMS0407, KMS0408) refuse what SyscallSignature refuses, and the module
    // is bound only when the rules found no error: a refused signature here is a compiler bug.
    private static SyscallModel BindSyscall(IMethodSymbol method, AttributeData attribute, string id, FunctionModel function)
    {
        if (method.Parameters.FirstOrDefault(p => !SyscallSignature.IsArgument(p)) is { } parameter)
        {
            throw new InternalCompilerException($"syscall parameter '{parameter.Name}' of type '{parameter.Type.ToDisplayString()}' passed the declaration rules but takes no argument slot", parameter.Locations[0]);
        }

        if (SyscallSignature.ReturnShape(method.ReturnType) is null)
        {
            throw new InternalCompilerException($"syscall return type '{method.ReturnType.ToDisplayString()}' passed the declaration rules but the ABI cannot return it", method.Locations[0]);
        }

        int? number = Named(attribute, "Number") is int n && n != SyscallAttribute.DynamicSlot ? n : null;
        string name = Named(attribute, "Name") as string ?? SnakeCase(method.Name);
        bool capability = Named(attribute, "CapabilityMode") as bool? ?? false;
        ImmutableArray<SyscallParameter> parameters = [.. function.Parameters.Select(p => new SyscallParameter(p.Name, p.Type))];
        return new SyscallModel(name, number, capability, id, method.Name, parameters, function.Return, Locate(method));
    }

    /// <summary>A stable id for a method: its documentation comment id.</summary>
    public static string FunctionId(IMethodSymbol method) => method.GetDocumentationCommentId() ?? method.ToDisplayString();

    /// <summary>
    /// <c>GetStats</c> → <c>get_stats</c>: the default syscall name, the same function the analyzer
    /// validates names with, so the name checked is the name generated.
    /// </summary>
    public static string SnakeCase(string name) => Analyzers.Subset.CIdentifiers.ToSnakeCase(name);

    internal static SourceRef Locate(ISymbol symbol) => KmsDiagnostic.Locate(symbol.Locations[0]) ?? new SourceRef("", 0, 0);

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
