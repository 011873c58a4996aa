using KmodSharp;

public struct Money
{
    public long Cents;

    public static Money operator +(Money a, Money b) => new Money { Cents = a.Cents + b.Cents };

    public static Money operator -(Money a) => new Money { Cents = -a.Cents };

    public static implicit operator long(Money m) => m.Cents;
}

// KMS0900 at 'a + a', '-a', 'b += a' and the conversion in 'long c = b': operators and conversions
// translate for built-in types only.
[KernelModule("useroperator")]
public static class UserDeclaredOperator
{
    [Syscall]
    public static long Use(long x)
    {
        Money a = new Money { Cents = x };
        Money b = a + a;
        b = -a;
        b += a;
        long c = b;
        return c;
    }
}
