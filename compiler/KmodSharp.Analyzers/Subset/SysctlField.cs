using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Subset;

/// <summary>The kinds of value a <c>[Sysctl]</c> field exposes, one per <c>SYSCTL_*</c> macro of sysctl(9).</summary>
public enum SysctlValue
{
    /// <summary><c>int</c>: <c>SYSCTL_INT</c>.</summary>
    Int,

    /// <summary><c>uint</c>: <c>SYSCTL_UINT</c>.</summary>
    UInt,

    /// <summary><c>long</c>: <c>SYSCTL_S64</c>.</summary>
    Int64,

    /// <summary><c>ulong</c>: <c>SYSCTL_U64</c>.</summary>
    UInt64,

    /// <summary><c>bool</c>: <c>SYSCTL_BOOL</c>.</summary>
    Bool,
}

/// <summary>
/// A <c>[Sysctl]</c> field of a module class: sysctl(9) has a static-OID macro for a fixed set of
/// scalar types (<c>sys/sysctl.h</c>), so the field's type must be one of them. The analyzer (KMS0900)
/// and the backend both decide here.
/// </summary>
public static class SysctlField
{
    /// <summary>The <c>[Sysctl]</c> attribute on <paramref name="field"/>, or null.</summary>
    public static AttributeData? Attribute(IFieldSymbol field)
    {
        foreach (AttributeData attribute in field.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && TranslatableApi.IsRuntimeTypeNamed(type, "SysctlAttribute"))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The kind of value a field of <paramref name="type"/> exposes, or null when no sysctl macro takes it.</summary>
    public static SysctlValue? ValueOf(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Int32 => SysctlValue.Int,
        SpecialType.System_UInt32 => SysctlValue.UInt,
        SpecialType.System_Int64 => SysctlValue.Int64,
        SpecialType.System_UInt64 => SysctlValue.UInt64,
        SpecialType.System_Boolean => SysctlValue.Bool,
        _ => null,
    };

    /// <summary>The method name <c>[Sysctl(Validator = …)]</c> gives, or null.</summary>
    public static string? ValidatorName(IFieldSymbol field) => Named(field, "Validator") as string;

    /// <summary>The validator of a <c>[Sysctl]</c> field: its <c>static bool M(T value)</c> in the module class, or null.</summary>
    public static IMethodSymbol? Validator(IFieldSymbol field) =>
        ValidatorName(field) is { } name && field.ContainingType.GetMembers(name) is { Length: 1 } members && members[0] is IMethodSymbol method && IsValidator(method, field)
            ? method
            : null;

    /// <summary>Why the validator a field names cannot check what is written to it (KMS0412), or null.</summary>
    public static string? ValidatorProblem(IFieldSymbol field)
    {
        if (ValidatorName(field) is not { } name || ValueOf(field.Type) is null)
        {
            return null;
        }

        if (Named(field, "Writable") is not true)
        {
            return "the field is read-only, so no value is ever written to validate";
        }

        ImmutableArray<ISymbol> members = field.ContainingType.GetMembers(name);
        return members.Length switch
        {
            0 => $"the module class has no member '{name}'",
            > 1 => $"'{name}' is overloaded",
            _ => members[0] switch
            {
                IMethodSymbol method when IsValidator(method, field) => null,
                IMethodSymbol method => $"it is '{method.ToDisplayString()}'",
                _ => $"'{name}' is not a method",
            },
        };
    }

    private static bool IsValidator(IMethodSymbol method, IFieldSymbol field) =>
        method is { MethodKind: MethodKind.Ordinary, IsStatic: true, IsGenericMethod: false, ReturnType.SpecialType: SpecialType.System_Boolean, Parameters.Length: 1 }
        && method.Parameters[0].RefKind == RefKind.None && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, field.Type);

    private static object? Named(IFieldSymbol field, string property)
    {
        if (Attribute(field) is not { } attribute)
        {
            return null;
        }

        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == property)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }

    /// <summary>The KMS0900 arguments for a <c>[Sysctl]</c> field whose type no sysctl macro takes, or null.</summary>
    public static (string Construct, string Reason)? Check(IFieldSymbol field) =>
        Attribute(field) is not null && ValueOf(field.Type) is null
            ? ($"[Sysctl] on a field of type '{field.Type.ToDisplayString()}'", ": a sysctl exposes int, uint, long, ulong or bool")
            : null;
}
