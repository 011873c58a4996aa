using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// Options of a translation: <c>#line</c> directives, <paramref name="InTree"/> for a syscall
/// compiled into the kernel (the seed's "method 2": no SYSCALL_MODULE, the table entry comes
/// from syscalls.master) rather than a loadable module, and <paramref name="SourcePaths"/>, how
/// <c>#line</c> names the C# files in files written to disk (without it, by their full paths,
/// which tools that compile the C in place, such as <c>verify</c>, read back).
/// </summary>
public sealed record LoweringOptions(bool LineDirectives = true, bool InTree = false, SourcePathMap? SourcePaths = null);

/// <summary>
/// Module-wide lowering state: the C name and signature of every C# method translated so far,
/// the helpers still to translate (in call order), and the diagnostics.
/// </summary>
internal sealed class LoweringContext(BoundModule module, LoweringOptions options)
{
    private readonly Dictionary<IMethodSymbol, FunctionSignature> signatures = new(SymbolEqualityComparer.Default);
    private readonly Queue<IMethodSymbol> pending = new();
    private readonly Dictionary<IFieldSymbol, string> stateNames = new(SymbolEqualityComparer.Default);
    // File-scope C names: functions and module state share one namespace in C.
    private readonly HashSet<string> fileScopeNames =
    [
        module.Model.Name + "_modevent",
        .. module.Model.Syscalls.SelectMany(s => new[] { CNames.SyscallEntry(module.Model, s), CNames.Sysent(module.Model, s), CNames.SyscallOffset(module.Model, s) }),
    ];

    public BoundModule Module { get; } = module;

    public LoweringOptions Options { get; } = options;

    public FailureAnalysis Failures { get; } = new();

    public StateAnalysis State { get; } = new();

    public ThreadAnalysis Threads { get; } = new();

    /// <summary>The user enums the C code names.</summary>
    public UserEnums Enums { get; } = new(module.Model);

    /// <summary>The C signature of a method, queuing it for translation the first time it is seen.</summary>
    public FunctionSignature SignatureOf(IMethodSymbol method)
    {
        if (!signatures.TryGetValue(method, out FunctionSignature? signature))
        {
            FunctionModel function = Module.Functions.GetValueOrDefault(method)
                ?? throw new InternalCompilerException($"'{method.ToDisplayString()}' is translated but the frontend bound no signature for it", method.Locations.FirstOrDefault());
            signature = FunctionSignature.For(Module.Model.Name, function, UniqueFunctionName(method), Failures.CanFail(method), Threads.TakesThread(method));
            signatures.Add(method, signature);
            pending.Enqueue(method);
        }

        return signature;
    }

    // A local function is named after its container (<module>_<method>_<local>); two C# methods or
    // fields that would get the same C name (a field "calls" and a method "Calls", the same name in
    // two classes, a local function's twin) are numbered.
    private string UniqueFunctionName(IMethodSymbol method)
    {
        string stem = method is { MethodKind: MethodKind.LocalFunction, ContainingSymbol: IMethodSymbol container }
            ? CNames.Function(Module.Model.Name, container.Name) + "_" + ModuleBinder.SnakeCase(method.Name)
            : CNames.Function(Module.Model.Name, method.Name);
        return UniqueFileScopeName(stem);
    }

    private string UniqueFileScopeName(string stem)
    {
        stem = CNames.FileScopeStem(stem);
        string name = stem;
        for (int i = 2; !CNames.IsFreeGlobal(name) || !fileScopeNames.Add(name); i++)
        {
            name = $"{stem}_{i}";
        }

        return name;
    }

    /// <summary>Module state fields referenced so far, in first-use order.</summary>
    public List<IFieldSymbol> StateFields { get; } = [];

