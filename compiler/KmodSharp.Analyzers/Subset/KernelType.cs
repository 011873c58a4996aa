using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>The kinds of kernel type a C# type maps to.</summary>
public enum KernelTypeKind
{
    Void,
    Bool,
    Integer,
    Enum,
    UserPointer,
    Span,
    Pair,
    UserString,
    CallingThread,
    Struct,
}

/// <summary>
/// Whether a C# type has a kernel type, and which kind: the one answer the compiler's binder maps
/// from and the analyzer (KMS0900) refuses by, so a value the analyzers let through always binds.
/// </summary>
public static class KernelType
{
    /// <summary>The kind of kernel type <paramref name="type"/> maps to, or null when kernel code cannot use it.</summary>
    public static KernelTypeKind? KindOf(ITypeSymbol type) => KindOf(type, 0);

    // A struct cannot hold itself (CS0523), but code that does not compile still reaches the analyzers.
    private const int MaxDepth = 16;

    private static KernelTypeKind? KindOf(ITypeSymbol type, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Void: return KernelTypeKind.Void;
            case SpecialType.System_Boolean: return KernelTypeKind.Bool;
            case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Char or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64
                or SpecialType.System_UInt64 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr:
                return KernelTypeKind.Integer;
        }

        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        if (named is { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            return KindOf(underlying, depth + 1) == KernelTypeKind.Integer ? KernelTypeKind.Enum : null;
        }

        if (TranslatableApi.IsRuntimeTypeNamed(named, "UserPtr") && named.TypeArguments.Length == 1)
        {
            return KindOf(named.TypeArguments[0], depth + 1) is { } bound && bound != KernelTypeKind.Void ? KernelTypeKind.UserPointer : null;
        }

        if (named is { Name: "Span" or "ReadOnlySpan", TypeArguments.Length: 1, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return KindOf(named.TypeArguments[0], depth + 1) is KernelTypeKind.Integer or KernelTypeKind.Bool or KernelTypeKind.Enum or KernelTypeKind.Struct ? KernelTypeKind.Span : null;
        }

        if (PairResult.IsPairType(named))
        {
            return KernelTypeKind.Pair;
        }

        if (TranslatableApi.IsRuntimeTypeNamed(named, "UserString"))
        {
            return KernelTypeKind.UserString;
        }

        if (TranslatableApi.IsRuntimeTypeNamed(named, "CallingThread"))
        {
            return KernelTypeKind.CallingThread;
        }

        return IsUserStruct(named) && HasCLayout(named, depth) ? KernelTypeKind.Struct : null;
    }

    // StructLayouts lays it out as the CLR does; C gives it that layout when its fields are naturally
    // aligned and each is a scalar, an enum, a user address or such a struct.
    private static bool HasCLayout(INamedTypeSymbol type, int depth) =>
        StructLayouts.Of(type) is { NoCEquivalent: null } layout
        && layout.Fields.All(f => KindOf(f.ElementType, depth + 1) is KernelTypeKind.Integer or KernelTypeKind.Bool or KernelTypeKind.Enum
            or KernelTypeKind.Struct or KernelTypeKind.UserPointer or KernelTypeKind.UserString);

    /// <summary>Whether the type has a kernel type.</summary>
    public static bool Exists(ITypeSymbol type) => KindOf(type) is not null;

    /// <summary>
    /// The part of a value's type that has no kernel type, displayed, when no other rule covers it:
    /// a value type that is neither managed (KMS0003), floating-point (KMS0004), a pointer (KMS0200)
    /// nor a runtime type or tuple with rules of its own; it may be the T of a <c>UserPtr&lt;T&gt;</c> or a span.
    /// </summary>
    public static string? Missing(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } generic
            && (TranslatableApi.IsRuntimeTypeNamed(generic, "UserPtr") || generic is { Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System" }))
        {
            return Exists(type) ? null : Missing(generic.TypeArguments[0]) ?? generic.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        }

        if (!type.IsUnmanagedType || type.TypeKind is not (TypeKind.Struct or TypeKind.Enum) || type is INamedTypeSymbol { IsTupleType: true }
            || type.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal
            || TranslatableApi.IsInRuntimeNamespace(type) || Exists(type))
        {
            return null;
        }

        return type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
    }

    /// <summary>KMS0900's words after the construct for a value of <paramref name="type"/>, whose part <paramref name="missing"/> (from <see cref="Missing"/>) has no kernel type.</summary>
    public static string OfType(ITypeSymbol type, string missing)
    {
        string full = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        return " of type '" + full + "', " + (full == missing ? "which" : "whose '" + missing + "'")
            + " has no kernel type (use integers, enums, bool, UserPtr<T>, spans and structs of them with a C layout)";
    }

    /// <summary>
    /// A value made in an expression (a library field such as <c>DateTime.MinValue</c>, a <c>default</c>,
    /// a <c>new</c>) whose type has no kernel type, unless it initialises or is assigned to a declaration,
    /// or is passed to a parameter declared in source, which reports it there.
    /// </summary>
    public static Untranslatable? Check(IOperation value)
    {
        if (value.Type is not { } type || Missing(type) is not { } missing
            || value is IFieldReferenceOperation { Field: var field } && field.Locations.Any(l => l.IsInSource)
            || value is IObjectCreationOperation { Constructor: { IsImplicitlyDeclared: false } constructor } && TranslatableApi.Classify(constructor) == ApiKind.Untranslatable)
        {
            return null;
        }

        IOperation? parent = value.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        // A library constructor, or a library member read from the value, is KMS0100's to report.
        ISymbol? readMember = parent switch
        {
            IMemberReferenceOperation { Member: var member } reference when reference.Instance == value => member,
            IInvocationOperation { TargetMethod: var method } call when call.Instance == value => method,
            _ => null,
        };
        if (readMember is not null && TranslatableApi.Classify(readMember) == ApiKind.Untranslatable)
        {
            return null;
        }

        bool declared = parent is IVariableInitializerOperation or IFieldInitializerOperation or IReturnOperation
            || parent is IArgumentOperation { Parameter: { } parameter } && parameter.Locations.Any(l => l.IsInSource)
            || parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation or IParameterReferenceOperation }
            || parent is ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Field: var target } } && target.Locations.Any(l => l.IsInSource);
        return declared ? null : new Untranslatable(value, "A value" + OfType(type, missing));
    }

    /// <summary>
    /// A struct declared in the module's source (a library struct's fields are its own private business),
    /// not generic: laid out as a C struct.
    /// </summary>
    public static bool IsUserStruct(INamedTypeSymbol type) =>
        type.Locations.Any(l => l.IsInSource) && type.TypeKind == TypeKind.Struct && type.IsUnmanagedType && !TranslatableApi.IsInRuntimeNamespace(type)
        && !type.IsGenericType && type.SpecialType == SpecialType.None && !type.IsTupleType;
}
