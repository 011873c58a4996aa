using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>The initial value of module state, as far as translation goes.</summary>
public abstract class InitialValue
{
}

/// <summary>A constant of the field's type (<c>7</c>, <c>'A'</c>, <c>(char)65</c>, <c>Speed.Fast</c>, <c>true</c>, <c>default</c>).</summary>
public sealed class InitialConstant : InitialValue
{
    public InitialConstant(object? value) => Value = value;

    public object? Value { get; }
}

/// <summary><c>nint.MinValue</c>, <c>nuint.MaxValue</c> …: a limit of a native integer, constant in C but not in C#.</summary>
public sealed class InitialNativeLimit : InitialValue
{
    public InitialNativeLimit(IPropertyReferenceOperation limit) => Limit = limit;

    public IPropertyReferenceOperation Limit { get; }
}

/// <summary><c>new S { Field = …, … }</c> (or <c>new()</c>): the fields given, each with its own initial value; the others zero.</summary>
public sealed class InitialFields : InitialValue
{
    public InitialFields(ImmutableArray<KeyValuePair<IFieldSymbol, InitialValue>> fields) => Fields = fields;

    public ImmutableArray<KeyValuePair<IFieldSymbol, InitialValue>> Fields { get; }
}

/// <summary>
/// What a static field's initializer may be. Module state is the C file's initialised data, so it
/// starts with its C# value before any code of the module runs: a constant, <c>default</c>, or
/// <c>new S { Field = constant, … }</c> (nested). An initializer that would run code (a call,
/// another field, a constructor with arguments) is KMS0900. The analyzer and the backend's
/// initializer both read initializers here, so they accept the same ones.
/// </summary>
public static class ModuleStateInitializer
{
    /// <summary>The initial value <paramref name="value"/> gives, or null (adding to <paramref name="untranslatable"/>) for one that would run code.</summary>
    public static InitialValue? Read(IOperation value, List<Untranslatable> untranslatable)
    {
        switch (value)
        {
            case { ConstantValue.HasValue: true }:
                return new InitialConstant(value.ConstantValue.Value);
            case IDefaultValueOperation or IConversionOperation { Operand: IDefaultValueOperation }:
                return new InitialConstant(null);
            case IPropertyReferenceOperation { Property: var limit } property when TranslatableApi.Classify(limit) == ApiKind.NativeIntegerLimit:
                return new InitialNativeLimit(property);
            case IObjectCreationOperation { Arguments.IsEmpty: true, Type.IsValueType: true } creation:
                return Fields(creation, untranslatable);
            case IConversionOperation { Operand: var operand } conversion when SymbolEqualityComparer.Default.Equals(operand.Type, conversion.Type):
                // Target-typed "new() { … }".
                return Read(operand, untranslatable);
            default:
                untranslatable.Add(new Untranslatable(value,
                    $"The static initializer '{value.Syntax}' (module state starts with constant values: a constant, default, or new S {{ Field = constant, … }}; compute others in [ModuleLoad])"));
                return null;
        }
    }

    private static InitialFields Fields(IObjectCreationOperation creation, List<Untranslatable> untranslatable)
    {
        var fields = ImmutableArray.CreateBuilder<KeyValuePair<IFieldSymbol, InitialValue>>();
        foreach (IOperation initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Field: var field } } assignment)
            {
                untranslatable.Add(new Untranslatable(initializer, $"The initializer '{initializer.Syntax}' (initialise fields with Field = value)"));
                continue;
            }

            if (Read(assignment.Value, untranslatable) is { } member)
            {
                fields.Add(new KeyValuePair<IFieldSymbol, InitialValue>(field, member));
            }
        }

        return new InitialFields(fields.ToImmutable());
    }
}
