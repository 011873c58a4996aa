using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Compiler.Pipeline.CTree;

// What the lowering asks the printer before it splits a statement too wide for style(9)'s 80
// columns: where each statement lands, and how wide it prints there.
public sealed partial class CPrinter
{
    private Dictionary<CStmt, int>? depths;

    /// <summary>
    /// The depth, in tabs, each statement of the function is printed at (keyed by reference), and
    /// the columns of its widest line.
    /// </summary>
    public static (IReadOnlyDictionary<CStmt, int> Depths, int Widest) Layout(CFunctionDefinition function)
    {
        var printer = new CPrinter(false) { depths = new Dictionary<CStmt, int>(ReferenceEqualityComparer.Instance) };
        printer.Function(function);
        return (printer.depths, printer.output.ToString().Split('\n').Max(Columns));
    }

    /// <summary>
    /// The columns past <see cref="MaxColumns"/>, summed over the lines of a statement printed (and
    /// wrapped) at a depth; of an if, over its head.
    /// </summary>
    public static int Overflow(CStmt statement, int depth)
    {
        var printer = new CPrinter(false);
        printer.Statement(statement is CIf choice ? choice with { Then = new CBlock([]), Else = null } : statement, depth);
        return printer.output.ToString().Split('\n').Sum(line => System.Math.Max(0, Columns(line) - MaxColumns));
    }
}
