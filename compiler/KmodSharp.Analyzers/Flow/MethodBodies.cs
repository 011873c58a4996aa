using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// The operation tree of any source method's body, on demand, so a rule analysing a caller can read a
/// callee it has not been handed. The analyzer driver's compilation caches its semantic models, so the
/// callee is bound once however many callers ask.
/// </summary>
internal sealed class MethodBodies
{
    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, IOperation?> bodies = new(SymbolEqualityComparer.Default);

    public MethodBodies(Compilation compilation) => this.compilation = compilation;

    /// <summary>The body (a block, or an expression body's operation) of a source method or local function; null for metadata, abstract and partial-without-body methods.</summary>
    public IOperation? Of(IMethodSymbol method, CancellationToken cancellation = default)
    {
        method = method.OriginalDefinition;
        return bodies.TryGetValue(method, out IOperation? known) ? known : bodies.GetOrAdd(method, Bind(method, cancellation));
    }

    private IOperation? Bind(IMethodSymbol method, CancellationToken cancellation)
    {
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            SyntaxNode syntax = reference.GetSyntax(cancellation);
            SyntaxNode? body = syntax switch
            {
                BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody?.Expression,
                LocalFunctionStatementSyntax l => (SyntaxNode?)l.Body ?? l.ExpressionBody?.Expression,
                AccessorDeclarationSyntax a => (SyntaxNode?)a.Body ?? a.ExpressionBody?.Expression,
                ArrowExpressionClauseSyntax arrow => arrow.Expression,
                _ => null,
            };
            if (body is null || !compilation.ContainsSyntaxTree(body.SyntaxTree))
            {
                continue;
            }

            SemanticModel model = compilation.GetSemanticModel(body.SyntaxTree);
            if (model.GetOperation(body, cancellation) is { } operation)
            {
                return operation;
            }
        }

        return null;
    }
}
