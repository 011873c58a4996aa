using Statements = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UntranslatableStatementAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>
/// KMS0900 from Subset/SpanSources for span method calls: a span is a C pointer and length, so a span
/// method is called on a span source (a span variable, a Slice of one, a KernelBuffer's Span), and
/// CopyTo writes to one; the backend has nothing else to call it on.
/// </summary>
public sealed class SpanSourceTests
{
    private const string NotASpan = "This span (a span comes from a constant-size stackalloc, a constant table such as [1, 2, 3] or \"abc\"u8, a KernelBuffer or another span)";

    [Fact]
    public Task A_span_method_on_a_span_that_is_no_source_is_reported_at_that_span() => Statements.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Entry(int value)
            {
                Span<byte> a = stackalloc byte[8];
                Span<byte> b = stackalloc byte[8];
                ({|#0:value > 0 ? a : b|}).Clear();
                ({|#1:value > 0 ? a : b|}).Slice(1).Fill(1);
                a.CopyTo({|#2:value > 0 ? a : b|});
                return a[0];
            }
        }
        """,
        Statements.Diagnostic("KMS0900").WithLocation(0).WithArguments(NotASpan, ""),
        Statements.Diagnostic("KMS0900").WithLocation(1).WithArguments(NotASpan, ""),
        Statements.Diagnostic("KMS0900").WithLocation(2).WithArguments(NotASpan, ""));

    [Fact]
    public Task Span_methods_on_span_sources_are_accepted() => Statements.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Entry(int value)
            {
                Span<byte> a = stackalloc byte[8];
                a.Clear();
                a.Slice(1).Slice(2, 3).Fill(7);
                ((ReadOnlySpan<byte>)a).Slice(1).CopyTo(a.Slice(2));
                using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(4, MallocFlags.WaitOk);
                buffer.Span.Fill(1);
                buffer.Span.Slice(1).CopyTo(a);
                return a[0];
            }
        }
        """);
}
