using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>What the runtime states about one of its methods, read from the attributes on it.</summary>
public sealed class RuntimeMethod
{
    internal RuntimeMethod(IMethodSymbol method, string? cName, bool translated, string? userParameter, bool writesUser, ImmutableArray<string> errors, bool maySleep,
        bool takesThread, string? nulTerminatedParameter, string? formatParameter)
    {
        Translates = cName is not null || translated;
        Method = method;
        CName = cName;
        UserParameter = userParameter;
        WritesUser = writesUser;
        Errors = errors;
        MaySleep = maySleep;
        TakesThread = takesThread;
        NulTerminatedParameter = nulTerminatedParameter;
        FormatParameter = formatParameter;
    }

    /// <summary>The method as declared (generic methods unconstructed).</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The C function it translates to (<c>[CName]</c>), or null.</summary>
    public string? CName { get; }

    /// <summary>Whether a call of it translates: it has a <c>[CName]</c> or is <c>[Translated]</c> by a rule of its own.</summary>
    public bool Translates { get; }

    /// <summary>The parameter holding the user address it reads or writes (<c>[ReadsUserMemory]</c>, <c>[WritesUserMemory]</c>), or null.</summary>
    public string? UserParameter { get; }

    /// <summary>Whether it writes user memory (else, with a <see cref="UserParameter"/>, it reads it).</summary>
    public bool WritesUser { get; }

    /// <summary>Whether it reads user memory: each such call is a fetch.</summary>
    public bool ReadsUser => UserParameter is not null && !WritesUser;

    /// <summary>Whether it reads or writes user memory.</summary>
    public bool TouchesUser => UserParameter is not null;

    /// <summary>The errno names it can fail with (<c>[MayFailWith]</c>), in declaration order.</summary>
    public ImmutableArray<string> Errors { get; }

    /// <summary>Whether its result must be checked: it can fail.</summary>
    public bool MustBeChecked => !Errors.IsEmpty;

    /// <summary>Whether it may sleep (<c>[MaySleep]</c>).</summary>
    public bool MaySleep { get; }

    /// <summary>Whether its kernel function takes the calling thread first (<c>[TakesCallingThread]</c>).</summary>
    public bool TakesThread { get; }

    /// <summary>The byte-span parameter it leaves a NUL-terminated string in on success (<c>[NulTerminates]</c>), or null.</summary>
    public string? NulTerminatedParameter { get; }

    /// <summary>Its <c>printf(9)</c> format parameter (<c>[PrintfFormat]</c>), or null.</summary>
    public string? FormatParameter { get; }

    /// <summary>The argument of <paramref name="call"/>'s user-address parameter, or null.</summary>
    public IArgumentOperation? UserArgument(IInvocationOperation call) => Argument(call, UserParameter);

    /// <summary>The argument of <paramref name="call"/>'s format parameter, or null.</summary>
    public IArgumentOperation? FormatArgument(IInvocationOperation call) => Argument(call, FormatParameter);

    private static IArgumentOperation? Argument(IInvocationOperation call, string? parameter)
    {
        foreach (IArgumentOperation argument in call.Arguments)
        {
            if (parameter is not null && argument.Parameter?.Name == parameter)
            {
                return argument;
            }
        }

        return null;
    }
}

/// <summary>
/// The one table of the runtime API: for each method of <c>KmodSharp.Runtime</c> that carries
/// <c>[CName]</c>, <c>[Translated]</c>, <c>[ReadsUserMemory]</c>, <c>[WritesUserMemory]</c>, <c>[MayFailWith]</c>,
/// <c>[MaySleep]</c>, <c>[TakesCallingThread]</c>, <c>[NulTerminates]</c> or <c>[PrintfFormat]</c>, what those say. Built once per runtime assembly symbol (shared by every
/// compilation that references the same runtime) and read by the analyzers, the errno analysis
/// and the intrinsics, so adding a kernel API is one attribute and one lowering rule.
/// </summary>
public sealed class RuntimeApi
{
    private static readonly ConditionalWeakTable<IAssemblySymbol, RuntimeApi> Cache = new();

