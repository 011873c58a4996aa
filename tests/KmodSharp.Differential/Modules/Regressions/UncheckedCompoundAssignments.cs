using System;
using KmodSharp;

namespace Differential;

public struct UncheckedCompoundAssignmentsRecord
{
    public uint F0;
    public byte F1;
}

/// <summary>
/// The unchecked twin of CheckedCompoundAssignments (generator seeds 1247, 1269): the same compound
/// assignments wrap to the narrow target's type (modulo 2^n) and only / and % can fail.
/// </summary>
[KernelModule("uncheckedcompound")]
public static class UncheckedCompoundAssignments
{
    private static UncheckedCompoundAssignmentsRecord s_record = new UncheckedCompoundAssignmentsRecord { F0 = 5u, F1 = (byte)73 };
    private static char s_char;
    private static uint s_uint;

    [Syscall]
    public static int SByteLocal(sbyte a, sbyte b, int n, byte op)
    {
        sbyte x = a;
        unchecked
        {
            switch (op % 11)
            {
                case 0:
                    x += b;
                    break;
                case 1:
                    x -= b;
                    break;
                case 2:
                    x *= b;
                    break;
                case 3:
                    x /= b;
                    break;
                case 4:
                    x %= b;
                    break;
                case 5:
                    x <<= n;
                    break;
                case 6:
                    x >>= n;
                    break;
                case 7:
                    x >>>= n;
                    break;
                case 8:
                    x &= b;
                    break;
                case 9:
                    x |= b;
                    break;
                default:
                    x ^= b;
                    break;
            }
        }

        return x;
    }

    [Syscall]
    public static int ByteStaticField(byte a, byte b, int n, byte op)
    {
        s_record.F1 = a;
        unchecked
        {
            switch (op % 11)
            {
                case 0:
                    s_record.F1 += b;
                    break;
                case 1:
                    s_record.F1 -= b;
                    break;
                case 2:
                    s_record.F1 *= b;
                    break;
                case 3:
                    s_record.F1 /= b;
                    break;
                case 4:
                    s_record.F1 %= b;
                    break;
                case 5:
                    s_record.F1 <<= n;
                    break;
                case 6:
                    s_record.F1 >>= n;
                    break;
                case 7:
                    s_record.F1 >>>= n;
                    break;
                case 8:
                    s_record.F1 &= b;
                    break;
                case 9:
                    s_record.F1 |= b;
                    break;
                default:
                    s_record.F1 ^= b;
                    break;
            }
        }

        return s_record.F1 + (int)s_record.F0;
    }

    [Syscall]
    public static SyscallResult<int> ShortSpanElement(short a, short b, int n, byte op)
    {
        Span<short> values = stackalloc short[] { 1, a, 3 };
        int i = op & 1;
        unchecked
        {
            switch (op % 11)
            {
                case 0:
                    values[i + 1] += b;
                    break;
                case 1:
                    values[i + 1] -= b;
                    break;
                case 2:
                    values[i + 1] *= b;
                    break;
                case 3:
                    values[i + 1] /= b;
                    break;
                case 4:
                    values[i + 1] %= b;
                    break;
                case 5:
                    values[i + 1] <<= n;
                    break;
                case 6:
                    values[i + 1] >>= n;
                    break;
                case 7:
                    values[i + 1] >>>= n;
                    break;
                case 8:
                    values[i + 1] &= b;
                    break;
                case 9:
                    values[i + 1] |= b;
                    break;
                default:
                    values[i + 1] ^= b;
                    break;
            }
        }

        return values[0] + values[1] * 7 + values[2] * 49;
    }

    private static int ApplyUShort(ref ushort x, ushort b, int n, byte op)
    {
        unchecked
        {
            switch (op % 11)
            {
                case 0:
                    x += b;
                    break;
                case 1:
                    x -= b;
                    break;
                case 2:
                    x *= b;
                    break;
                case 3:
                    x /= b;
                    break;
                case 4:
                    x %= b;
                    break;
                case 5:
                    x <<= n;
                    break;
                case 6:
                    x >>= n;
                    break;
                case 7:
                    x >>>= n;
                    break;
                case 8:
                    x &= b;
                    break;
                case 9:
                    x |= b;
                    break;
                default:
                    x ^= b;
                    break;
            }
        }

        return x;
    }

    [Syscall]
    public static SyscallResult<int> UShortRefParameter(ushort a, ushort b, int n, byte op)
    {
        ushort x = a;
        int r = ApplyUShort(ref x, b, n, op);
        return r + x;
    }

