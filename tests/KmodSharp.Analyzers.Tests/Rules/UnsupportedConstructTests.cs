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
                if (pair is {|KMS0900:{ A: 1 }|}) n++;
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
                using (s_lock.Lock()) { n++; }
                for (int i = 0; i < 4; i++) { if (i == 2) continue; n += i; }
                switch (n) { case 1: n = 2; break; default: break; }
                return (n, kind);
            }
        }
        """);
}
