namespace KmodSharp.Differential.Generator.Generation;

/// <summary>A generated expression's text, and whether C# folds it to a constant (two constants must never meet in an operator: C# checks constant overflow and division by constant zero at compile time).</summary>
public sealed record Expr(string Text, bool Constant)
{
    public override string ToString() => Text;
}
