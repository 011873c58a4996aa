using KmodSharp;

// KMS0900 at 'r.IsError' and 'r.Value': a SyscallResult's members exist for the simulation only.
[KernelModule("simonly")]
public static class SimulationOnlyProperty
{
    [Syscall]
    public static SyscallResult<int> Get(int x) => x;

    [Syscall]
    public static int Use(int x)
    {
        SyscallResult<int> r = Get(x);
        if (r.IsError)
        {
            return 0;
        }

        return r.Value;
    }
}
