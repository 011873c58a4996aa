using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A constant table: a <c>ReadOnlySpan&lt;T&gt;</c> of integer constants, written as a collection expression
/// (<c>ReadOnlySpan&lt;byte&gt; t = [1, 2, 3];</c>), a UTF-8 literal (<c>"KMS1"u8</c>), or a static property
/// whose body is one (<c>static ReadOnlySpan&lt;byte&gt; Table =&gt; [ … ];</c>). C# keeps such data in the
/// assembly's read-only data; in C it is a file-scope <c>static const</c> array, indexed and sliced
/// like any span. The analyzer (KMS0900) and the backend both decide here.
/// </summary>
public static class ConstantTable
{
    /// <summary>A collection expression or UTF-8 literal that is no constant table, with what to write instead; or null.</summary>
    public static Untranslatable? Check(IOperation operation)
    {
        // A collection expression of another type (an array) is reported as what it is (an allocation).
        if (operation is not (ICollectionExpressionOperation or IUtf8StringOperation) || !SpanSources.IsSpanType(operation.Type))
        {
            return null;
        }

        ImmutableArray<object> values = Values(operation);
        return values.IsDefault
            ? new Untranslatable(operation,
                $"The collection expression '{operation.Syntax}' (a constant table is a ReadOnlySpan<T> of integer constants, 'ReadOnlySpan<byte> t = [1, 2, 3];'; for a writable or computed one use 'stackalloc T[] {{ … }}')")
            : values.Length == 0 ? new Untranslatable(operation, "An empty constant table (a table has at least one element)") : null;
    }

    /// <summary>Whether the operation is a constant table (a collection expression or UTF-8 literal of constants).</summary>
    public static bool IsTable(IOperation operation) => Values(operation) is { IsDefault: false } values && values.Length > 0;

    /// <summary>
    /// The elements of a constant table, in order (integers and chars as Roslyn's constants, a UTF-8
    /// literal's bytes); default when the operation is no constant table.
    /// </summary>
    public static ImmutableArray<object> Values(IOperation operation)
    {
        switch (operation)
        {
            case IUtf8StringOperation utf8:
                var bytes = ImmutableArray.CreateBuilder<object>();
                foreach (byte b in Encoding.UTF8.GetBytes(utf8.Value))
                {
                    bytes.Add(b);
                }

                return bytes.ToImmutable();
            case ICollectionExpressionOperation { Type: INamedTypeSymbol { Name: "ReadOnlySpan" } type } collection
                when SpanSources.IsSpanType(type) && IsIntegral(type.TypeArguments[0]):
                var values = new List<object>();
                foreach (IOperation item in collection.Elements)
                {
                    if (item.ConstantValue is not { HasValue: true, Value: { } value })
                    {
                        return default;
                    }

                    values.Add(value);
                }

                return values.ToImmutableArray();
            default:
                return default;
        }
    }

    /// <summary>
    /// Whether the property is a table: static, get-only, of a <c>ReadOnlySpan&lt;T&gt;</c> type, its body
    /// an expression that is a collection expression or a UTF-8 literal (whose elements <see cref="Check"/> checks).
    /// </summary>
    public static bool IsTableProperty(IPropertySymbol property) => TableExpression(property) is not null;

    /// <summary>The expression a table property returns, or null when the property is no table.</summary>
    public static ExpressionSyntax? TableExpression(IPropertySymbol property)
    {
        if (!property.IsStatic || property.IsIndexer || property.SetMethod is not null || !SpanSources.IsSpanType(property.Type)
            || property.Type.Name != "ReadOnlySpan" || property.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        ExpressionSyntax? body = property.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            PropertyDeclarationSyntax { ExpressionBody.Expression: var expression } => expression,
            PropertyDeclarationSyntax { AccessorList.Accessors: { Count: 1 } accessors } => accessors[0].ExpressionBody?.Expression,
            _ => null,
        };
        return body is CollectionExpressionSyntax || body is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) ? body : null;
    }

    private static bool IsIntegral(ITypeSymbol type) => type.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Char;
}
