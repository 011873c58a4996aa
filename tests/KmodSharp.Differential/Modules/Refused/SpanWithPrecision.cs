using KmodSharp;

// KMS0900 at the first 's': a span prints as "%.*s" with its own length, never with a precision of its own.
[KernelModule("spanprecision")]
public static class SpanWithPrecision
{
    [Syscall]
    public static int Use(int x)
    {
        System.Span<byte> s = stackalloc byte[4];
        Kernel.Printf("%.3s %4s\n", s, s);
        return x;
    }
}
