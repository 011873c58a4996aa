using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (generator seed 221): a syscall that prints more than the harness's 256 KiB message
/// buffer holds was reported as a log mismatch ("helper0: 6" against the cut "hel"), though the C
/// was right: the buffer, like the kernel's msgbuf, keeps a fixed amount. The comparison now knows
/// the buffer overflowed and compares what it kept; the calls after the overflow still compare
/// their results.
/// </summary>
[KernelModule("fullmsgbuf")]
public static class FullMessageBuffer
{
    [Syscall]
    public static int Chatty(int lines)
    {
        int printed = 0;
        if (lines == int.MaxValue)
        {
            for (int i = 0; i < 30000; i++)
            {
                Kernel.Printf("fullmsgbuf: line %d of many\n", i);
                printed++;
            }
        }

        Kernel.Printf("fullmsgbuf: %d\n", lines);
        return printed + (lines & 7);
    }
}
