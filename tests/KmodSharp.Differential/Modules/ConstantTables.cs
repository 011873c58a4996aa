using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Differential module: constant tables — <c>ReadOnlySpan&lt;T&gt;</c> collection expressions of constants
/// (bytes, ints, longs, chars, negative and extreme values), UTF-8 literals and static table properties,
/// indexed (from the end too), sliced, walked, passed to helpers; an index past a table is EINVAL in
/// both worlds. Indices come through helpers, so out-of-range ones are common.
/// </summary>
[KernelModule("tables")]
public static class ConstantTables
{
    // The CRC-8 (poly 0x07) table's first sixteen entries.
    private static ReadOnlySpan<byte> Crc8 =>
    [
        0x00, 0x07, 0x0e, 0x09, 0x1c, 0x1b, 0x12, 0x15,
        0x38, 0x3f, 0x36, 0x31, 0x24, 0x23, 0x2a, 0x2d,
    ];

    private static ReadOnlySpan<long> Limits => [long.MinValue, -1, 0, 1, long.MaxValue, unchecked((long)0xdeadbeefcafe)];

    private static ReadOnlySpan<byte> Magic => "KMS1"u8;

    [Syscall]
    public static SyscallResult<int> Crc(int seed, int length) => CrcOf((byte)seed, length % 12);

    [Syscall]
    public static SyscallResult<long> Limit(int index) => Limits[index % 8] ^ Limits[^1];

    [Syscall]
    public static SyscallResult<int> Header(int a, int b) => CheckHeader(a, b);

    [Syscall]
    public static SyscallResult<int> Local(int index, int back) => LocalTables(index % 9, back % 9);

    // A nibble-wise CRC over the first bytes of a fixed message.
    private static int CrcOf(byte seed, int length)
    {
        ReadOnlySpan<byte> message = "The quick brown fox"u8;
        int crc = seed;
        foreach (byte b in message[..length])
        {
            crc = Crc8[(crc ^ b) & 0x0f] ^ (crc >> 4);
            crc = Crc8[(crc ^ (b >> 4)) & 0x0f] ^ (crc >> 4);
        }

        return crc + (message.Length << 8);
    }

    private static int CheckHeader(int a, int b)
    {
        Span<byte> header = stackalloc byte[6];
        Magic.CopyTo(header);
        header[4] = (byte)a;
        header[5] = (byte)b;
        int matches = 0;
        for (int i = 0; i < Magic.Length; i++)
        {
            if (header[i] == Magic[i])
            {
                matches++;
            }
        }

        return matches + Sum(header[(a & 7)..]) + (Magic[^1] << 16);
    }

    private static int LocalTables(int index, int back)
    {
        ReadOnlySpan<int> weights = [3, -7, 11, int.MinValue, int.MaxValue, 0, 42];
        ReadOnlySpan<char> letters = ['k', 'm', 's', '\u00e9', '\uffff'];
        ReadOnlySpan<sbyte> signs = [-128, -1, 0, 1, 127];
        int result = weights[index] + letters[back] + signs[^(back + 1)];
        return result ^ Sum("\u00e9t\u00e9"u8) ^ weights.Length;
    }

    private static int Sum(ReadOnlySpan<byte> bytes)
    {
        int total = 0;
        foreach (byte b in bytes)
        {
            total = (total * 31) + b;
        }

        return total;
    }
}
