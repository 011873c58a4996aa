using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace KmodSharp.Differential.Runner;

/// <summary>
/// Generates a syscall's inputs: per parameter a list of edge values (0, ±1, min, max, min+1,
/// max-1, powers of two ±1, every shift count 0..70, the divisors 0 and -1; for user memory
/// zeroed, random, too-short, read-only and unmapped buffers; for strings empty, long, too long
/// and unterminated ones), combined so that every edge value of every parameter is used, then
/// filled up with seeded random combinations.
/// </summary>
public static class InputGenerator
{
    /// <summary>Addresses mapped in neither world: null, low pages, above the harness's range, the kernel half, and ones whose range wraps.</summary>
    public static readonly ImmutableArray<ulong> UnmappedAddresses =
        [0, 8, 0xfff, 0x1000, 0x0fff_ff00, 0x2000_0000, 0x7fff_ffff_f000, 0x0000_8000_0000_0000, 0xffff_8000_0000_0000, ulong.MaxValue - 2, ulong.MaxValue];

    private static readonly int[] StringLengths = [0, 1, 5, 254, 255, 256, 257, 1023, 1024, 1025];

    public static ImmutableArray<DiffInput> Generate(MethodInfo method, int count, Random random)
    {
        List<Domain> domains = [.. method.GetParameters().Where(p => !IsCallingThread(p.ParameterType)).Select(p => DomainFor(p.ParameterType, random))];
        if (domains.Count == 0)
        {
            // Nothing to vary: a few calls still check state kept between calls.
            return [.. Enumerable.Repeat(new DiffInput([]), Math.Min(count, 16))];
        }

        var inputs = new List<DiffInput>();
        // Every edge value of every parameter, the others drawn from their edges.
        for (int i = 0; i < domains.Count; i++)
        {
            foreach (DiffArgument edge in domains[i].Edges)
            {
                inputs.Add(new DiffInput([.. domains.Select((d, j) => j == i ? edge : d.Edges[random.Next(d.Edges.Count)])]));
            }
        }

        // All pairs of "small" edges for the first two parameters (divisors, shift counts, signs).
        if (domains.Count >= 2)
        {
            List<DiffArgument> a = domains[0].SmallEdges, b = domains[1].SmallEdges;
            foreach (DiffArgument x in a)
            {
                foreach (DiffArgument y in b)
                {
                    inputs.Add(new DiffInput([x, y, .. domains.Skip(2).Select(d => d.Edges[random.Next(d.Edges.Count)])]));
                }
            }
        }

        while (inputs.Count < count)
        {
            inputs.Add(new DiffInput([.. domains.Select(d => random.Next(4) == 0 ? d.Edges[random.Next(d.Edges.Count)] : d.Random(random))]));
        }

        return [.. inputs];
    }

    private static bool IsCallingThread(Type type) => type == typeof(CallingThread);

    private abstract class Domain
    {
        public List<DiffArgument> Edges { get; } = [];

        public List<DiffArgument> SmallEdges { get; } = [];

        public abstract DiffArgument Random(Random random);
    }

    private static Domain DomainFor(Type type, Random random)
    {
        if (type == typeof(bool))
        {
            return new BoolDomain();
        }

        if (type == typeof(UserString))
        {
            return new StringDomain(random);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(UserPtr<>))
        {
            Type pointee = type.GetGenericArguments()[0];
            int size = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(pointee).Invoke(null, null)!;
            return new PointerDomain(size, random);
        }

        Type integral = type.IsEnum ? Enum.GetUnderlyingType(type) : type;
        if (IntegerType.Of(integral) is { } integer)
        {
            return new IntegerDomain(type, integer);
        }

        throw new NotSupportedException($"the differential runner cannot generate a {type}");
    }

    private sealed class BoolDomain : Domain
    {
        public BoolDomain()
        {
            Edges.AddRange([new IntegerArgument(0, false), new IntegerArgument(1, true)]);
            SmallEdges.AddRange(Edges);
        }

        public override DiffArgument Random(Random random) => Edges[random.Next(2)];
    }

    /// <summary>An integer type's width and signedness.</summary>
    internal sealed record IntegerType(int Bits, bool Signed)
    {
        public BigInteger Min => Signed ? -BigInteger.Pow(2, Bits - 1) : 0;

