// The members are the kernel's own names; their meaning is in errno(2) and priv(9).
#pragma warning disable CS1591

namespace KmodSharp;

/// <summary>FreeBSD error numbers (<c>sys/sys/errno.h</c>); a handler returns one to fail a syscall.</summary>
public enum Errno
{
    /// <summary>Success.</summary>
    None = 0,
    EPERM = 1,
    ENOENT = 2,
    ESRCH = 3,
    EINTR = 4,
    EIO = 5,
    ENXIO = 6,
    E2BIG = 7,
    ENOEXEC = 8,
    EBADF = 9,
    ECHILD = 10,
    EDEADLK = 11,
    ENOMEM = 12,
    EACCES = 13,
    EFAULT = 14,
    EBUSY = 16,
    EEXIST = 17,
    ENODEV = 19,
    EINVAL = 22,
    ENFILE = 23,
    EMFILE = 24,
    ENOTTY = 25,
    EFBIG = 27,
    ENOSPC = 28,
    EDOM = 33,
    ERANGE = 34,
    EAGAIN = 35,
    EOPNOTSUPP = 45,
    ETIMEDOUT = 60,
    ENAMETOOLONG = 63,
    ENOSYS = 78,
    EOVERFLOW = 84,
    ECANCELED = 85,
    EDOOFUS = 88,
    ENOTCAPABLE = 93,
    ECAPMODE = 94,
    EINTEGRITY = 97,
}
