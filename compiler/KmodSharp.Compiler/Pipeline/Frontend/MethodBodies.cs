using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>Finds the operation tree of a source method's (or local function's) body.</summary>
internal static class MethodBodies
{
    // One semantic model per tree and compilation: a model keeps what it has bound, so the failure
    // analysis and the lowering of a method share one binding of its body instead of binding it twice.
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<SyntaxTree, SemanticModel>> Models = new();

    /// <summary>Makes the models the analyzer pass bound <paramref name="compilation"/> with the ones every later stage reads.</summary>
    public static void Adopt(Compilation compilation, IEnumerable<KeyValuePair<SyntaxTree, SemanticModel>> models)
    {
        ConcurrentDictionary<SyntaxTree, SemanticModel> known = Models.GetOrCreateValue(compilation);
        foreach ((SyntaxTree tree, SemanticModel model) in models)
        {
            known.TryAdd(tree, model);
        }
    }

    public static IOperation? Of(IMethodSymbol method, Compilation compilation)
    {
        SyntaxNode? declaration = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        if (declaration is not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax))
        {
            return null;
        }

        SemanticModel model = Models.GetOrCreateValue(compilation).GetOrAdd(declaration.SyntaxTree, tree => compilation.GetSemanticModel(tree));
        return model.GetOperation(declaration);
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
