using System;
using KmodSharp.Simulation;
using Xunit;

namespace KmodSharp.Runtime.Tests;

/// <summary>copyin(9)/copyout(9)/copyinstr(9)/fetch(9)/store(9) in the managed simulation: EFAULT on any bad byte, nothing partial.</summary>
public sealed class UserMemoryTests
{
    [Fact]
    public void CopyIn_reads_a_mapped_value()
    {
        using var scope = SimulatedKernel.Enter();
        UserPtr<long> p = scope.Kernel.User.Store(0x1122334455667788L);

        Assert.Equal(Errno.None, Kernel.CopyIn(p, out long value));
        Assert.Equal(0x1122334455667788L, value);
    }

    [Fact]
    public void A_page_unmapped_mid_call_faults_from_the_nth_access_on_and_stays_readable_to_the_test()
    {
        using var scope = SimulatedKernel.Enter();
        UserPtr<int> input = scope.Kernel.User.Store(7);
        UserPtr<int> output = scope.Kernel.User.Allocate<int>();
        scope.Kernel.User.UnmapAfterAccesses = 2;

        Assert.Equal(Errno.None, Kernel.CopyIn(input, out int value));
        Assert.Equal(Errno.EFAULT, Kernel.CopyOut(in value, output));
        Assert.Equal(Errno.EFAULT, Kernel.CopyOut(in value, output));
        Assert.Equal(-1, Kernel.StoreWord32(output, 1));
        Assert.Equal(Errno.None, Kernel.CopyIn(input, out int again));
        Assert.Equal(7, again);
        Assert.Equal(0, scope.Kernel.User.Read(output));
    }

    [Fact]
    public void CopyIn_reads_read_only_memory()
    {
        using var scope = SimulatedKernel.Enter();
        UserPtr<int> p = scope.Kernel.User.Store(42, writable: false);

        Assert.Equal(Errno.None, Kernel.CopyIn(p, out int value));
        Assert.Equal(42, value);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(8UL)]
    [InlineData(0xffff_8000_0000_0000UL)]
    [InlineData(ulong.MaxValue - 3)]
    public void CopyIn_of_an_unmapped_address_is_EFAULT_and_yields_zero(ulong address)
    {
        using var scope = SimulatedKernel.Enter();
        scope.Kernel.User.Store(7L);

        Assert.Equal(Errno.EFAULT, Kernel.CopyIn(new UserPtr<long>((nuint)address), out long value));
        Assert.Equal(0, value);
    }

    [Fact]
    public void CopyIn_across_the_end_of_a_mapping_is_EFAULT()
    {
        using var scope = SimulatedKernel.Enter();
        nuint address = scope.Kernel.User.Map([1, 2, 3, 4, 5, 6]);

        Assert.Equal(Errno.EFAULT, Kernel.CopyIn(new UserPtr<long>(address), out long _));
        Assert.Equal(Errno.EFAULT, Kernel.CopyIn(new UserPtr<int>(address + 4), out int _));
        Assert.Equal(Errno.None, Kernel.CopyIn(new UserPtr<short>(address + 4), out short last));
        Assert.Equal(0x0605, last);
    }

    [Fact]
    public void CopyIn_of_an_unmapped_mapping_is_EFAULT()
    {
        using var scope = SimulatedKernel.Enter();
        UserPtr<int> p = scope.Kernel.User.Store(1);
        scope.Kernel.User.Unmap(p.Address);

        Assert.Equal(Errno.EFAULT, Kernel.CopyIn(p, out int _));
    }

    [Fact]
    public void CopyOut_writes_a_mapped_value()
    {
        using var scope = SimulatedKernel.Enter();
        UserPtr<int> p = scope.Kernel.User.Allocate<int>();

        Assert.Equal(Errno.None, Kernel.CopyOut(-5, p));
        Assert.Equal(-5, scope.Kernel.User.Read(p));
    }

