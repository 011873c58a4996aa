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

    /// <summary>Reads a <see cref="Request"/>, writes a <see cref="Reply"/>.</summary>
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

    /// <summary>Counts the bytes of a user string up to a NUL, at most 64.</summary>
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

    /// <summary>Increments one user byte in place with fubyte/subyte; returns the new value.</summary>
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