    [Syscall]
    public static int CharStatic(ushort a, ushort b, int n, byte op)
    {
        s_char = (char)a;
        char c = (char)b;
        unchecked
        {
            switch (op % 11)
            {
                case 0:
                    s_char += c;
                    break;
                case 1:
                    s_char -= c;
                    break;
                case 2:
                    s_char *= c;
                    break;
                case 3:
                    s_char /= c;
                    break;
                case 4:
                    s_char %= c;
                    break;
                case 5:
                    s_char <<= n;
                    break;
                case 6:
                    s_char >>= n;
                    break;
                case 7:
                    s_char >>>= n;
                    break;
                case 8:
                    s_char &= c;
                    break;
                case 9:
                    s_char |= c;
                    break;
                default:
                    s_char ^= c;
                    break;
            }
        }

        return s_char;
    }

    [Syscall]
    public static int IntLocal(int a, int b, int n, byte op)
    {
        int x = a;
        unchecked
        {
            switch (op % 11)
            {
                case 0:
                    x += b;
                    break;
                case 1:
                    x -= b;
                    break;
                case 2:
                    x *= b;
                    break;
                case 3:
                    x /= b;
                    break;
                case 4:
                    x %= b;
                    break;
                case 5:
                    x <<= n;
                    break;
                case 6:
                    x >>= n;
                    break;
                case 7:
                    x >>>= n;
                    break;
                case 8:
                    x &= b;
                    break;
                case 9:
                    x |= b;
                    break;
                default:
                    x ^= b;
                    break;
            }
        }

        return x;
    }

    [Syscall]
    public static uint UIntStatic(uint a, uint b, int n, byte op)
    {
        s_uint = a;
        unchecked
        {
            switch (op % 11)
            {
                case 0:
                    s_uint += b;
                    break;
                case 1:
                    s_uint -= b;
                    break;
                case 2:
                    s_uint *= b;
                    break;
                case 3:
                    s_uint /= b;
                    break;
                case 4:
                    s_uint %= b;
                    break;
                case 5:
                    s_uint <<= n;
                    break;
                case 6:
                    s_uint >>= n;
                    break;
                case 7:
                    s_uint >>>= n;
                    break;
                case 8:
                    s_uint &= b;
                    break;
                case 9:
                    s_uint |= b;
                    break;
                default:
                    s_uint ^= b;
                    break;
            }
        }

        return s_uint;
    }

    [Syscall]
    public static long LongLocal(long a, long b, int n, byte op)
    {
        long x = a;
        unchecked
        {
            switch (op % 11)
            {
                case 0:
                    x += b;
                    break;
                case 1:
                    x -= b;
                    break;
                case 2:
                    x *= b;
                    break;
                case 3:
                    x /= b;
                    break;
                case 4:
                    x %= b;
                    break;
                case 5:
                    x <<= n;
                    break;
                case 6:
                    x >>= n;
                    break;
                case 7:
                    x >>>= n;
                    break;
                case 8:
                    x &= b;
                    break;
                case 9:
                    x |= b;
                    break;
                default:
                    x ^= b;
                    break;
            }
        }

        return x;
    }

    [Syscall]
    public static ulong ULongLocal(ulong a, ulong b, int n, byte op)
    {
        ulong x = a;
        unchecked
        {
            switch (op % 11)
            {
                case 0:
                    x += b;
                    break;
                case 1:
                    x -= b;
                    break;
                case 2:
                    x *= b;
                    break;
                case 3:
                    x /= b;
                    break;
                case 4:
                    x %= b;
                    break;
                case 5:
                    x <<= n;
                    break;
                case 6:
                    x >>= n;
                    break;
                case 7:
                    x >>>= n;
                    break;
                case 8:
                    x &= b;
                    break;
                case 9:
                    x |= b;
                    break;
                default:
                    x ^= b;
                    break;
            }
        }

        return x;
    }

    [Syscall]
    public static SyscallResult<long> Steps(sbyte a, byte b, short c, ushort d, byte op)
    {
        char e = (char)d;
        long r = 0;
        unchecked
        {
            switch (op % 10)
            {
                case 0:
                    r = a++;
                    break;
                case 1:
                    r = --a;
                    break;
                case 2:
                    r = ++b;
                    break;
                case 3:
                    r = b--;
                    break;
                case 4:
                    c++;
                    break;
                case 5:
                    --c;
                    break;
                case 6:
                    r = ++d;
                    break;
                case 7:
                    d--;
                    break;
                case 8:
                    r = e++;
                    break;
                default:
                    --e;
                    break;
            }
        }

        return r * 3 + a + b * 5L + c * 7L + d * 11L + e * 13L;
    }
}
