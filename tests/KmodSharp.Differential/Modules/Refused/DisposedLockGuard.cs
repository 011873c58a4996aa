using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0100): a lock guard disposed by hand (its 'using' releases it); lowering alone used to find it.</summary>
[KernelModule("refuseddisposedguard")]
public static class DisposedLockGuard
{
    private static KernelMutex gate;

    [Syscall]
    public static int Take(int value)
    {
        using (var guard = gate.Lock())
        {
            guard.Dispose();
        }

        return value;
    }
}
