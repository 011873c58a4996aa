using System;

namespace KmodSharp;

/// <summary>The <c>malloc(9)</c> flags. Exactly one of <see cref="WaitOk"/> and <see cref="NoWait"/> must be given.</summary>
[Flags]
public enum MallocFlags
{
    /// <summary><c>M_NOWAIT</c>: never sleeps; the allocation may fail.</summary>
    [CName("M_NOWAIT")] NoWait = 0x0001,

    /// <summary><c>M_WAITOK</c>: may sleep until memory is available; never fails. Not allowed while a mutex is held.</summary>
    [CName("M_WAITOK")] WaitOk = 0x0002,

    /// <summary><c>M_ZERO</c>: the memory is zeroed.</summary>
    [CName("M_ZERO")] Zero = 0x0100,
}

/// <summary>
/// An array of <typeparamref name="T"/> in kernel memory from the module's own malloc type
/// (<c>MALLOC_DEFINE</c>). Obtain it from <see cref="Kernel.Allocate{T}"/> and release it with
/// <c>using</c>, which becomes <c>free(9)</c> on every exit path.
/// </summary>
public ref struct KernelBuffer<T>
    where T : unmanaged
{
    private readonly Simulation.KernelAllocation? allocation;

    internal KernelBuffer(Simulation.KernelAllocation? allocation) => this.allocation = allocation;

    /// <summary>Whether the allocation failed (possible only with <see cref="MallocFlags.NoWait"/>).</summary>
    public readonly bool IsNull => allocation is null;

    /// <summary>The number of elements.</summary>
    public readonly int Length => allocation is null ? 0 : allocation.Memory.Length / System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    /// <summary>The elements, bounds-checked.</summary>
    public readonly Span<T> Span => allocation is null
        ? []
        : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(allocation.Memory.AsSpan());

    /// <summary><c>free(9)</c>.</summary>
    public void Dispose() => allocation?.Free();
}