        public BigInteger Max => Signed ? BigInteger.Pow(2, Bits - 1) - 1 : BigInteger.Pow(2, Bits) - 1;

        public static IntegerType? Of(Type type) => type switch
        {
            _ when type == typeof(sbyte) => new(8, true),
            _ when type == typeof(byte) => new(8, false),
            _ when type == typeof(short) => new(16, true),
            _ when type == typeof(ushort) || type == typeof(char) => new(16, false),
            _ when type == typeof(int) => new(32, true),
            _ when type == typeof(uint) => new(32, false),
            _ when type == typeof(long) || type == typeof(nint) => new(64, true),
            _ when type == typeof(ulong) || type == typeof(nuint) => new(64, false),
            _ => null,
        };
    }

    private sealed class IntegerDomain : Domain
    {
        private readonly Type type;
        private readonly IntegerType integer;

        public IntegerDomain(Type type, IntegerType integer)
        {
            this.type = type;
            this.integer = integer;
            var values = new SortedSet<BigInteger> { 0, 1, -1, 2, -2, 3, 7, 10, 100, -100, 255, 256, integer.Min, integer.Max, integer.Min + 1, integer.Max - 1 };
            for (int k = 1; k <= 64; k++)
            {
                BigInteger p = BigInteger.Pow(2, k);
                values.UnionWith([p, p - 1, p + 1, -p, -p + 1, -p - 1]);
            }

            for (int shift = 0; shift <= 70; shift++)
            {
                values.Add(shift);
            }

            if (type.IsEnum)
            {
                foreach (object defined in Enum.GetValues(type))
                {
                    values.Add(ToBig(defined));
                }
            }

            foreach (BigInteger value in values.Where(v => v >= integer.Min && v <= integer.Max))
            {
                Edges.Add(Make(value));
                if (BigInteger.Abs(value) <= 2 || value == integer.Min || value == integer.Max || value == 31 || value == 32 || value == 33 || value == 63 || value == 64)
                {
                    SmallEdges.Add(Make(value));
                }
            }
        }

        public override DiffArgument Random(Random random)
        {
            ulong bits = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
            BigInteger value = random.Next(4) switch
            {
                0 => random.Next(-300, 300),
                1 => ToBig(((IntegerArgument)Edges[random.Next(Edges.Count)]).Value) + random.Next(-3, 4),
                _ => Reinterpret(bits >> (64 - integer.Bits)),
            };
            value = Wrap(value);
            IntegerArgument argument = Make(value);
            if (integer.Bits < 64 && random.Next(4) == 0)
            {
                // The caller's register may hold anything above the parameter's width.
                ulong garbage = ((ulong)random.NextInt64() << integer.Bits) | ((ulong)argument.Register & ((1UL << integer.Bits) - 1));
                return argument with { Register = (long)garbage, UpperGarbage = true };
            }

            return argument;
        }

        private BigInteger Reinterpret(ulong bits) => integer.Signed && (bits >> (integer.Bits - 1) & 1) == 1 ? (BigInteger)bits - BigInteger.Pow(2, integer.Bits) : bits;

        private BigInteger Wrap(BigInteger value)
        {
            BigInteger modulus = BigInteger.Pow(2, integer.Bits);
            BigInteger wrapped = ((value - integer.Min) % modulus + modulus) % modulus + integer.Min;
            return wrapped;
        }

        private IntegerArgument Make(BigInteger value)
        {
            long register = integer.Signed ? (long)value : (long)(ulong)value;
            return new IntegerArgument(register, ToClr(value));
        }

        private object ToClr(BigInteger value)
        {
            Type integral = type.IsEnum ? Enum.GetUnderlyingType(type) : type;
            object boxed = integral switch
            {
                _ when integral == typeof(sbyte) => (sbyte)value,
                _ when integral == typeof(byte) => (byte)value,
                _ when integral == typeof(short) => (short)value,
                _ when integral == typeof(ushort) => (ushort)value,
                _ when integral == typeof(char) => (char)(ushort)value,
                _ when integral == typeof(int) => (int)value,
                _ when integral == typeof(uint) => (uint)value,
                _ when integral == typeof(long) => (long)value,
                _ when integral == typeof(ulong) => (ulong)value,
                _ when integral == typeof(nint) => (nint)(long)value,
                _ => (nuint)(ulong)value,
            };
            return type.IsEnum ? Enum.ToObject(type, boxed) : boxed;
        }