    private readonly Dictionary<IMethodSymbol, RuntimeMethod> methods;

    private RuntimeApi(IAssemblySymbol runtime)
    {
        methods = new Dictionary<IMethodSymbol, RuntimeMethod>(SymbolEqualityComparer.Default);
        foreach (INamespaceSymbol ns in runtime.GlobalNamespace.GetNamespaceMembers())
        {
            if (ns.Name != TranslatableApi.RuntimeNamespace)
            {
                continue;
            }

            foreach (INamedTypeSymbol type in ns.GetTypeMembers())
            {
                if (!TranslatableApi.IsRuntimeType(type))
                {
                    continue;
                }

                foreach (ISymbol member in type.GetMembers())
                {
                    if (member is IMethodSymbol { DeclaredAccessibility: Accessibility.Public } method && Read(method) is { } entry)
                    {
                        methods[method] = entry;
                    }
                }
            }
        }

        Methods = ImmutableArray.CreateRange(methods.Values);
    }

    /// <summary>Every method the attributes describe.</summary>
    public ImmutableArray<RuntimeMethod> Methods { get; }

    /// <summary>The table of the runtime that declares <paramref name="runtime"/>.</summary>
    public static RuntimeApi Of(IAssemblySymbol runtime) => Cache.GetValue(runtime, r => new RuntimeApi(r));

    /// <summary>What the runtime states about <paramref name="method"/>, or null when it is no described runtime method.</summary>
    public static RuntimeMethod? Find(IMethodSymbol? method)
    {
        IMethodSymbol? declared = method?.ReducedFrom ?? method?.OriginalDefinition;
        if (declared?.ContainingType is not { } type || !TranslatableApi.IsRuntimeType(type))
        {
            return null;
        }

        return Of(declared.ContainingAssembly).methods.TryGetValue(declared, out RuntimeMethod? entry) ? entry : null;
    }

    private static RuntimeMethod? Read(IMethodSymbol method)
    {
        string? cName = null, userParameter = null, nulTerminated = null, format = null;
        bool translated = false, writes = false, sleeps = false, takesThread = false, described = false;
        ImmutableArray<string> errors = ImmutableArray<string>.Empty;
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is not { ContainingNamespace.Name: TranslatableApi.RuntimeNamespace } attributeClass)
            {
                continue;
            }

            switch (attributeClass.Name)
            {
                case "CNameAttribute":
                    cName = Text(attribute);
                    break;
                case "TranslatedAttribute":
                    translated = true;
                    break;
                case "ReadsUserMemoryAttribute":
                    userParameter = Text(attribute);
                    break;
                case "WritesUserMemoryAttribute":
                    userParameter = Text(attribute);
                    writes = true;
                    break;
                case "MayFailWithAttribute":
                    errors = ErrnoNames(attribute);
                    break;
                case "MaySleepAttribute":
                    sleeps = true;
                    break;
                case "TakesCallingThreadAttribute":
                    takesThread = true;
                    break;
                case "NulTerminatesAttribute":
                    nulTerminated = Text(attribute);
                    break;
                case "PrintfFormatAttribute":
                    format = Text(attribute);
                    break;
                default:
                    continue;
            }

            described = true;
        }

        return described ? new RuntimeMethod(method, cName, translated, userParameter, writes, errors, sleeps, takesThread, nulTerminated, format) : null;
    }

    private static string? Text(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

    // params Errno[]: each value named by the Errno field that holds it.
    private static ImmutableArray<string> ErrnoNames(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Array, Type: IArrayTypeSymbol { ElementType: INamedTypeSymbol errno } } array)
        {
            return ImmutableArray<string>.Empty;
        }

        var names = new Dictionary<object, string>();
        foreach (ISymbol member in errno.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value } field && !names.ContainsKey(value))
            {
                names[value] = field.Name;
            }
        }

        ImmutableArray<string>.Builder builder = ImmutableArray.CreateBuilder<string>();
        foreach (TypedConstant value in array.Values)
        {
            if (value.Value is { } number && names.TryGetValue(number, out string? name))
            {
                builder.Add(name);
            }
        }

        return builder.ToImmutable();
    }
}
