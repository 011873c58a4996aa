using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmodSharp.Compiler.Lowering;

/// <summary>Finds the operation tree of a source method's body.</summary>
internal static class MethodBodies
{
    public static IOperation? Of(IMethodSymbol method, Compilation compilation)
    {
        SyntaxNode? declaration = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        if (declaration is not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax))
        {
            return null;
        }

        return compilation.GetSemanticModel(declaration.SyntaxTree).GetOperation(declaration);
    }
}
