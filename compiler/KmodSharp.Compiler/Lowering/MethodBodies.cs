using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Lowering;

/// <summary>Finds the operation tree of a source method's (or local function's) body.</summary>
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

    /// <summary>
    /// The operations of a body without the bodies of the local functions it declares: each of
    /// those is a C function of its own, and what it does is not its container's.
    /// </summary>
    public static IEnumerable<IOperation> OwnOperations(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            IOperation operation = stack.Pop();
            if (operation is ILocalFunctionOperation && !ReferenceEquals(operation, root))
            {
                continue;
            }

            yield return operation;
            foreach (IOperation child in operation.ChildOperations.Reverse())
            {
                stack.Push(child);
            }
        }
    }
}
