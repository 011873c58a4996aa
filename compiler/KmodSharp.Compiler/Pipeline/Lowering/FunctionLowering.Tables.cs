using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// A constant table (Analyzers.Subset.ConstantTable) is a file-scope array, and a span over it:
//   static ReadOnlySpan<int> Primes => [2, 3, 5];     static const int32_t mod_primes[3] = { 2, 3, 5 };
//   ReadOnlySpan<byte> magic = "KMS1"u8;              static const uint8_t mod_check_magic[4] = { 75, 77, 83, 49 };
//                                                     magic = mod_check_magic; magic_len = 4;
//   Primes[i]                                         if ((size_t)i >= 3) return (EINVAL); … mod_primes[(size_t)i] …
internal sealed partial class FunctionLowering
{
    /// <summary>The span of a constant table (a collection expression or UTF-8 literal, or a table property); null for any other value.</summary>
    private SpanValue? TableOf(IOperation operation)
    {
        switch (operation)
        {
            case ICollectionExpressionOperation or IUtf8StringOperation when Analyzers.Subset.ConstantTable.IsTable(operation):
                return Table(operation.Syntax, TableStem(operation), operation);
            case IPropertyReferenceOperation { Property: var property, Instance: null } when Analyzers.Subset.ConstantTable.TableExpression(property) is { } body:
                IOperation? contents = context.Module.Compilation.GetSemanticModel(body.SyntaxTree).GetOperation(body);
                while (contents is IConversionOperation { Operand: var operand } && operand.Syntax == body)
                {
                    contents = operand;
                }

                // A table property whose elements are not constants is refused by the analyzer (Subset/ConstantTable).
                return contents is not null && Analyzers.Subset.ConstantTable.IsTable(contents)
                    ? Table(property, property.Name, contents)
                    : throw LoweringContext.Untranslated(operation, $"the table property '{property.Name}'");
            default:
                return null;
        }
    }

    private SpanValue Table(object key, string stem, IOperation contents)
    {
        var spanType = (KSpan)KTypeOf(contents.Type, contents);
        CConstantTable table = context.Table(key, stem, () =>
            (CTypeMapper.Map(spanType.Element), [.. Analyzers.Subset.ConstantTable.Values(contents).Select(value => ConstantLiteral.Of(value, spanType.Element))]));
        return new SpanValue(new CIdentifier(table.Name), new CIntegerLiteral(table.Values.Length), spanType.Element);
    }

    // A table written as a local's initializer is named after the method and the local; others after the method.
    private string TableStem(IOperation table)
    {
        IOperation? parent = table.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
            ? $"{method.Name}_{declarator.Symbol.Name}"
            : $"{method.Name}_table";
    }
}
