using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed) (user-triggerable undefined behaviour): a bool syscall argument is read from the
/// args struct as a C bool, but its register is user-controlled; any value other than 0 or 1 is
/// undefined behaviour (UBSan: "load of value 2, which is not a valid value for type '_Bool'").
/// The entry should read the slot as an integer and test it against 0.
/// </summary>
[KernelModule("boolargument")]
public static class BoolArgument
{
    [Syscall] public static int TakesBool(bool b) => b ? 1 : 0;
}
