using Statements = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UntranslatableStatementAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>
/// KMS0900 from Subset/ConstantTable, SpanSources and KernelResources for what a span or buffer can be
/// made of: a constant table is a ReadOnlySpan of constants; a method returns a span source or a new
/// KernelBuffer; everything accepted here translates.
/// </summary>
public sealed class ReturnedSpanAndTableTests
{
    private const string Collection = "The collection expression '{0}' (a constant table is a ReadOnlySpan<T> of integer constants, 'ReadOnlySpan<byte> t = [1, 2, 3];'; for a writable or computed one use 'stackalloc T[] {{ … }}')";

    [Fact]
    public Task Tables_spans_and_buffers_that_translate_are_accepted() => Statements.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            private static ReadOnlySpan<ushort> Ports => [22, 80, 443];

            [Syscall]
            static int Entry(int value)
            {
                ReadOnlySpan<byte> magic = "KMS1"u8;
                ReadOnlySpan<long> limits = [long.MinValue, 0, 7];
                using KernelBuffer<int> owned = Make(value & 7);
                return magic[0] + Ports[^1] + (int)limits[2] + First(Ports) + owned.Length;
            }

            private static int First(ReadOnlySpan<ushort> values) => Skip(values, 1)[0];

            private static ReadOnlySpan<ushort> Skip(ReadOnlySpan<ushort> values, int n) => values[n..];

            private static KernelBuffer<int> Make(int n) => Kernel.Allocate<int>(n, MallocFlags.WaitOk);
        }
        """);

    [Fact]
    public Task A_writable_computed_or_empty_table_and_a_held_buffer_returned_are_reported() => Statements.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Entry(int value)
            {
                Span<byte> writable = {|#0:[1, 2]|};
                ReadOnlySpan<int> computed = {|#1:[value, 2]|};
                ReadOnlySpan<int> empty = {|#2:[]|};
                using KernelBuffer<int> owned = Held(4);
                return writable[0] + computed[0] + empty.Length + owned.Length;
            }

            private static KernelBuffer<int> Held(int n)
            {
                using KernelBuffer<int> b = Kernel.Allocate<int>(n, MallocFlags.WaitOk);
                return {|#3:b|};
            }
        }
        """,
        Statements.Diagnostic("KMS0900").WithLocation(0).WithArguments(string.Format(System.Globalization.CultureInfo.InvariantCulture, Collection, "[1, 2]"), ""),
        Statements.Diagnostic("KMS0900").WithLocation(1).WithArguments(string.Format(System.Globalization.CultureInfo.InvariantCulture, Collection, "[value, 2]"), ""),
        Statements.Diagnostic("KMS0900").WithLocation(2).WithArguments("An empty constant table (a table has at least one element)", ""),
        Statements.Diagnostic("KMS0900").WithLocation(3).WithArguments("Returning this KernelBuffer (return 'Kernel.Allocate<T>(…)' itself, or a call of a method that does; the caller's 'using' frees it)", ""));
}
