using Unsupported = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UnsupportedConstructAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>KMS0900: constructs the translator does not support.</summary>
public sealed class UnsupportedConstructTests
{
    [Fact]
    public Task UnsupportedConstructs_Fire() => Unsupported.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        struct Pair { public int A; public int B; }

        [KernelModule("m")]
        static class M
        {
            static int s_value;

            static int {|KMS0900:Prop|} => 1;

            [Syscall]
            static int Entry(int n)
            {
                if (n < 0) {|KMS0900:goto|} done;
                ref int {|KMS0900:r|} = ref s_value;
                Pair pair = default;
                if (pair is { A: {|KMS0900:var a|} }) n++;
                Span<byte> bytes = stackalloc byte[4];
                if (bytes is {|KMS0900:{ Length: > 3 }|}) n++;
                int {|KMS0900:Local|}() => 1;
                var t = {|KMS0900:(n, n)|};
                {|KMS0900:unsafe|}
                {
                    int* p = {|KMS0900:&n|};
                }
                done:
                return n;
            }

            static T {|KMS0900:Generic|}<T>(T value) => value;
        }
        """);

    [Fact]
    public Task SupportedConstructs_DoNotFire() => Unsupported.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        enum Mode { Read, Write }

        struct Range { public int Low; public int High; }

        struct Reading { public int Level; public Mode Mode; public Range Range; }

        [KernelModule("m")]
        static class M
        {
            static KernelMutex s_lock;

            [Syscall]
            static (long, long) Entry(int n, Mode mode)
            {
                Span<byte> span = stackalloc byte[8];
                foreach (byte b in span) { n += b; }
                int kind = mode switch { Mode.Read => 1, Mode.Write => 2, _ => 0 };
                if (n is > 0 and < 10 or 42) n++;
                Reading reading = default;
                if (reading is { Level: > 0, Mode: Mode.Read } or { Range.Low: 0, Range: { High: < 9 } }) n++;
                n += reading switch { { Mode: Mode.Write } => 1, { } => 2 };
                using (s_lock.Lock()) { n++; }
                for (int i = 0; i < 4; i++) { if (i == 2) continue; n += i; }
                switch (n) { case 1: n = 2; break; default: break; }
                return (n, kind);
            }
        }
        """);

    [Fact]
    public Task A_fixed_buffer_points_to_an_inline_array_wherever_unsafe_code_meets_it() => Unsupported.VerifyAnalyzerAsync("""
        using KmodSharp;

        public unsafe struct Samples
        {
            public fixed int Readings[8];
        }

        [KernelModule("m")]
        static unsafe class M
        {
            [Syscall]
            static int Sum(int x)
            {
                Samples held = default;
                {|#0:held.Readings[2]|} = x;
                return {|#1:held.Readings[2]|};
            }

            [Syscall]
            static unsafe int {|#2:First|}(int x) => x;
        }
        """,
        Unsupported.Diagnostic("KMS0900").WithLocation(0).WithArguments(FixedBuffer, ""),
        Unsupported.Diagnostic("KMS0900").WithLocation(1).WithArguments(FixedBuffer, ""),
        Unsupported.Diagnostic("KMS0900").WithLocation(2).WithArguments(
            "An 'unsafe' method (kernel code needs no pointers: for a fixed-size array in a struct, 'fixed int V[8]', use a field of an [InlineArray(8)] struct)", ""));

    private const string FixedBuffer = "Indexing the fixed buffer 'Readings' (declare it as a field of an [InlineArray(8)] struct: indexed without 'unsafe', and bounds-checked)";
}
