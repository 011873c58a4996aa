using System;
using System.Linq;
using System.Reflection;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Differential.Runner;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>The runner's own parts, without the harness: input generation and the .NET side's ABI outcome.</summary>
public sealed class RunnerTests
{
    [Fact]
    public void Integer_inputs_cover_the_edges_and_every_shift_count()
    {
        var inputs = InputGenerator.Generate(Method(nameof(Handlers.Divide)), 1000, new Random(1));
        var first = inputs.Select(i => (int)((IntegerArgument)i.Arguments[0]).Value).ToHashSet();
        var second = inputs.Select(i => (int)((IntegerArgument)i.Arguments[1]).Value).ToHashSet();

        Assert.True(inputs.Length >= 1000);
        Assert.Superset(new[] { 0, 1, -1, int.MinValue, int.MaxValue, int.MinValue + 1, int.MaxValue - 1, 1 << 30, (1 << 30) - 1, (1 << 30) + 1 }.ToHashSet(), first);
        Assert.Superset(Enumerable.Range(0, 71).ToHashSet(), second);
        Assert.Contains(inputs, i => i.Arguments[0] is IntegerArgument { UpperGarbage: true });
        Assert.Contains(inputs, i => (int)((IntegerArgument)i.Arguments[0]).Value == int.MinValue && (int)((IntegerArgument)i.Arguments[1]).Value == -1);
    }

    [Theory]
    [InlineData(false, new[] { "a", "b" }, new[] { "a", "b" }, -1)]
    [InlineData(false, new[] { "a", "b" }, new[] { "a", "x" }, 1)]
    [InlineData(false, new[] { "a", "b" }, new[] { "a" }, 1)]
    [InlineData(true, new[] { "a", "bcd", "e" }, new[] { "a", "bc" }, -1)]
    [InlineData(true, new[] { "a", "bcd", "e" }, new[] { "a", "bx" }, 1)]
    [InlineData(true, new[] { "a", "bcd" }, new[] { "x", "bc" }, 0)]
    [InlineData(true, new[] { "a" }, new[] { "a", "b" }, 1)]
    public void A_full_message_buffer_compares_only_what_it_kept(bool overflowed, string[] expected, string[] actual, int first) =>
        Assert.Equal(first, DifferentialRunner.FirstDifference([.. expected], [.. actual], overflowed));

    [Fact]
    public void Generation_is_deterministic_for_a_seed()
    {
        string a = string.Join(";", InputGenerator.Generate(Method(nameof(Handlers.Divide)), 1000, new Random(7)).Select(i => i.ToString()));
        string b = string.Join(";", InputGenerator.Generate(Method(nameof(Handlers.Divide)), 1000, new Random(7)).Select(i => i.ToString()));

        Assert.Equal(a, b);
    }

    [Fact]
    public void Pointer_inputs_include_good_short_read_only_and_unmapped_buffers()
    {
        var arguments = InputGenerator.Generate(Method(nameof(Handlers.Triple)), 200, new Random(1)).Select(i => i.Arguments[0]).ToList();

        Assert.Contains(arguments, a => a is MemoryArgument { Kind: MemoryKind.Zeroed, Contents.Length: 8 });
        Assert.Contains(arguments, a => a is MemoryArgument { Kind: MemoryKind.Bytes, Contents.Length: 7 });
        Assert.Contains(arguments, a => a is MemoryArgument { Kind: MemoryKind.ReadOnlyString });
        Assert.Contains(arguments, a => a is AddressArgument { Address: 0 });
        Assert.Contains(arguments, a => a is AddressArgument { Address: ulong.MaxValue });
    }

    [Fact]
    public void String_inputs_include_empty_too_long_unterminated_and_bad_strings()
    {
        var arguments = InputGenerator.Generate(Method(nameof(Handlers.Length)), 200, new Random(1)).Select(i => i.Arguments[0]).ToList();

        Assert.Contains(arguments, a => a is MemoryArgument { Kind: MemoryKind.ReadOnlyString, Contents.Length: 0 });
        Assert.Contains(arguments, a => a is MemoryArgument { Kind: MemoryKind.ReadOnlyString, Contents.Length: 1025 });
        Assert.Contains(arguments, a => a is MemoryArgument { Kind: MemoryKind.Bytes } m && !m.Contents.Contains((byte)0));
        Assert.Contains(arguments, a => a is AddressArgument);
    }

