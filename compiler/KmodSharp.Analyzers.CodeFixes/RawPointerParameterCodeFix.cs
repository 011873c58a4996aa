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

/// <summary>KMS0200: <c>int* p</c> → <c>UserPtr&lt;int&gt; p</c> (<c>void*</c> → <c>UserPtr&lt;byte&gt;</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RawPointerParameterCodeFix)), Shared]
public sealed class RawPointerParameterCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RawPointerParameter);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<ParameterSyntax>() is not { Type: PointerTypeSyntax pointer } parameter)
        {
            return;
        }

        TypeSyntax element = pointer.ElementType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
            ? SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.ByteKeyword))
            : pointer.ElementType.WithoutTrivia();
        TypeSyntax userPtr = SyntaxFactory.QualifiedName(
                SyntaxFactory.IdentifierName("KmodSharp"),
                SyntaxFactory.GenericName(SyntaxFactory.Identifier("UserPtr"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(element))))
            .WithTriviaFrom(pointer)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Declare the user address as UserPtr<T>",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(pointer, userPtr))),
                nameof(RawPointerParameterCodeFix)),
            context.Diagnostics);
    }
}
