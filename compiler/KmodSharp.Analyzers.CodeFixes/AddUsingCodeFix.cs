using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace KmodSharp.Analyzers.CodeFixes;

/// <summary>
/// KMS0301: <c>KernelBuffer&lt;T&gt; b = Kernel.Allocate…;</c> → <c>using KernelBuffer&lt;T&gt; b = …;</c>, and a
/// discarded <c>m.Lock();</c> → <c>using var guard = m.Lock();</c> (released at the end of the block).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddUsingCodeFix)), Shared]
public sealed class AddUsingCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ResourceNotReleased);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node)
        {
            return;
        }

        SyntaxNode? statement = node.FirstAncestorOrSelf<StatementSyntax>();
        SyntaxNode? replacement = statement switch
        {
            LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, Declaration.Variables.Count: 1 } local when IsInitializer(local, node) =>
                local.WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                    .WithLeadingTrivia(local.GetLeadingTrivia())
                    .WithDeclaration(local.Declaration.WithoutLeadingTrivia()),
            ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation } expression when invocation.Span == context.Span =>
                SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(
                            SyntaxFactory.IdentifierName("var"),
                            SyntaxFactory.SingletonSeparatedList(
                                SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier("guard"))
                                    .WithInitializer(SyntaxFactory.EqualsValueClause(invocation.WithoutTrivia())))))
                    .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword))
                    .WithTriviaFrom(expression)
                    .WithAdditionalAnnotations(Formatter.Annotation),
            _ => null,
        };
        if (statement is null || replacement is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Release it with 'using'",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(statement, replacement))),
                nameof(AddUsingCodeFix)),
            context.Diagnostics);
    }

    private static bool IsInitializer(LocalDeclarationStatementSyntax local, SyntaxNode node) =>
        local.Declaration.Variables[0].Initializer?.Value is { } value && value.Span.Contains(node.Span);
}
