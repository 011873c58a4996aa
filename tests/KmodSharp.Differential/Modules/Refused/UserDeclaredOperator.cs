using KmodSharp;

public struct Money
{
    public long Cents;

    public static Money operator +(Money a, Money b) => new Money { Cents = a.Cents + b.Cents };
}

// KMS0900 at 'a + a': operators translate for built-in types only.
[KernelModule("useroperator")]
public static class UserDeclaredOperator
{
    [Syscall]
    public static long Use(long x)
    {
        Money a = new Money { Cents = x };
        Money b = a + a;
        return b.Cents;
    }
}
