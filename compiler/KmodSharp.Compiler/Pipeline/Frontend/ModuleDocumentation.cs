using System.Linq;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// Adds what the userland artifacts and the man page need to a bound module: each syscall's XML
/// documentation, the errno values it can return and how it uses its user pointers, and the module class's summary.
/// </summary>
public static class ModuleDocumentation
{
    public static BoundModule Enrich(BoundModule module)
    {
        var errors = new ErrorAnalysis(module.Compilation);
        var syscalls = module.Model.Syscalls.Select(s =>
        {
            IMethodSymbol handler = module.Entry[s.HandlerId];
            return s with { Documentation = DocumentationReader.Read(handler), Errors = errors.Of(s, handler, module.Model.Name), Access = errors.AccessOf(handler) };
        });
        INamedTypeSymbol? type = module.Entry.Values.FirstOrDefault()?.ContainingType;
        string summary = type is null ? "" : DocumentationReader.Summary(type);
        return module with { Model = module.Model with { Syscalls = [.. syscalls], Summary = summary } };
    }
}
