using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace KmodSharp.Simulation;

/// <summary>
/// A process's user memory as the kernel sees it: mapped regions at page-aligned addresses
/// with unmapped guard pages between them. Every access checks the whole range first, so a
/// fault copies nothing.
/// </summary>
public sealed class UserAddressSpace
{
    /// <summary>The page size the simulated mappings are aligned to.</summary>
    public const int PageSize = 4096;

    private readonly SortedList<nuint, Region> regions = [];
    private nuint nextAddress = 0x10000;
    private int accesses;

    /// <summary>
    /// Fault injection: the Nth user-memory operation (copyin, copyout, copyinstr, fetch, store)
    /// finds the page it touches unmapped, as if another thread unmapped it mid-call. 0: never.
    /// Tests can still read the region back.
    /// </summary>
    public int UnmapAfterAccesses
    {
        get;
        set
        {
            field = value;
            accesses = 0;
        }
    }

    /// <summary>Maps a copy of <paramref name="contents"/> and returns its address.</summary>
    public nuint Map(ReadOnlySpan<byte> contents, bool writable = true)
    {
        nuint address = nextAddress;
        int pages = Math.Max(1, (contents.Length + PageSize - 1) / PageSize);
        nextAddress += (nuint)((pages + 1) * PageSize);
        regions.Add(address, new Region(address, contents.ToArray(), writable));
        return address;
    }

    /// <summary>Maps <paramref name="count"/> zeroed elements and returns a typed pointer to them.</summary>
    public UserPtr<T> Allocate<T>(int count = 1)
        where T : unmanaged => new(Map(new byte[count * Marshal.SizeOf<T>()]));

    /// <summary>Maps <paramref name="value"/> and returns a typed pointer to it.</summary>
    public UserPtr<T> Store<T>(T value, bool writable = true)
        where T : unmanaged => new(Map(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)), writable));

    /// <summary>Maps <paramref name="text"/> as UTF-8 with a terminating NUL.</summary>
    public UserString MapString(string text) => new(Map(Encoding.UTF8.GetBytes(text + "\0")));

    /// <summary>Removes the mapping that starts at <paramref name="address"/>.</summary>
    public void Unmap(nuint address)
    {
        if (!regions.Remove(address))
        {
            throw new ArgumentException($"nothing is mapped at 0x{address:x}", nameof(address));
        }
    }

    /// <summary>Reads user memory from a test (no fault semantics: the range must be mapped).</summary>
    public T Read<T>(UserPtr<T> pointer)
        where T : unmanaged => Find(pointer.Address, (nuint)Marshal.SizeOf<T>(), includeRevoked: true) is { } region
            ? MemoryMarshal.Read<T>(region.Bytes(pointer.Address, Marshal.SizeOf<T>()))
            : throw new ArgumentException("unmapped", nameof(pointer));

    /// <summary>Reads the bytes of a mapping from a test.</summary>
    public byte[] ReadBytes(nuint address, int length) =>
        Find(address, (nuint)length, includeRevoked: true) is { } r ? r.Bytes(address, length).ToArray() : throw new ArgumentException("unmapped", nameof(address));

    internal Errno CopyIn<T>(UserPtr<T> source, out T value)
        where T : unmanaged
    {
        SimulatedKernel.Current.Locks.AssertMaySleep("copyin");
        Inject(source.Address);
        T? loaded = Load<T>(source.Address);
        value = loaded ?? default;
        return loaded is null ? Errno.EFAULT : Errno.None;
    }

    internal Errno CopyOut<T>(in T value, UserPtr<T> destination)
        where T : unmanaged
    {
        SimulatedKernel.Current.Locks.AssertMaySleep("copyout");
        Inject(destination.Address);
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value));
        if (Find(destination.Address, (nuint)bytes.Length) is not { Writable: true } region)
        {
            return Errno.EFAULT;
        }

        bytes.CopyTo(region.Bytes(destination.Address, bytes.Length));
        return Errno.None;
    }

    internal Errno CopyIn<T>(UserPtr<T> source, Span<T> destination)
        where T : unmanaged
    {
        SimulatedKernel.Current.Locks.AssertMaySleep("copyin");
        Span<byte> bytes = MemoryMarshal.AsBytes(destination);
        if (bytes.IsEmpty)
        {
            return Errno.None;
        }

        Inject(source.Address);
        if (Find(source.Address, (nuint)bytes.Length) is not { } region)
        {
            return Errno.EFAULT;
        }

        region.Bytes(source.Address, bytes.Length).CopyTo(bytes);
        return Errno.None;
    }

    internal Errno CopyOut<T>(ReadOnlySpan<T> source, UserPtr<T> destination)
        where T : unmanaged
    {
        SimulatedKernel.Current.Locks.AssertMaySleep("copyout");
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(source);
        if (bytes.IsEmpty)
        {
            return Errno.None;
        }

        Inject(destination.Address);
        if (Find(destination.Address, (nuint)bytes.Length) is not { Writable: true } region)
        {
            return Errno.EFAULT;
        }

        bytes.CopyTo(region.Bytes(destination.Address, bytes.Length));
        return Errno.None;
    }

    internal Errno CopyInString(UserString source, Span<byte> destination, out nuint copied)
    {
        SimulatedKernel.Current.Locks.AssertMaySleep("copyinstr");
        Inject(source.Address);
        for (int i = 0; i < destination.Length; i++)
        {
            if (Find(source.Address + (nuint)i, 1) is not { } region)
            {
                copied = (nuint)i;
                return Errno.EFAULT;
            }

            destination[i] = region.Bytes(source.Address + (nuint)i, 1)[0];
            if (destination[i] == 0)
            {
                copied = (nuint)i + 1;
                return Errno.None;
            }
        }

        copied = (nuint)destination.Length;
        return Errno.ENAMETOOLONG;
    }

    internal int FetchByte(UserPtr<byte> address)
    {
        Inject(address.Address);
        return Find(address.Address, 1) is { } region ? region.Bytes(address.Address, 1)[0] : -1;
    }

    internal int StoreByte(UserPtr<byte> address, byte value)
    {
        Inject(address.Address);
        if (Find(address.Address, 1) is not { Writable: true } region)
        {
            return -1;
        }

        region.Bytes(address.Address, 1)[0] = value;
        return 0;
    }

    private T? Load<T>(nuint address)
        where T : unmanaged =>
        Find(address, (nuint)Marshal.SizeOf<T>()) is { } region
            ? MemoryMarshal.Read<T>(region.Bytes(address, Marshal.SizeOf<T>()))
            : null;

    private void Inject(nuint address)
    {
        if (UnmapAfterAccesses <= 0 || ++accesses != UnmapAfterAccesses)
        {
            return;
        }

        foreach (Region region in regions.Values)
        {
            if (address >= region.Start && address - region.Start < (nuint)region.Data.Length)
            {
                regions[region.Start] = region with { Revoked = true };
                return;
            }
        }
    }

    private Region? Find(nuint address, nuint length, bool includeRevoked = false)
    {
        foreach (Region region in regions.Values)
        {
            if ((includeRevoked || !region.Revoked) && address >= region.Start && length <= (nuint)region.Data.Length && address - region.Start <= (nuint)region.Data.Length - length)
            {
                return region;
            }
        }

        return null;
    }

    private sealed record Region(nuint Start, byte[] Data, bool Writable, bool Revoked = false)
    {
        public Span<byte> Bytes(nuint address, int length) => Data.AsSpan((int)(address - Start), length);
    }
}