    [Theory]
    [InlineData(7, 2, 0, 3)]
    [InlineData(7, 0, 33, 0)]
    [InlineData(int.MinValue, -1, 84, 0)]
    public void Exceptions_become_their_documented_errno(int a, int b, int error, long retval)
    {
        SyscallOutcome outcome = ManagedExecutor.Run(Method(nameof(Handlers.Divide)), new DiffInput([new IntegerArgument(a, a), new IntegerArgument(b, b)]));

        Assert.Null(outcome.Exception);
        Assert.Equal(error, outcome.Error);
        Assert.Equal(retval, outcome.Retval);
    }

    [Fact]
    public void Index_out_of_range_is_EINVAL_and_other_exceptions_are_failures()
    {
        Assert.Equal(22, ManagedExecutor.Run(Method(nameof(Handlers.Index)), new DiffInput([new IntegerArgument(9, 9)])).Error);
        Assert.Contains("InvalidOperationException", ManagedExecutor.Run(Method(nameof(Handlers.Throws)), new DiffInput([])).Exception);
    }

    [Fact]
    public void User_buffers_are_read_back_and_results_follow_the_ABI()
    {
        var input = new DiffInput([new MemoryArgument(MemoryKind.Bytes, [1, 0, 0, 0, 0, 0, 0, 0])]);
        SyscallOutcome outcome = ManagedExecutor.Run(Method(nameof(Handlers.Triple)), input);

        Assert.Equal(0, outcome.Error);
        Assert.Equal(3, outcome.Retval);
        Assert.Equal((0, "0300000000000000"), Assert.Single(outcome.Buffers));
        Assert.Equal("tripled 1", Assert.Single(outcome.Log));
        Assert.Equal(14, ManagedExecutor.Run(Method(nameof(Handlers.Triple)), new DiffInput([new AddressArgument(0)])).Error);
        Assert.Equal(14, ManagedExecutor.Run(Method(nameof(Handlers.Triple)), new DiffInput([new MemoryArgument(MemoryKind.ReadOnlyString, [.. "12345678"u8])])).Error);
    }

    [Fact]
    public void Strings_are_mapped_with_their_NUL()
    {
        Assert.Equal(6, ManagedExecutor.Run(Method(nameof(Handlers.Length)), new DiffInput([new MemoryArgument(MemoryKind.ReadOnlyString, [.. "hello"u8])])).Retval);
        Assert.Equal(63, ManagedExecutor.Run(Method(nameof(Handlers.Length)), new DiffInput([new MemoryArgument(MemoryKind.ReadOnlyString, [.. new byte[40].Select(_ => (byte)'x')])])).Error);
        Assert.Equal(14, ManagedExecutor.Run(Method(nameof(Handlers.Length)), new DiffInput([new MemoryArgument(MemoryKind.Bytes, [.. "abc"u8])])).Error);
    }

    [Theory]
    [InlineData(0x1_0000_0005L, 32, true, 5L)]
    [InlineData(0xffff_ffffL, 32, true, -1L)]
    [InlineData(0xffff_ffffL, 32, false, 0xffff_ffffL)]
    [InlineData(-1L, 8, false, 255L)]
    [InlineData(0x80L, 8, true, -128L)]
    public void The_C_register_is_compared_in_the_return_type(long register, int bits, bool signed, long expected) =>
        Assert.Equal(expected, DifferentialRunner.Truncate(register, new KInteger(bits, signed)));

    private static MethodInfo Method(string name) => typeof(Handlers).GetMethod(name)!;

    /// <summary>Handlers run only in .NET here (the backend need not translate them).</summary>
    public static class Handlers
    {
        public static int Divide(int a, int b) => a / b;

        public static int Index(int i)
        {
            Span<int> values = stackalloc int[4];
            return values[i];
        }

        public static int Throws() => throw new InvalidOperationException("not a kernel error");

        public static SyscallResult<long> Triple(UserPtr<long> p)
        {
            Errno e = Kernel.CopyIn(p, out long v);
            if (e != Errno.None)
            {
                return e;
            }

            Kernel.Printf("tripled %ld\n", v);
            long r = v * 3;
            e = Kernel.CopyOut(in r, p);
            return e != Errno.None ? e : r;
        }

        public static SyscallResult<int> Length(UserString s)
        {
            Span<byte> buffer = stackalloc byte[32];
            Errno e = Kernel.CopyInString(s, buffer, out nuint copied);
            return e != Errno.None ? e : (int)copied;
        }
    }
}
