using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Subset;

/// <summary>What kind of callee a member is, as far as translation goes.</summary>
public enum ApiKind
{
    /// <summary>Not translatable (BCL, P/Invoke, virtual or interface dispatch, generic or instance user code).</summary>
    Untranslatable,

    /// <summary>The KmodSharp runtime API (<c>KmodSharp.Kernel</c>, <c>UserPtr&lt;T&gt;</c>, locks, …): mapped to its C twin.</summary>
    Runtime,

    /// <summary>An allowed member of <c>Span&lt;T&gt;</c> / <c>ReadOnlySpan&lt;T&gt;</c>.</summary>
    SpanMember,

    /// <summary>A static, non-generic method declared in the user's source: translated as a C function.</summary>
    UserMethod,

    /// <summary><c>nint</c>/<c>nuint</c> <c>MinValue</c> and <c>MaxValue</c>, no C# constants (their width is the machine's): the C limit macros.</summary>
    NativeIntegerLimit,

    /// <summary><c>Math.Min/Max/Abs/Clamp</c> of integers and <c>BitOperations</c> (<see cref="IntegerMath"/>): libkern(9) functions or a C expression.</summary>
    IntegerMath,
}

/// <summary>
/// The one allow-list of callable members in kernel code. The analyzer (KMS0100) refuses calls
/// outside it, so the backend never lowers one; the backend reads it for <c>nint</c>/<c>nuint</c>
/// limits, and the predicates it shares with the analyzers (Subset/) use <see cref="IsRuntimeType"/>.
/// </summary>
public static class TranslatableApi
{
    /// <summary>The namespace of the runtime API.</summary>
    public const string RuntimeNamespace = "KmodSharp";

    /// <summary>The assembly that declares the runtime API.</summary>
    public const string RuntimeAssembly = "KmodSharp.Runtime";

    /// <summary>The allowed members of <c>Span&lt;T&gt;</c> and <c>ReadOnlySpan&lt;T&gt;</c> (metadata names; accessors included).</summary>
    public static ImmutableHashSet<string> SpanMembers { get; } = ImmutableHashSet.Create(
    
        "this[]", "get_Item", "Length", "get_Length", "IsEmpty", "get_IsEmpty", "Slice", "Fill", "Clear", "CopyTo",
        "op_Implicit");

    /// <summary>Classifies a method, property or constructor used by kernel code.</summary>
    public static ApiKind Classify(ISymbol member) => Classify(member, out _);

    /// <summary>Classifies a member and says why it is untranslatable.</summary>
    public static ApiKind Classify(ISymbol member, out string reason)
    {
        reason = "";
        INamedTypeSymbol? type = member.ContainingType;
        if (type is null)
        {
            reason = "it has no containing type";
            return ApiKind.Untranslatable;
        }

        if (IsRuntimeType(type))
        {
            // The runtime states which of its methods translate (RuntimeApi): a guard's or buffer's Dispose does not.
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && RuntimeApi.Find(method) is not { Translates: true })
            {
                reason = "the runtime has no kernel translation for a call of it (a lock guard or KernelBuffer is released by its 'using')";
                return ApiKind.Untranslatable;
            }

            return ApiKind.Runtime;
        }

        if (IsNativeIntegerLimit(member))
        {
            return ApiKind.NativeIntegerLimit;
        }

        if (IntegerMath.IsIntegerMath(member))
        {
            return ApiKind.IntegerMath;
        }

        if (IsSpanType(type))
        {
            if (SpanMembers.Contains(member.Name) || (member is IPropertySymbol { IsIndexer: true }))
            {
                if (member.Name == "op_Implicit" && member is IMethodSymbol conversion
                    && !(conversion.Parameters.Length == 1 && conversion.Parameters[0].Type.OriginalDefinition.Name == "Span"
                         && conversion.ReturnType.OriginalDefinition.Name == "ReadOnlySpan"))
                {
                    reason = "only the Span<T> → ReadOnlySpan<T> conversion is translatable";
                    return ApiKind.Untranslatable;
                }

                return ApiKind.SpanMember;
            }

            reason = "only the Span members indexer, Length, IsEmpty, Slice, Fill, Clear, CopyTo are translatable";
            return ApiKind.Untranslatable;
        }

        if (IsInSource(member))
        {
            if (member is IMethodSymbol method)
            {
                if (method.IsExtern || HasDllImport(method))
                {
                    reason = "P/Invoke cannot call user-space code from the kernel";
                    return ApiKind.Untranslatable;
                }

                if (method.IsVirtual || method.IsAbstract || method.IsOverride || type.TypeKind == TypeKind.Interface)
                {
                    reason = "virtual and interface dispatch are not translatable";
                    return ApiKind.Untranslatable;
                }

                return ApiKind.UserMethod;
            }

            reason = "user-declared properties and indexers are not translatable";
            return ApiKind.Untranslatable;
        }

        if (member is IMethodSymbol { IsExtern: true } || (member is IMethodSymbol m && HasDllImport(m)))
        {
            reason = "P/Invoke cannot call user-space code from the kernel";
        }
        else if (type.TypeKind == TypeKind.Interface || member.IsVirtual || member.IsAbstract || member.IsOverride)
        {
            reason = "virtual and interface dispatch are not translatable";
        }
        else
        {
            reason = "it is a .NET library member with no kernel equivalent";
        }

        return ApiKind.Untranslatable;
    }

    /// <summary>Whether <paramref name="type"/> is the runtime's <c>KmodSharp.&lt;name&gt;</c> (generic arity ignored).</summary>
    public static bool IsRuntimeTypeNamed(ITypeSymbol? type, string name) => type is not null && type.Name == name && IsInRuntimeNamespace(type);

    /// <summary>Whether <paramref name="symbol"/> is declared directly in the runtime's namespace, <c>KmodSharp</c>.</summary>
    public static bool IsInRuntimeNamespace(ISymbol symbol) =>
        symbol.ContainingNamespace is { Name: RuntimeNamespace, ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>Whether <paramref name="type"/> is a public type of the runtime API (not its simulation).</summary>
    public static bool IsRuntimeType(INamedTypeSymbol type)
    {
        INamedTypeSymbol outer = type;
        while (outer.ContainingType is not null)
        {
            outer = outer.ContainingType;
        }

        return IsInRuntimeNamespace(outer)
            && outer.ContainingAssembly?.Name == RuntimeAssembly
            && type.DeclaredAccessibility == Accessibility.Public;
    }

    private static bool IsNativeIntegerLimit(ISymbol member) =>
        member is IPropertySymbol { IsStatic: true, Name: "MinValue" or "MaxValue", ContainingType.SpecialType: SpecialType.System_IntPtr or SpecialType.System_UIntPtr };

    private static bool IsSpanType(INamedTypeSymbol type) =>
        type.Name is "Span" or "ReadOnlySpan" && type.Arity == 1
        && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    private static bool IsInSource(ISymbol member)
    {
        foreach (Location location in member.OriginalDefinition.Locations)
        {
            if (location.IsInSource)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasDllImport(IMethodSymbol method)
    {
        if (method.GetDllImportData() is not null)
        {
            return true;
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "DllImportAttribute" or "LibraryImportAttribute")
            {
                return true;
            }
        }

        return false;
    }
}
