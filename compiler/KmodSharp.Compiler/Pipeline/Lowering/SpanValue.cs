using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>A span in C: where its elements start and how many there are (a <c>size_t</c> or a constant).</summary>
internal sealed record SpanValue(CExpr Pointer, CExpr Length, KType Element);