    /// <summary>Call edges between translated methods (caller → callees), for ordering definitions.</summary>
    public Dictionary<IMethodSymbol, List<IMethodSymbol>> Calls { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The C global behind a static field of kernel code, or null when the field is not module state.</summary>
    public string? StateName(IFieldSymbol field)
    {
        if (field.IsConst || field.DeclaringSyntaxReferences.Length == 0)
        {
            return null;
        }

        if (!stateNames.TryGetValue(field, out string? name))
        {
            name = UniqueFileScopeName(CNames.ModulePrefixed(Module.Model.Name, Frontend.ModuleBinder.SnakeCase(field.Name.TrimStart('_'))));
            stateNames.Add(field, name);
            StateFields.Add(field);

            // A struct that only module state uses still needs its definition.
            if (TypeBinder.Bind(field.Type) is KStruct structure)
            {
                UseStruct(structure);
            }
        }

        return name;
    }

    /// <summary>The constant tables referenced so far (<see cref="Table"/>), in first-use order.</summary>
    public List<CConstantTable> Tables { get; } = [];

    private readonly Dictionary<object, CConstantTable> tables = [];

    /// <summary>
    /// The file-scope array of a constant table, declared on first use: one per table property, and
    /// one per collection expression or UTF-8 literal written in a method (keyed by its syntax).
    /// </summary>
    public CConstantTable Table(object key, string stem, System.Func<(CType Element, ImmutableArray<CExpr> Values)> contents)
    {
        if (!tables.TryGetValue(key, out CConstantTable? table))
        {
            (CType element, ImmutableArray<CExpr> values) = contents();
            table = new CConstantTable(element, UniqueFileScopeName(CNames.ModulePrefixed(Module.Model.Name, Frontend.ModuleBinder.SnakeCase(stem.TrimStart('_')))), values);
            tables.Add(key, table);
            Tables.Add(table);
        }

        return table;
    }

    /// <summary>The module's malloc type (<c>MALLOC_DEFINE</c>d when first used).</summary>
    public string MallocType()
    {
        UsesMalloc = true;
        return CNames.MallocType(Module.Model.Name);
    }

    public bool UsesMalloc { get; private set; }

    /// <summary>User structs the C code uses, in first-use order (nested structs before their users).</summary>
    public List<KStruct> Structs { get; } = [];

    public void UseStruct(KStruct type)
    {
        // Each binding makes a new record; the C struct is one per tag.
        if (Structs.Exists(s => s.Tag == type.Tag))
        {
            return;
        }

        foreach (KField field in type.Fields)
        {
            if (field.Type is KStruct nested)
            {
                UseStruct(nested);
            }
        }

        Structs.Add(type);
    }

    public void RecordCall(IMethodSymbol caller, IMethodSymbol callee)
    {
        if (!Calls.TryGetValue(caller, out List<IMethodSymbol>? callees))
        {
            Calls[caller] = callees = [];
        }

        callees.Add(callee);
    }

    public bool TryDequeue(out IMethodSymbol method) => pending.TryDequeue(out method!);

    public KType TypeOf(ITypeSymbol type, IOperation at)
    {
        KType bound = TypeBinder.BindAccepted(type, at.Syntax.GetLocation());
        if (bound is KStruct structure)
        {
            UseStruct(structure);
        }
        else if (bound is KUserPointer { Pointee: KStruct pointee })
        {
            UseStruct(pointee);
        }

        return bound;
    }

    /// <summary>
    /// The bug report for a construct the rule set let through but lowering cannot translate: the
    /// rules (KMS0900 and the others) decide what translates, so reaching this means they disagree.
    /// </summary>
    public static InternalCompilerException Untranslated(IOperation at, string construct) =>
        new($"lowering has no translation for {construct}, which the rule set accepted", at.Syntax.GetLocation());

    public CSourceLocation? LocationOf(IOperation operation) => LocationOf(operation.Syntax.GetLocation());

    public CSourceLocation? LocationOf(ISymbol symbol) => LocationOf(symbol.Locations[0]);

    private CSourceLocation? LocationOf(Location location)
    {
        if (!Options.LineDirectives || !location.IsInSource)
        {
            return null;
        }

        FileLinePositionSpan span = location.GetMappedLineSpan();
        if (Options.SourcePaths is not { } sourcePaths)
        {
            return new CSourceLocation(span.Path, span.StartLinePosition.Line + 1);
        }

        // A C# #line naming a relative file means it beside the file that says so, as csc resolves it.
        string path = System.IO.Path.IsPathRooted(span.Path) || location.SourceTree?.FilePath is not { Length: > 0 } containing
            ? span.Path
            : System.IO.Path.GetFullPath(span.Path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(containing))!);
        return new CSourceLocation(sourcePaths.Name(path, Module.Model.Name), span.StartLinePosition.Line + 1);
    }
}
