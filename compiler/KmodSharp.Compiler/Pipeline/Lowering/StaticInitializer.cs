using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// The C initializer of a static field: module state is in the C file's data, so it starts with its
/// C# value before any code of the module runs. A constant is a literal of the field's type, a
/// struct a designated initializer (<c>new Config { Max = 16, Limits = new() { Low = 1 } }</c> →
/// <c>{ .Max = 16, .Limits = { .Low = 1, }, }</c>); zero (no initializer, <c>default</c>, <c>new S()</c>)
/// is static storage's own value. Which initializers translate is <see cref="ModuleStateInitializer"/>'s
/// decision, the analyzer's too.
/// </summary>
internal static class StaticInitializer
{
    /// <summary>The initializer, or null for zero.</summary>
    public static CExpr? Of(LoweringContext context, IFieldSymbol field)
    {
        if (field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } syntax }
            || context.Module.Compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax) is not IFieldInitializerOperation { Value: { } value })
        {
            return null;
        }

        var untranslatable = new List<Untranslatable>();
        InitialValue? initial = ModuleStateInitializer.Read(value, untranslatable);
        // The analyzer (KMS0900) reports an initializer it refuses.
        if (untranslatable.Count > 0 || initial is null)
        {
            throw untranslatable.Count > 0
                ? LoweringContext.Untranslated(untranslatable[0].At, untranslatable[0].Description)
                : LoweringContext.Untranslated(value, "this initializer");
        }

        return Value(initial, TypeOf(field));
    }

    private static CExpr? Value(InitialValue value, KType type) => value switch
    {
        InitialConstant { Value: var constant } => ConstantLiteral.IsZero(constant) ? null : ConstantLiteral.Of(constant, type),
        InitialNativeLimit { Limit: var limit } => RuntimeConstants.NativeIntegerLimit(limit) is { } c and not CIntegerLiteral { Value.IsZero: true } ? c : null,
        InitialFields { Fields: var fields } => Fields(fields),
        _ => throw new InternalCompilerException($"no C initializer for {value}"),
    };

    private static CExpr? Fields(ImmutableArray<KeyValuePair<IFieldSymbol, InitialValue>> fields)
    {
        ImmutableArray<CDesignator> members =
        [
            .. fields.Select(f => (f.Key, Value: Value(f.Value, TypeOf(f.Key))))
                .Where(f => f.Value is not null)
                .Select(f => new CDesignator(FieldNames.Member(f.Key), f.Value!)),
        ];
        return members.IsEmpty ? null : new CDesignatedInitializer(members);
    }

    private static KType TypeOf(IFieldSymbol field) => TypeBinder.BindAccepted(field.Type, field.Locations.FirstOrDefault());
}
