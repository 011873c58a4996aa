using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Numerics;
using KmodSharp.Compiler.CTree;
using KmodSharp.Compiler.Frontend;
using KmodSharp.Compiler.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Lowering;

/// <summary>
/// The C initializer of a static field: module state is in the C file's data, so it starts with its
/// C# value before any code of the module runs. A constant is a literal of the field's type, a
/// struct a designated initializer (<c>new Config { Max = 16, Limits = new() { Low = 1 } }</c> →
/// <c>{ .Max = 16, .Limits = { .Low = 1, }, }</c>); zero (no initializer, <c>default</c>, <c>new S()</c>)
/// is static storage's own value. Anything that would run code is reported.
/// </summary>
internal static class StaticInitializer
{
    /// <summary>The initializer, or null for zero (after reporting one that is not a constant).</summary>
    public static CExpr? Of(LoweringContext context, IFieldSymbol field)
    {
        if (field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } syntax }
            || context.Module.Compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax) is not IFieldInitializerOperation { Value: { } value })
        {
            return null;
        }

        return Value(context, value, TypeBinder.Bind(field.Type) ?? KInteger.Int32);
    }

    private static CExpr? Value(LoweringContext context, IOperation value, KType type)
    {
        switch (value)
        {
            case { ConstantValue: { HasValue: true, Value: { } constant } }:
                var number = new BigInteger(System.Convert.ToDecimal(constant, CultureInfo.InvariantCulture));
                return number.IsZero ? null : new CIntegerLiteral(number, CTypeMapper.Suffix(type));
            case IDefaultValueOperation or IConversionOperation { Operand: IDefaultValueOperation }:
                return null;
            case IObjectCreationOperation { Arguments.IsEmpty: true, Type.IsValueType: true } creation:
                return Fields(context, creation);
            case IConversionOperation { Operand: var operand } conversion when SymbolEqualityComparer.Default.Equals(operand.Type, conversion.Type):
                // Target-typed "new() { … }".
                return Value(context, operand, type);
            default:
                context.Unsupported(value, $"the static initializer '{value.Syntax}'",
                    "module state starts with constant values (a constant, default, or new S { Field = constant, … }); compute others in [ModuleLoad]");
                return null;
        }
    }

    private static CExpr? Fields(LoweringContext context, IObjectCreationOperation creation)
    {
        var members = ImmutableArray.CreateBuilder<CDesignator>();
        foreach (IOperation initializer in creation.Initializer?.Initializers ?? [])
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Field: var field } } assignment)
            {
                context.Unsupported(initializer, "this initializer", "initialise fields with Field = value");
                continue;
            }

            if (Value(context, assignment.Value, TypeBinder.Bind(field.Type) ?? KInteger.Int32) is { } member)
            {
                members.Add(new CDesignator(CNames.Member(field), member));
            }
        }

        return members.Count == 0 ? null : new CDesignatedInitializer(members.ToImmutable());
    }
}
