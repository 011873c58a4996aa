using System.Collections.Immutable;

namespace KmodSharp.Compiler.Pipeline.CTree;

/// <summary>A function prototype (<c>int mysyscall(int value);</c>), as a userland header declares its API.</summary>
public sealed record CFunctionPrototype(CType ReturnType, string Name, ImmutableArray<CParameter> Parameters) : CDecl;

/// <summary>
/// <c>#ifndef Name</c> / <c>#define Name</c> … <c>#endif</c> around a whole header, so including it twice is harmless.
/// </summary>
public sealed record CIncludeGuard(string Name, ImmutableArray<CDecl> Body) : CDecl;

/// <summary>One operand of an extended <c>__asm__</c> statement: its constraint string and the C lvalue or value.</summary>
public sealed record CAsmOperand(string Constraint, CExpr Value);

/// <summary>
/// An extended <c>__asm__ __volatile__</c> statement (GCC/Clang): the template lines, outputs, inputs
/// and clobbers. Only for what C cannot say, such as reading the second syscall return register.
/// </summary>
public sealed record CInlineAssembly(
    ImmutableArray<string> Template,
    ImmutableArray<CAsmOperand> Outputs,
    ImmutableArray<CAsmOperand> Inputs,
    ImmutableArray<string> Clobbers) : CStmt;