    [Fact]
    public void CopyOut_to_read_only_memory_is_EFAULT_and_writes_nothing()
    {
        using var scope = SimulatedKernel.Enter();
        nuint address = scope.Kernel.User.Map([1, 2, 3, 4, 5, 6, 7, 8], writable: false);

        Assert.Equal(Errno.EFAULT, Kernel.CopyOut(0L, new UserPtr<long>(address)));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], scope.Kernel.User.ReadBytes(address, 8));
    }

    [Fact]
    public void CopyOut_across_the_end_of_a_mapping_is_EFAULT_and_writes_nothing()
    {
        using var scope = SimulatedKernel.Enter();
        nuint address = scope.Kernel.User.Map([1, 2, 3, 4, 5, 6]);

        Assert.Equal(Errno.EFAULT, Kernel.CopyOut(-1L, new UserPtr<long>(address)));
        Assert.Equal(Errno.EFAULT, Kernel.CopyOut(-1, new UserPtr<int>(address + 4)));
        Assert.Equal([1, 2, 3, 4, 5, 6], scope.Kernel.User.ReadBytes(address, 6));
    }

    [Fact]
    public void CopyOut_to_an_unmapped_address_is_EFAULT()
    {
        using var scope = SimulatedKernel.Enter();

        Assert.Equal(Errno.EFAULT, Kernel.CopyOut(1, new UserPtr<int>(0)));
        Assert.Equal(Errno.EFAULT, Kernel.CopyOut(1, new UserPtr<int>(unchecked((nuint)(-2L)))));
    }

    [Fact]
    public void CopyInString_counts_the_NUL()
    {
        using var scope = SimulatedKernel.Enter();
        UserString s = scope.Kernel.User.MapString("hello");
        Span<byte> buffer = stackalloc byte[16];

        Assert.Equal(Errno.None, Kernel.CopyInString(s, buffer, out nuint copied));
        Assert.Equal(6u, copied);
        Assert.Equal("hello\0"u8.ToArray(), buffer[..6].ToArray());
    }

    [Fact]
    public void CopyInString_of_an_empty_string_copies_the_NUL()
    {
        using var scope = SimulatedKernel.Enter();
        Span<byte> buffer = stackalloc byte[4];

        Assert.Equal(Errno.None, Kernel.CopyInString(scope.Kernel.User.MapString(""), buffer, out nuint copied));
        Assert.Equal(1u, copied);
    }

    [Fact]
    public void CopyInString_that_exactly_fits_succeeds()
    {
        using var scope = SimulatedKernel.Enter();
        Span<byte> buffer = stackalloc byte[4];

        Assert.Equal(Errno.None, Kernel.CopyInString(scope.Kernel.User.MapString("abc"), buffer, out nuint copied));
        Assert.Equal(4u, copied);
    }

    [Fact]
    public void CopyInString_too_long_is_ENAMETOOLONG_with_copied_equal_to_the_buffer_length()
    {
        using var scope = SimulatedKernel.Enter();
        Span<byte> buffer = stackalloc byte[4];

        Assert.Equal(Errno.ENAMETOOLONG, Kernel.CopyInString(scope.Kernel.User.MapString("abcdefgh"), buffer, out nuint copied));
        Assert.Equal(4u, copied);
        Assert.Equal("abcd"u8.ToArray(), buffer.ToArray());
    }

    [Fact]
    public void CopyInString_into_an_empty_buffer_is_ENAMETOOLONG()
    {
        using var scope = SimulatedKernel.Enter();

        Assert.Equal(Errno.ENAMETOOLONG, Kernel.CopyInString(scope.Kernel.User.MapString("a"), [], out nuint copied));
        Assert.Equal(0u, copied);
    }

    [Fact]
    public void CopyInString_running_off_the_mapping_is_EFAULT_mid_string()
    {
        using var scope = SimulatedKernel.Enter();
        nuint address = scope.Kernel.User.Map("abc"u8);
        Span<byte> buffer = stackalloc byte[16];

        Assert.Equal(Errno.EFAULT, Kernel.CopyInString(new UserString(address), buffer, out nuint copied));
        Assert.Equal(3u, copied);
    }

    [Fact]
    public void CopyInString_of_an_unmapped_address_is_EFAULT()
    {
        using var scope = SimulatedKernel.Enter();
        Span<byte> buffer = stackalloc byte[16];

        Assert.Equal(Errno.EFAULT, Kernel.CopyInString(new UserString(0), buffer, out nuint copied));
        Assert.Equal(0u, copied);
    }

    [Fact]
    public void FetchByte_returns_the_byte_unsigned_or_minus_one()
    {
        using var scope = SimulatedKernel.Enter();
        nuint address = scope.Kernel.User.Map([0xff, 0x00], writable: false);

        Assert.Equal(255, Kernel.FetchByte(new UserPtr<byte>(address)));
        Assert.Equal(0, Kernel.FetchByte(new UserPtr<byte>(address + 1)));
        Assert.Equal(-1, Kernel.FetchByte(new UserPtr<byte>(address + 2)));
        Assert.Equal(-1, Kernel.FetchByte(new UserPtr<byte>(0)));
    }

    [Fact]
    public void StoreByte_writes_writable_memory_only()
    {
        using var scope = SimulatedKernel.Enter();
        nuint writable = scope.Kernel.User.Map([0]);
        nuint readOnly = scope.Kernel.User.Map([7], writable: false);

        Assert.Equal(0, Kernel.StoreByte(new UserPtr<byte>(writable), 0xab));
        Assert.Equal([0xab], scope.Kernel.User.ReadBytes(writable, 1));
        Assert.Equal(-1, Kernel.StoreByte(new UserPtr<byte>(readOnly), 1));
        Assert.Equal([7], scope.Kernel.User.ReadBytes(readOnly, 1));
        Assert.Equal(-1, Kernel.StoreByte(new UserPtr<byte>(writable + 1), 1));
    }

    [Fact]
    public void Fetch_and_store_words()
    {
        using var scope = SimulatedKernel.Enter();
        UserPtr<int> p32 = scope.Kernel.User.Store(-7);
        UserPtr<long> p64 = scope.Kernel.User.Store(long.MinValue);

        Assert.Equal(0, Kernel.FetchWord32(p32, out int v32));
        Assert.Equal(-7, v32);
        Assert.Equal(0, Kernel.FetchWord64(p64, out long v64));
        Assert.Equal(long.MinValue, v64);
        Assert.Equal(0, Kernel.StoreWord32(p32, 9));
        Assert.Equal(0, Kernel.StoreWord64(p64, -9));
        Assert.Equal(9, scope.Kernel.User.Read(p32));
        Assert.Equal(-9, scope.Kernel.User.Read(p64));
    }

    [Fact]
    public void Fetch_and_store_words_fail_with_minus_one()
    {
        using var scope = SimulatedKernel.Enter();
        UserPtr<int> readOnly = scope.Kernel.User.Store(3, writable: false);
        nuint shortMapping = scope.Kernel.User.Map([1, 2, 3, 4]);

        Assert.Equal(-1, Kernel.FetchWord32(new UserPtr<int>(0), out int _));
        Assert.Equal(-1, Kernel.FetchWord64(new UserPtr<long>(shortMapping), out long _));
        Assert.Equal(-1, Kernel.StoreWord32(readOnly, 1));
        Assert.Equal(3, scope.Kernel.User.Read(readOnly));
        Assert.Equal(-1, Kernel.StoreWord64(new UserPtr<long>(shortMapping), 1));
        Assert.Equal([1, 2, 3, 4], scope.Kernel.User.ReadBytes(shortMapping, 4));
    }

    [Fact]
    public void Mappings_are_page_aligned_with_a_guard_page_between_them()
    {
        using var scope = SimulatedKernel.Enter();
        nuint first = scope.Kernel.User.Map(new byte[UserAddressSpace.PageSize]);
        nuint second = scope.Kernel.User.Map([1]);

        Assert.Equal(0u, (uint)(first % UserAddressSpace.PageSize));
        Assert.True(second >= first + (2 * UserAddressSpace.PageSize));
        Assert.Equal(-1, Kernel.FetchByte(new UserPtr<byte>(first + UserAddressSpace.PageSize)));
    }
}