        private static BigInteger ToBig(object value) => value switch
        {
            Enum e => ToBig(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture)),
            nint n => n,
            nuint u => u,
            char c => c,
            ulong u => u,
            _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private sealed class PointerDomain : Domain
    {
        private readonly int size;

        public PointerDomain(int size, Random random)
        {
            this.size = size;
            Edges.Add(new MemoryArgument(MemoryKind.Zeroed, [.. new byte[size]]));
            Edges.Add(new MemoryArgument(MemoryKind.Zeroed, [.. new byte[size * 4]]));
            Edges.Add(new MemoryArgument(MemoryKind.Zeroed, []));
            Edges.Add(new MemoryArgument(MemoryKind.Bytes, RandomBytes(random, size)));
            Edges.Add(new MemoryArgument(MemoryKind.Bytes, [.. Enumerable.Repeat((byte)0xff, size)]));
            Edges.Add(new MemoryArgument(MemoryKind.Bytes, RandomBytes(random, size * 2 + 3)));
            if (size > 1)
            {
                Edges.Add(new MemoryArgument(MemoryKind.Bytes, RandomBytes(random, size - 1)));
            }

            Edges.Add(new MemoryArgument(MemoryKind.ReadOnlyString, RandomText(random, Math.Max(size, 1))));
            Edges.Add(new MemoryArgument(MemoryKind.ReadOnlyString, RandomText(random, Math.Max(size - 1, 0))));
            Edges.AddRange(UnmappedAddresses.Select(a => new AddressArgument(a)));
            SmallEdges.AddRange(Edges.Take(4));
            SmallEdges.Add(new AddressArgument(0));
        }

        public override DiffArgument Random(Random random) => random.Next(8) switch
        {
            0 => new MemoryArgument(MemoryKind.Zeroed, [.. new byte[size * random.Next(1, 4)]]),
            1 => new MemoryArgument(MemoryKind.ReadOnlyString, RandomText(random, size + random.Next(0, 8))),
            2 => new AddressArgument(UnmappedAddresses[random.Next(UnmappedAddresses.Length)]),
            _ => new MemoryArgument(MemoryKind.Bytes, RandomBytes(random, size * random.Next(1, 4))),
        };
    }

    private sealed class StringDomain : Domain
    {
        public StringDomain(Random random)
        {
            Edges.AddRange(StringLengths.Select(n => new MemoryArgument(MemoryKind.ReadOnlyString, RandomText(random, n))));
            Edges.Add(new MemoryArgument(MemoryKind.ReadOnlyString, [.. "hello"u8]));
            // Unterminated: copyinstr runs off the end of the mapping into the guard page.
            Edges.Add(new MemoryArgument(MemoryKind.Bytes, RandomText(random, 16)));
            Edges.Add(new MemoryArgument(MemoryKind.Zeroed, []));
            Edges.Add(new MemoryArgument(MemoryKind.Zeroed, [0]));
            Edges.AddRange(UnmappedAddresses.Select(a => new AddressArgument(a)));
            SmallEdges.AddRange(Edges.Take(3));
            SmallEdges.Add(new AddressArgument(0));
        }

        public override DiffArgument Random(Random random) => random.Next(10) switch
        {
            0 => new AddressArgument(UnmappedAddresses[random.Next(UnmappedAddresses.Length)]),
            1 => new MemoryArgument(MemoryKind.Bytes, RandomText(random, random.Next(1, 40))),
            2 => new MemoryArgument(MemoryKind.ReadOnlyString, RandomText(random, random.Next(250, 1100))),
            _ => new MemoryArgument(MemoryKind.ReadOnlyString, RandomText(random, random.Next(0, 64))),
        };
    }

    private static ImmutableArray<byte> RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return [.. bytes];
    }

    /// <summary>Printable ASCII without NUL (the driver's <c>s:</c> token is a command-line argument).</summary>
    private static ImmutableArray<byte> RandomText(Random random, int length)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)random.Next(0x21, 0x7f);
        }

        return [.. bytes];
    }
}
