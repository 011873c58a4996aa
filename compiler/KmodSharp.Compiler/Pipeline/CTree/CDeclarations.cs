using System.Collections.Immutable;

namespace KmodSharp.Compiler.Pipeline.CTree;

/// <summary>A top-level item of a C file.</summary>
public abstract record CDecl;

/// <summary>A block comment; each string is a line, which the printer breaks between words to fit 80 columns.</summary>
public sealed record CComment(ImmutableArray<string> Lines) : CDecl;

/// <summary><c>#include &lt;header&gt;</c> (or <c>"header"</c> when not a system header).</summary>
public sealed record CInclude(string Header, bool System = true) : CDecl;

/// <summary>A <c>#define</c>; <paramref name="Parameters"/> is default for object-like macros.</summary>
public sealed record CMacroDefinition(string Name, ImmutableArray<string> Parameters, CExpr Body) : CDecl
{
    public bool IsFunctionLike => !Parameters.IsDefault;
}

/// <summary>Related <c>#define</c>s printed as one block, without blank lines between them.</summary>
public sealed record CMacroGroup(ImmutableArray<CMacroDefinition> Macros) : CDecl;

/// <summary><c>#if condition … #else … #endif</c>; an <c>Else</c> that is one more <c>CPreprocessorIf</c> prints as <c>#elif</c>.</summary>
public sealed record CPreprocessorIf(CExpr Condition, ImmutableArray<CDecl> Then, ImmutableArray<CDecl> Else) : CDecl;

/// <summary><c>#error "message"</c>: the build stops on a configuration the file cannot serve.</summary>
public sealed record CPreprocessorError(string Message) : CDecl;

/// <summary>A struct definition.</summary>
public sealed record CStructDefinition(string Tag, ImmutableArray<CFieldLine> Lines) : CDecl;

/// <summary><c>enum tag { NAME = value, … };</c></summary>
public sealed record CEnumDefinition(string Tag, ImmutableArray<CEnumerator> Enumerators) : CDecl;

/// <summary>One constant of a C enum.</summary>
public sealed record CEnumerator(string Name, CExpr Value);

/// <summary>A function definition; <paramref name="IsStatic"/> gives it internal linkage.</summary>
public sealed record CFunctionDefinition(bool IsStatic, CType ReturnType, string Name, ImmutableArray<CParameter> Parameters, CBlock Body) : CDecl
{
    public CSourceLocation? Location { get; init; }

    /// <summary><c>__always_inline</c> (sys/cdefs.h): merged into its callers by every compiler.</summary>
    public bool AlwaysInline { get; init; }
}

/// <summary>A file-scope variable.</summary>
public sealed record CVariableDefinition(bool IsStatic, CType Type, string Name, CExpr? Initializer = null) : CDecl;

/// <summary>A file-scope table of constants, <c>static const uint8_t name[3] = { 1, 2, 3 };</c> (a C# constant table: a ReadOnlySpan of constants).</summary>
public sealed record CConstantTable(CType Element, string Name, ImmutableArray<CExpr> Values) : CDecl;

/// <summary>A declaration-like macro use at file scope: <c>SYSCALL_MODULE(a, b, …);</c>.</summary>
public sealed record CMacroInvocation(string Macro, ImmutableArray<CExpr> Arguments) : CDecl;

/// <summary>A whole <c>.c</c> or <c>.h</c> file.</summary>
public sealed record CTranslationUnit(string FileName, ImmutableArray<CDecl> Declarations);
