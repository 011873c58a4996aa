using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace KmodSharp.Analyzers.CodeFixes;

/// <summary>KMS0001: a small constant <c>T[] x = new T[n];</c> → <c>Span&lt;T&gt; x = stackalloc T[n];</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StackAllocArrayCodeFix)), Shared]
public sealed class StackAllocArrayCodeFix : CodeFixProvider
{
    /// <summary>The largest array (bytes) moved to the stack; larger ones belong in <c>Kernel.Allocate</c>.</summary>
    public const int MaxBytes = 256;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.GcAllocation);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || root.FindNode(context.Span, getInnermostNodeForTie: true) is not ArrayCreationExpressionSyntax { Initializer: null, Type: { RankSpecifiers.Count: 1 } arrayType } creation
            || arrayType.RankSpecifiers[0].Sizes.Count != 1
            || creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax } declaration } })
        {
            return;
        }

        ITypeSymbol? element = model.GetTypeInfo(arrayType.ElementType, context.CancellationToken).Type;
        ExpressionSyntax size = arrayType.RankSpecifiers[0].Sizes[0];
        if (element is not { IsUnmanagedType: true }
            || model.GetConstantValue(size, context.CancellationToken) is not { HasValue: true, Value: int count }
            || count <= 0 || count * ElementSize(element) > MaxBytes)
        {
            return;
        }

        TypeSyntax spanType = SyntaxFactory.QualifiedName(
                SyntaxFactory.IdentifierName("System"),
                SyntaxFactory.GenericName(SyntaxFactory.Identifier("Span"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(arrayType.ElementType.WithoutTrivia()))))
            .WithTriviaFrom(declaration.Type)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        ExpressionSyntax stackAlloc = SyntaxFactory.StackAllocArrayCreationExpression(
                SyntaxFactory.Token(SyntaxKind.StackAllocKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                arrayType.WithoutTrivia())
            .WithTriviaFrom(creation);
        VariableDeclarationSyntax fixedDeclaration = declaration
            .ReplaceNode(creation, stackAlloc)
            .WithType(spanType);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Use a stackalloc span",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, fixedDeclaration))),
                nameof(StackAllocArrayCodeFix)),
            context.Diagnostics);
    }

    private static int ElementSize(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean or SpecialType.System_Byte or SpecialType.System_SByte => 1,
        SpecialType.System_Char or SpecialType.System_Int16 or SpecialType.System_UInt16 => 2,
        SpecialType.System_Int32 or SpecialType.System_UInt32 => 4,
        _ => 8,
    };
}
