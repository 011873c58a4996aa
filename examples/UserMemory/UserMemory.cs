using System;
using KmodSharp;

namespace Examples;

/// <summary>A request a process passes by address: read with copyin, never dereferenced.</summary>
public struct Request
{
    public int Operand;
    public int Factor;
}

/// <summary>The answer the kernel copies back out; zeroed first, so no padding byte leaks.</summary>
public struct Reply
{
    public long Product;
    public int Calls;
    public int Checksum;
}

/// <summary>Moving data across the user/kernel boundary safely: copyin, copyout, copyinstr, fubyte, subyte.</summary>
[KernelModule("usermem")]
public static class UserMemory
{
    private static int calls;

    /// <summary>Reads a <see cref="Request"/>, multiplies its operands, writes a <see cref="Reply"/>.</summary>
    /// <param name="request">The operands, read with copyin.</param>
    /// <param name="reply">Receives the product, the call count and a checksum, written with copyout.</param>
    [Syscall(Name = "usermem_multiply")]
    public static Errno Multiply(UserPtr<Request> request, UserPtr<Reply> reply)
    {
        Errno error = Kernel.CopyIn(request, out Request input);
        if (error != Errno.None)
        {
            return error;
        }

        calls++;
        var output = new Reply { Product = (long)input.Operand * input.Factor, Calls = calls, Checksum = input.Operand ^ input.Factor };
        return Kernel.CopyOut(in output, reply);
    }

    /// <summary>Counts the bytes of a user string up to its NUL.</summary>
    /// <param name="text">A NUL-terminated string of at most 63 bytes.</param>
    /// <returns>The length of the string.</returns>
    [Syscall(Name = "usermem_strlen")]
    public static SyscallResult<int> StringLength(UserString text)
    {
        Span<byte> buffer = stackalloc byte[64];
        Errno error = Kernel.CopyInString(text, buffer, out nuint copied);
        if (error != Errno.None)
        {
            return error;
        }

        return (int)copied - 1;
    }

    /// <summary>Increments one user byte in place with fubyte/subyte.</summary>
    /// <param name="address">The byte to increment.</param>
    /// <returns>The new value of the byte.</returns>
    [Syscall(Name = "usermem_bump")]
    public static SyscallResult<int> Bump(UserPtr<byte> address)
    {
        int value = Kernel.FetchByte(address);
        if (value == -1)
        {
            return Errno.EFAULT;
        }

        if (Kernel.StoreByte(address, (byte)(value + 1)) != 0)
        {
            return Errno.EFAULT;
        }

        return (value + 1) & 0xff;
    }
}
