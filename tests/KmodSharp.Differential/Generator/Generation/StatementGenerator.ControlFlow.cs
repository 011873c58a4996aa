using System.Globalization;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>Control flow: if/else, for, while, do/while and foreach loops with break/continue, switch statements with patterns and guards, checked blocks, and lock scopes.</summary>
public sealed partial class StatementGenerator
{
    /// <summary>A braced block in its own scope; its locals are folded into the accumulator before <paramref name="tail"/>.</summary>
    public void Block(string header, int depth, string? tail = null, System.Action? prologue = null)
    {
        writer.Open(header);
        method.Scope.Push();
        prologue?.Invoke();
        Statements(module.Random.Next(1, 5), depth - 1);
        foreach (Variable variable in method.Scope.Innermost.ToList())
        {
            Fold(variable);
        }

        method.Scope.Pop();
        if (tail is not null)
        {
            writer.Line(tail);
        }

        writer.Close();
    }

    private void If(int depth)
    {
        Block($"if ({x.Condition(2)})", depth);
        if (module.Chance(50))
        {
            Block("else", depth);
        }
    }

    private void For(int depth)
    {
        string counter = method.Fresh("i");
        string bound = module.Chance(60) ? module.Random.Next(1, 6).ToString(CultureInfo.InvariantCulture) : $"({x.Leaf(IntegerKind.Int)} & 7)";
        method.LoopDepth++;
        Block($"for (int {counter} = 0; {counter} < {bound}; {counter}++)", depth,
            prologue: () => method.Scope.Add(new Variable(counter, IntegerKind.Int, Writable: false)));
        method.LoopDepth--;
    }

    private void While(int depth)
    {
        string counter = method.Fresh("w");
        writer.Line($"int {counter} = 0;");
        method.Scope.Add(new Variable(counter, IntegerKind.Int, Writable: false));
        method.LoopDepth++;
        Block($"while ({counter} < {module.Random.Next(1, 6)})", depth, prologue: () => writer.Line($"{counter}++;"));
        method.LoopDepth--;
    }

    private void DoWhile(int depth)
    {
        string counter = method.Fresh("d");
        writer.Line($"int {counter} = 0;");
        method.Scope.Add(new Variable(counter, IntegerKind.Int, Writable: false));
        method.LoopDepth++;
        writer.Open("do");
        writer.Line($"{counter}++;");
        method.Scope.Push();
        Statements(module.Random.Next(1, 4), depth - 1);
        foreach (Variable variable in method.Scope.Innermost.ToList())
        {
            Fold(variable);
        }

        method.Scope.Pop();
        writer.Close($" while ({counter} < {module.Random.Next(1, 6)} && ({x.Condition(1)}));");
        method.LoopDepth--;
    }

    private void ForEach(int depth)
    {
        Variable? collection = module.PickOrDefault(method.Scope.Visible.Where(v => v.Type is SpanType or InlineArrayType));
        if (collection is null)
        {
            For(depth);
            return;
        }

        IntegerKind element = collection.Type is SpanType s ? s.Element : ((InlineArrayType)collection.Type).Element;
        string name = method.Fresh("e");
        method.LoopDepth++;
        Block($"foreach ({element.Name} {name} in {collection.Name})", depth,
            prologue: () => method.Scope.Add(new Variable(name, element, Writable: false)));
        method.LoopDepth--;
    }

    /// <summary>A break or continue inside a loop, under a condition.</summary>
    private void Jump()
    {
        if (method.LoopDepth == 0)
        {
            Assign();
            return;
        }

        writer.Open($"if ({x.Condition(1)})");
        writer.Line(module.Chance(50) ? "break;" : "continue;");
        writer.Close();
    }

    private void Switch(int depth)
    {
        IntegerKind kind = module.Pick(IntegerKind.All.Where(k => k != IntegerKind.Char).ToList());
        PatternSet patterns = PatternSet.Create(module.Random, kind);
        if (module.Features.WhenGuards && module.Chance(30))
        {
            patterns = patterns.WithGuards(module.Random, kind, method.Fresh("g"), () => x.Condition(1));
        }

        writer.Open($"switch ({x.NonConstant(kind)})");
        foreach (string arm in patterns.Arms)
        {
            writer.Line($"case {arm}:");
            Block("", depth, "break;");
        }

        if (!patterns.Exhaustive && module.Chance(60))
        {
            writer.Line("default:");
            Block("", depth, "break;");
        }

        writer.Close();
    }

    private void CheckedBlock(int depth)
    {
        if (!method.AllowFailure || method.InChecked)
        {
            If(depth);
            return;
        }

        method.InChecked = true;
        Block("checked", depth);
        method.InChecked = false;
    }

    private void LockBlock(int depth)
    {
        if (module.Lock is null || method.InLock || !method.MayLock)
        {
            If(depth);
            return;
        }

        method.InLock = true;
        Block($"using ({module.Lock}.Lock())", depth);
        method.InLock = false;
    }
}
