using System;
using KmodSharp;

namespace Examples;

/// <summary>
/// A syscall that takes an integer and a user string: the string is copied in with a bounded
/// copyinstr, logged, and the integer comes back tripled. It builds both ways: as a loadable module
/// it takes a free dynamic slot (210-219); built --in-tree --freebsd-sysdir DIR it is compiled into
/// the kernel at the next number of DIR/kern/syscalls.master (583 on FreeBSD 13.2), as the tutorial
/// it comes from adds it.
/// </summary>
[KernelModule("mycustom")]
public static class CustomSyscall
{
    private const int MessageMax = 256;

    /// <summary>Logs <paramref name="message"/> with <paramref name="value"/> to the kernel message buffer.</summary>
    /// <param name="value">The number to triple.</param>
    /// <param name="message">A NUL-terminated string of at most 255 bytes.</param>
    /// <returns>Three times the value.</returns>
    [Syscall(Name = "my_custom_syscall")]
    public static SyscallResult<int> Custom(int value, UserString message)
    {
        Span<byte> text = stackalloc byte[MessageMax];
        Errno error = Kernel.CopyInString(message, text, out nuint length);
        if (error != Errno.None)
        {
            return error;
        }

        Kernel.Printf("my_custom_syscall: value=%d message=%s (%zu bytes)\n", value, text, length);
        return value * 3;
    }
}
