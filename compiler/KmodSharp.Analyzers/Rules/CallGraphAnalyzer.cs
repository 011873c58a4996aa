using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// The call-graph rules: KMS0101 recursion (direct or through a cycle), KMS0102 the worst-case
/// stack of each handler along its call chain against the budget, KMS0103 non-constant stackalloc.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallGraphAnalyzer : KernelCodeAnalyzer
{
    /// <summary>Return address, saved frame pointer and callee-saved registers: the floor of every frame.</summary>
    private const int FrameOverhead = 16;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.Recursion, DiagnosticDescriptors.StackBudget, DiagnosticDescriptors.NonConstantStackAlloc);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        var sizes = new ConcurrentDictionary<IMethodSymbol, Frame>(SymbolEqualityComparer.Default);
        context.RegisterOperationBlockAction(c =>
        {
            if (c.OwningSymbol is IMethodSymbol method)
            {
                AddFrames(method, c.OperationBlocks, sizes, c, session);
            }
        });

        context.RegisterCompilationEndAction(end =>
        {
            Dictionary<IMethodSymbol, IMethodSymbol?> reachable = session.ComputeReachability();
            ReportCycles(end, session, reachable);
            ReportStack(end, session, sizes, reachable);
        });
    }

    // A local function becomes a C function of its own: its locals and stackallocs are in its own
    // frame, reached through the call edge, not in its container's.
    private static void AddFrames(IMethodSymbol method, IEnumerable<IOperation> blocks, ConcurrentDictionary<IMethodSymbol, Frame> sizes, OperationBlockAnalysisContext c, KernelSession session)
    {
        var frame = new Frame();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            frame.Add(StructLayouts.AlignUp(TypeLayout.Of(parameter.Type).Size, 8), parameter.Locations.IsEmpty ? null : parameter.Locations[0], "parameter '" + parameter.Name + "'");
        }

        var locals = new List<ILocalFunctionOperation>();
        foreach (IOperation block in blocks)
        {
            foreach (IOperation operation in OwnOperations(block, locals))
            {
                if (operation is IVariableDeclaratorOperation declarator)
                {
                    frame.Add(StructLayouts.AlignUp(TypeLayout.Of(declarator.Symbol.Type).Size, 8), declarator.Syntax.GetLocation(), "local '" + declarator.Symbol.Name + "'");
                }
                else if (operation is ILocalReferenceOperation { IsDeclaration: true } declared)
                {
                    frame.Add(StructLayouts.AlignUp(TypeLayout.Of(declared.Local.Type).Size, 8), declared.Syntax.GetLocation(), "local '" + declared.Local.Name + "'");
                }
                else if (operation.Syntax is StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax && !IsWrapper(operation))
                {
                    frame.Add(StackAllocBytes(operation, block.SemanticModel!, c, session, method), operation.Syntax.GetLocation(), "the stackalloc");
                }
            }
        }

        sizes[method.OriginalDefinition] = frame;
        foreach (ILocalFunctionOperation local in locals)
        {
            if (local.Body is { } body)
            {
                AddFrames(local.Symbol, new[] { body }, sizes, c, session);
            }
        }
    }

    /// <summary>The operations of a body, without the bodies of its local functions (collected into <paramref name="locals"/>).</summary>
    private static IEnumerable<IOperation> OwnOperations(IOperation root, List<ILocalFunctionOperation> locals)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            IOperation operation = stack.Pop();
            if (operation is ILocalFunctionOperation local && !ReferenceEquals(operation, root))
            {
                locals.Add(local);
                continue;
            }

            yield return operation;
            foreach (IOperation child in operation.ChildOperations)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>A conversion (or other node) around the operation of the same syntax: the innermost one is the stackalloc itself.</summary>
    private static bool IsWrapper(IOperation operation)
    {
        foreach (IOperation child in operation.ChildOperations)
        {
            if (child.Syntax == operation.Syntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The bytes a stackalloc takes, from its operation: the element type from its span or pointer type, its count from its first child.</summary>
    private static int StackAllocBytes(IOperation operation, SemanticModel model, OperationBlockAnalysisContext c, KernelSession session, IMethodSymbol method)
    {
        SyntaxNode node = operation.Syntax;
        IOperation? countOperation = null;
        foreach (IOperation child in operation.ChildOperations)
        {
            countOperation = child;
            break;
        }

        ITypeSymbol? element = ElementType(operation.Type);
        long count;
        if (node is StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax arrayType } explicitAlloc)
        {
            element ??= model.GetTypeInfo(arrayType.ElementType, c.CancellationToken).Type;
            ExpressionSyntax? size = arrayType.RankSpecifiers.Count > 0 && arrayType.RankSpecifiers[0].Sizes.Count > 0
                ? arrayType.RankSpecifiers[0].Sizes[0]
                : null;
            Optional<object?> constant = countOperation is not null && countOperation.Syntax == size
                ? countOperation.ConstantValue
                : size is null ? default : model.GetConstantValue(size, c.CancellationToken);
            if (size is null or OmittedArraySizeExpressionSyntax)
            {
                count = explicitAlloc.Initializer?.Expressions.Count ?? 0;
            }
            else if (constant is { HasValue: true, Value: { } value })
            {
                count = System.Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }
            else
            {
                session.Report(method, c.ReportDiagnostic, DiagnosticDescriptors.NonConstantStackAlloc, size.GetLocation());
                return 0;
            }
        }
        else if (node is ImplicitStackAllocArrayCreationExpressionSyntax implicitAlloc)
        {
            count = implicitAlloc.Initializer.Expressions.Count;
            element ??= implicitAlloc.Initializer.Expressions.Count > 0
                ? model.GetTypeInfo(implicitAlloc.Initializer.Expressions[0], c.CancellationToken).ConvertedType
                : null;
        }
        else
        {
            return 0;
        }

        int elementSize = element is null ? 1 : TypeLayout.Of(element).Size;
        long bytes = count * elementSize;
        return bytes > int.MaxValue / 2 ? int.MaxValue / 2 : StructLayouts.AlignUp((int)bytes, 8);
    }

    /// <summary>The element of a stackalloc's <c>Span&lt;T&gt;</c>, <c>ReadOnlySpan&lt;T&gt;</c> or <c>T*</c>, or null for anything else.</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol? type) => type switch
    {
        IPointerTypeSymbol pointer => pointer.PointedAtType,
        INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", TypeArguments.Length: 1 } span when span.ContainingNamespace?.Name == "System" => span.TypeArguments[0],
        _ => null,
    };

    private static void ReportCycles(CompilationAnalysisContext context, KernelSession session, Dictionary<IMethodSymbol, IMethodSymbol?> reachable)
    {
        var reported = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (IMethodSymbol start in reachable.Keys)
        {
            if (reported.Contains(start))
            {
                continue;
            }

            List<(IMethodSymbol Method, Location Site)>? cycle = FindCycle(session, start);
            if (cycle is null)
            {
                continue;
            }

            var names = new List<string> { session.Scope.DisplayName(start) };
            foreach ((IMethodSymbol method, _) in cycle)
            {
                names.Add(session.Scope.DisplayName(method));
                reported.Add(method);
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Recursion, cycle[cycle.Count - 1].Site, string.Join(" → ", names)));
        }
    }

    /// <summary>A path of calls from <paramref name="start"/> back to itself, or null.</summary>
    private static List<(IMethodSymbol Method, Location Site)>? FindCycle(KernelSession session, IMethodSymbol start)
    {
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var path = new List<(IMethodSymbol, Location)>();
        return Search(start) ? path : null;

        bool Search(IMethodSymbol current)
        {
            foreach (KernelSession.CallSite call in session.CallsFrom(current))
            {
                path.Add((call.Callee, call.Location));
                if (SymbolEqualityComparer.Default.Equals(call.Callee, start))
                {
                    return true;
                }

                if (visited.Add(call.Callee) && Search(call.Callee))
                {
                    return true;
                }

                path.RemoveAt(path.Count - 1);
            }

            return false;
        }
    }

    private static void ReportStack(CompilationAnalysisContext context, KernelSession session, ConcurrentDictionary<IMethodSymbol, Frame> sizes, Dictionary<IMethodSymbol, IMethodSymbol?> reachable)
    {
        var memo = new Dictionary<IMethodSymbol, (int Total, IMethodSymbol? Next, Location? Site)>(SymbolEqualityComparer.Default);
        var active = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (IMethodSymbol method in sizes.Keys)
        {
            if (session.Scope.GetEntryKind(method) == EntryKind.None || !session.Scope.IsKernelCode(method) || method.Locations.Length == 0)
            {
                continue;
            }

            int budget = Budget(context, SymbolLocation.Of(method).SourceTree);
            int total = Worst(method);
            if (total <= budget)
            {
                continue;
            }

            // The squiggle goes where the fix is: the largest item of the frame that weighs most on the chain
            // (the deepest such frame on a tie); the calls leading there are additional locations.
            var parts = new List<string>();
            var sites = new List<Location>();
            IMethodSymbol heaviest = method;
            for (IMethodSymbol? current = method; current is not null && parts.Count < 32; current = memo[current].Next)
            {
                parts.Add(session.Scope.DisplayName(current) + " (" + Size(current) + " B)");
                if (Size(current) >= Size(heaviest))
                {
                    heaviest = current;
                }

                if (memo[current].Site is { } site)
                {
                    sites.Add(site);
                }
            }

            Frame? frame = sizes.TryGetValue(heaviest, out Frame? f) ? f : null;
            Location primary = frame?.LargestAt ?? SymbolLocation.Of(method);
            string item = frame?.LargestAt is null ? "its frame" : frame.LargestWhat;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StackBudget, primary, sites,
                session.Scope.DisplayName(method), total, string.Join(" → ", parts), budget, item, session.Scope.DisplayName(heaviest), frame?.Largest ?? FrameOverhead));
        }

        _ = reachable;

        int Size(IMethodSymbol method) => sizes.TryGetValue(method, out Frame? frame) ? frame.Size : FrameOverhead;

        int Worst(IMethodSymbol method)
        {
            if (memo.TryGetValue(method, out var known))
            {
                return known.Total;
            }

            if (!active.Add(method))
            {
                return 0; // a cycle: KMS0101 reports it
            }

            int deepest = 0;
            IMethodSymbol? next = null;
            Location? at = null;
            foreach (KernelSession.CallSite call in session.CallsFrom(method))
            {
                int callee = Worst(call.Callee);
                if (callee > deepest)
                {
                    deepest = callee;
                    next = call.Callee;
                    at = call.Location;
                }
            }

            active.Remove(method);
            int total = Size(method) + deepest;
            memo[method] = (total, next, at);
            return total;
        }
    }

    /// <summary>The budget (<see cref="KmodSharpSettings"/>): the entry's .editorconfig, then the global config, then the MSBuild property, then the default.</summary>
    internal static int Budget(CompilationAnalysisContext context, SyntaxTree? tree)
    {
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        return KmodSharpSettings.Read(provider.GlobalOptions, tree is null ? null : provider.GetOptions(tree)).StackBudget;
    }

    /// <summary>One frame's estimated size, and its largest item (where a KMS0102 points).</summary>
    private sealed class Frame
    {
        public int Size { get; private set; } = FrameOverhead;

        public int Largest { get; private set; }

        public Location? LargestAt { get; private set; }

        public string LargestWhat { get; private set; } = "";

        public void Add(int bytes, Location? at, string what)
        {
            Size += bytes;
            // On a tie the first in source order, whatever order the operations are walked in.
            if (at is { IsInSource: true } && (bytes > Largest || (bytes == Largest && LargestAt is { } known && known.SourceTree == at.SourceTree && at.SourceSpan.Start < known.SourceSpan.Start)))
            {
                Largest = bytes;
                LargestAt = at;
                LargestWhat = what;
            }
        }
    }
}
