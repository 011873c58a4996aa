namespace KmodSharp;

/// <summary>
/// The address of a <typeparamref name="T"/> in the calling process's memory. It is never
/// dereferenced: the kernel reaches it only through <c>Kernel.CopyIn</c> and
/// <c>Kernel.CopyOut</c>, which turn a bad address into <see cref="Errno.EFAULT"/>.
/// </summary>
public readonly struct UserPtr<T>
    where T : unmanaged
{
    /// <summary>Wraps a user address.</summary>
    public UserPtr(nuint address) => Address = address;

    /// <summary>The user virtual address.</summary>
    public nuint Address { get; }

    /// <summary>Whether this is the null user address.</summary>
    public bool IsNull => Address == 0;

    /// <summary>The address of the element <paramref name="index"/> elements further on.</summary>
    [Translated]
    public UserPtr<T> Add(nuint index) => new(Address + index * (nuint)System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
}

/// <summary>The address of a NUL-terminated string in the calling process's memory (a <c>const char *</c> argument).</summary>
public readonly struct UserString
{
    /// <summary>Wraps a user address.</summary>
    public UserString(nuint address) => Address = address;

    /// <summary>The user virtual address.</summary>
    public nuint Address { get; }

    /// <summary>Whether this is the null user address.</summary>
    public bool IsNull => Address == 0;
}
