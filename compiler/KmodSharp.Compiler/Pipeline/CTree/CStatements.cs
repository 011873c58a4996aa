using System.Collections.Immutable;

namespace KmodSharp.Compiler.Pipeline.CTree;

/// <summary>Where a statement came from in the C# source; the printer writes it as a <c>#line</c> directive.</summary>
public sealed record CSourceLocation(string File, int Line);

/// <summary>A C statement, optionally mapped to the C# line it translates.</summary>
public abstract record CStmt
{
    public CSourceLocation? Location { get; init; }
}

/// <summary><c>{ … }</c>.</summary>
public sealed record CBlock(ImmutableArray<CStmt> Statements) : CStmt;

/// <summary>An expression followed by <c>;</c>.</summary>
public sealed record CExpressionStatement(CExpr Expression) : CStmt;

/// <summary>A local declaration; arrays carry their length in a <see cref="CArrayType"/>.</summary>
public sealed record CLocalDeclaration(CType Type, string Name, CExpr? Initializer = null) : CStmt;

/// <summary><c>return (value);</c> or <c>return;</c>.</summary>
public sealed record CReturn(CExpr? Value) : CStmt;

/// <summary><c>if (…) … else …</c>.</summary>
public sealed record CIf(CExpr Condition, CStmt Then, CStmt? Else = null) : CStmt;

/// <summary><c>while (…) …</c>.</summary>
public sealed record CWhile(CExpr Condition, CStmt Body) : CStmt;

/// <summary><c>do … while (…);</c>.</summary>
public sealed record CDoWhile(CStmt Body, CExpr Condition) : CStmt;

/// <summary><c>for (init; cond; step) …</c>; every part is optional.</summary>
public sealed record CFor(CStmt? Initializer, CExpr? Condition, CExpr? Step, CStmt Body) : CStmt;

/// <summary><c>break;</c>.</summary>
public sealed record CBreak : CStmt;

/// <summary><c>continue;</c>.</summary>
public sealed record CContinue : CStmt;

/// <summary><c>goto label;</c>.</summary>
public sealed record CGoto(string Label) : CStmt;

/// <summary><c>label:</c> followed by a statement.</summary>
public sealed record CLabeled(string Label, CStmt Statement) : CStmt;

/// <summary><c>switch (value) { case …: … }</c>.</summary>
public sealed record CSwitch(CExpr Value, ImmutableArray<CSwitchSection> Sections) : CStmt;

/// <summary>Case labels (an empty list with <paramref name="IsDefault"/> is <c>default:</c>) and their statements.</summary>
public sealed record CSwitchSection(ImmutableArray<CExpr> Labels, bool IsDefault, ImmutableArray<CStmt> Statements);

/// <summary>An empty line between groups of statements (style(9) separates declarations from code).</summary>
public sealed record CBlankLine : CStmt;

/// <summary>The empty statement <c>;</c> (what a label at the end of a block labels).</summary>
public sealed record CEmptyStatement : CStmt;
