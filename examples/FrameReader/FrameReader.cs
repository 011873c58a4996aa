using System;
using KmodSharp;

namespace Examples;

/// <summary>The fixed part of a frame; <see cref="Length"/> payload bytes follow it in the same user buffer.</summary>
public struct FrameHeader
{
    /// <summary><c>"KMSF"</c> read as a little-endian <c>uint</c>.</summary>
    public uint Magic;
    public ushort Version;
    public ushort Kind;
    /// <summary>Payload bytes after the header.</summary>
    public uint Length;
    /// <summary>The payload's Fletcher-16 checksum, or 0 to skip the check.</summary>
    public uint Checksum;
}

/// <summary>What the kernel found in a frame: padding after <see cref="Kind"/> and at the end is zero in user memory.</summary>
public struct FrameSummary
{
    public byte Kind;
    public uint Length;
    public ushort Checksum;
    public long Total;
}

/// <summary>
/// A syscall that takes a user buffer the usual way: read a header with copyin, check what it
/// says, then copy in the payload that follows it with one copyin of the length it gave.
/// </summary>
[KernelModule("framereader")]
public static class FrameReader
{
    private const uint FrameMagic = 0x46534d4b;
    private const nuint HeaderSize = 16;
    private const int MaxPayload = 512;

    /// <summary>Reads a frame and returns the Fletcher-16 checksum of its payload.</summary>
    /// <param name="frame">A header followed by its payload.</param>
    /// <returns>The checksum; EINVAL for a bad magic or version, EFBIG for a payload over 512 bytes, EINTEGRITY when the header's checksum does not match.</returns>
    [Syscall(Name = "frame_checksum")]
    public static SyscallResult<int> Checksum(UserPtr<FrameHeader> frame)
    {
        Errno error = Kernel.CopyIn(frame, out FrameHeader header);
        if (error != Errno.None)
        {
            return error;
        }

        if (header.Magic != FrameMagic || header.Version != 1)
        {
            return Errno.EINVAL;
        }

        if (header.Length > MaxPayload)
        {
            return Errno.EFBIG;
        }

        Span<byte> payload = stackalloc byte[MaxPayload];
        Span<byte> body = payload.Slice(0, (int)header.Length);
        error = Kernel.CopyIn(new UserPtr<byte>(frame.Address + HeaderSize), body);
        if (error != Errno.None)
        {
            return error;
        }

        int sum = Fletcher16(body);
        if (header.Checksum != 0 && header.Checksum != (uint)sum)
        {
            return Errno.EINTEGRITY;
        }

        return sum;
    }

    /// <summary>Reads a frame of 32-bit words and writes a summary of it.</summary>
    /// <param name="frame">A header of kind 2 followed by Length bytes of little-endian ints.</param>
    /// <param name="summary">Receives the kind, length, checksum and the words' sum.</param>
    [Syscall(Name = "frame_summarize")]
    public static Errno Summarize(UserPtr<FrameHeader> frame, UserPtr<FrameSummary> summary)
    {
        Errno error = Kernel.CopyIn(frame, out FrameHeader header);
        if (error != Errno.None)
        {
            return error;
        }

        if (header.Magic != FrameMagic || header.Kind != 2 || header.Length % 4 != 0)
        {
            return Errno.EINVAL;
        }

        if (header.Length > MaxPayload)
        {
            return Errno.EFBIG;
        }

        Span<int> words = stackalloc int[MaxPayload / 4];
        Span<int> used = words.Slice(0, (int)(header.Length / 4));
        error = Kernel.CopyIn(new UserPtr<int>(frame.Address + HeaderSize), used);
        if (error != Errno.None)
        {
            return error;
        }

        long total = 0;
        foreach (int word in used)
        {
            total += word;
        }

        FrameSummary result = default;
        result.Kind = (byte)header.Kind;
        result.Length = header.Length;
        result.Checksum = (ushort)header.Checksum;
        result.Total = total;
        return Kernel.CopyOut(in result, summary);
    }

    private static int Fletcher16(ReadOnlySpan<byte> data)
    {
        int low = 0, high = 0;
        foreach (byte b in data)
        {
            low = (low + b) % 255;
            high = (high + low) % 255;
        }

        return (high << 8) | low;
    }
}
