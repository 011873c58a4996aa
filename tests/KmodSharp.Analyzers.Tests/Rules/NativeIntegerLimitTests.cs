using Calls = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UntranslatableCallAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>
/// nint/nuint MinValue and MaxValue are no C# constants but translate (INTPTR_MIN, INTPTR_MAX,
/// UINTPTR_MAX): no KMS0100 for them, while the other members of IntPtr stay untranslatable.
/// </summary>
public sealed class NativeIntegerLimitTests
{
    [Fact]
    public Task Native_integer_limits_are_translatable_and_other_members_are_not() => Calls.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static long Entry(long value)
            {
                nint low = nint.MinValue;
                nint high = IntPtr.MaxValue;
                nuint zero = nuint.MinValue;
                nuint top = UIntPtr.MaxValue;
                int size = {|KMS0100:nint.Size|};
                nint parsed = {|KMS0100:nint.Abs((nint)value)|};
                return (long)(low ^ high ^ parsed) ^ (long)(zero ^ top) ^ size;
            }
        }
        """);
}
