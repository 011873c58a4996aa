using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace KmodSharp.Analyzers.CodeFixes;

/// <summary>
/// KMS0304 on a nested <c>using (s_lock.Lock()) { … }</c> of a lock already held: the lock stays held
/// around the body either way, so the inner <c>using</c> goes and its body stays. A re-lock through a
/// helper or a <c>using var</c> is left alone: which code should stop locking is the author's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveRelockCodeFix)), Shared]
public sealed class RemoveRelockCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RecursiveLock);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node
            || node.FirstAncestorOrSelf<UsingStatementSyntax>() is not { Declaration: null, Expression: { } resource } usingStatement
            || resource.Span != context.Span)
        {
            return;
        }

        StatementSyntax body = usingStatement.Statement.WithTriviaFrom(usingStatement).WithAdditionalAnnotations(Formatter.Annotation);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Remove the nested lock (it is already held)",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(usingStatement, body))),
                nameof(RemoveRelockCodeFix)),
            context.Diagnostics);
    }
}
