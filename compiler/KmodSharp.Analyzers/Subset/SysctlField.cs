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

    /// <summary>The KMS0900 arguments for a <c>[Sysctl]</c> field whose type no sysctl macro takes, or null.</summary>
    public static (string Construct, string Reason)? Check(IFieldSymbol field) =>
        Attribute(field) is not null && ValueOf(field.Type) is null
            ? ($"[Sysctl] on a field of type '{field.Type.ToDisplayString()}'", ": a sysctl exposes int, uint, long, ulong or bool")
            : null;
}
