using System.Collections.Immutable;

namespace KmodSharp.Compiler.Pipeline.CTree;

/// <summary>A C expression.</summary>
public abstract record CExpr;

/// <summary>A name: variable, function, macro or enum constant.</summary>
public sealed record CIdentifier(string Name) : CExpr;

/// <summary>The suffix of an integer literal, which fixes its C type.</summary>
public enum CIntegerSuffix
{
    None,
    U,
    L,
    UL,
    LL,
    ULL,
}

/// <summary>An integer literal; negative values print as a parenthesised negation.</summary>
public sealed record CIntegerLiteral(System.Numerics.BigInteger Value, CIntegerSuffix Suffix = CIntegerSuffix.None, bool Hex = false) : CExpr;

/// <summary>A string literal; the printer escapes it.</summary>
public sealed record CStringLiteral(string Value) : CExpr;

/// <summary>Unary operators.</summary>
public enum CUnaryOperator
{
    Negate,
    Plus,
    BitwiseNot,
    LogicalNot,
    AddressOf,
    Dereference,
    PreIncrement,
    PreDecrement,
    PostIncrement,
    PostDecrement,
}

/// <summary>A unary operation.</summary>
public sealed record CUnary(CUnaryOperator Operator, CExpr Operand) : CExpr;

/// <summary>Binary operators, in C's meaning.</summary>
public enum CBinaryOperator
{
    Multiply,
    Divide,
    Remainder,
    Add,
    Subtract,
    ShiftLeft,
    ShiftRight,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    BitwiseAnd,
    BitwiseXor,
    BitwiseOr,
    LogicalAnd,
    LogicalOr,
}

/// <summary>A binary operation.</summary>
public sealed record CBinary(CBinaryOperator Operator, CExpr Left, CExpr Right) : CExpr;

/// <summary>An assignment; <paramref name="Operator"/> is null for plain <c>=</c>, else the compound operator.</summary>
public sealed record CAssign(CExpr Target, CExpr Value, CBinaryOperator? Operator = null) : CExpr;

/// <summary><c>cond ? a : b</c>.</summary>
public sealed record CConditional(CExpr Condition, CExpr WhenTrue, CExpr WhenFalse) : CExpr;

/// <summary><c>(type)operand</c>.</summary>
public sealed record CCast(CType Type, CExpr Operand) : CExpr;

/// <summary>A call of a function or function-like macro.</summary>
public sealed record CCall(CExpr Function, ImmutableArray<CExpr> Arguments) : CExpr
{
    public CCall(string function, params CExpr[] arguments)
        : this(new CIdentifier(function), [.. arguments])
    {
    }
}

/// <summary><c>target.member</c> or <c>target-&gt;member</c>.</summary>
public sealed record CMember(CExpr Target, string Member, bool Arrow) : CExpr;

/// <summary><c>target[index]</c>.</summary>
public sealed record CIndex(CExpr Target, CExpr Index) : CExpr;

/// <summary><c>sizeof(type)</c>.</summary>
public sealed record CSizeofType(CType Type) : CExpr;

/// <summary><c>sizeof(expr)</c>.</summary>
public sealed record CSizeofExpression(CExpr Operand) : CExpr;

/// <summary>A type passed to a function-like macro, e.g. <c>KMS_PADL_(int)</c>.</summary>
public sealed record CTypeArgument(CType Type) : CExpr;

/// <summary>A braced initializer with designators: <c>{ .sy_narg = 1, .sy_call = f }</c>.</summary>
public sealed record CDesignatedInitializer(ImmutableArray<CDesignator> Members) : CExpr;

/// <summary>One <c>.member = value</c> of a designated initializer.</summary>
public sealed record CDesignator(string Member, CExpr Value);
