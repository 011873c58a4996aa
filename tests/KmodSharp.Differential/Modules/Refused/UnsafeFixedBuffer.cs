using KmodSharp;

namespace Refused;

/// <summary>A C#-style fixed buffer (refused below; an [InlineArray(8)] field is the translated form, see InlineArrays.cs).</summary>
public unsafe struct RawSamples
{
    public fixed int Readings[8];
}

/// <summary>Refused (KMS0900): an 'unsafe' method indexing a fixed buffer; both diagnostics name [InlineArray] (the backend used to fail on the index).</summary>
[KernelModule("refusedunsafefixed")]
public static class UnsafeFixedBuffer
{
    [Syscall]
    public static unsafe int Sum(int x)
    {
        RawSamples samples = default;
        samples.Readings[0] = x;
        return samples.Readings[0] + samples.Readings[7];
    }
}
