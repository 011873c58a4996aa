using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A struct value made in code: <c>new S { Field = value, … }</c> (or <c>new S()</c>), zeroed then
/// filled field by field, or <c>s with { Field = value }</c>, a copy then filled. A constructor with arguments would run code the translator does not
/// have; a nested member initializer is not a field store. The analyzer (KMS0900) and the backend
/// both decide here (module state's initializers are <see cref="ModuleStateInitializer"/>'s).
/// </summary>
public static class StructCreation
{
    /// <summary>
    /// Whether <paramref name="creation"/> is a struct made without constructor arguments. A constructor with arguments is
    /// a call KMS0100 refuses (it is not in <see cref="TranslatableApi"/>); a class creation is a GC allocation.
    /// </summary>
    public static bool IsZeroed(IObjectCreationOperation creation) =>
        creation.Arguments.IsEmpty && creation.Type is { IsValueType: true };

    /// <summary>An initializer of a struct creation that is not a field store, or null.</summary>
    public static Untranslatable? Check(IObjectCreationOperation creation)
    {
        if (creation.Type is not { IsValueType: true })
        {
            return null;
        }

        foreach (IOperation initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (!IsFieldStore(initializer))
            {
                return new Untranslatable(initializer, $"The initializer '{initializer.Syntax}' (initialise fields with Field = value)");
            }
        }

        return null;
    }

    /// <summary>An initializer of a struct's <c>with</c> expression that is not a field store, or null.</summary>
    public static Untranslatable? Check(IWithOperation with)
    {
        if (with.Type is not { IsValueType: true })
        {
            return null;
        }

        foreach (IOperation initializer in with.Initializer.Initializers)
        {
            if (!IsFieldStore(initializer))
            {
                return new Untranslatable(initializer, $"The initializer '{initializer.Syntax}' (set fields with Field = value)");
            }
        }

        return null;
    }

    public static bool IsFieldStore(IOperation initializer) =>
        initializer is ISimpleAssignmentOperation { Target: IFieldReferenceOperation };
}
