namespace KmodSharp;

/// <summary>
/// A syscall's value or its error. Converts implicitly from both, so a handler writes
/// <c>return value * 3;</c> or <c>return Errno.EINVAL;</c>. The value goes to <c>td_retval[0]</c>.
/// </summary>
public readonly struct SyscallResult<T>
    where T : unmanaged
{
    private SyscallResult(T value, Errno error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The result value; meaningful only when <see cref="Error"/> is <see cref="Errno.None"/>.</summary>
    public T Value { get; }

    /// <summary>The error, or <see cref="Errno.None"/>.</summary>
    public Errno Error { get; }

    /// <summary>Whether this is an error.</summary>
    public bool IsError => Error != Errno.None;

    /// <summary>A successful result.</summary>
    public static implicit operator SyscallResult<T>(T value) => new(value, Errno.None);

    /// <summary>A failed result.</summary>
    public static implicit operator SyscallResult<T>(Errno error) => new(default, error);
}
