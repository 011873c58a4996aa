using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0900): a 'when' guard on an arm returned from an Errno method; lowering used to drop the guard.</summary>
[KernelModule("refusedwhenreturn")]
public static class WhenGuardReturn
{
    [Syscall]
    public static Errno Check(int value, int limit)
    {
        return value switch
        {
            > 0 when value > limit => Errno.EINVAL,
            _ => Errno.None,
        };
    }
}
