using System;
using System.Globalization;
using System.Reflection;

namespace KmodSharp.Simulation;

/// <summary>
/// sysctl(8) on a module's <c>[Sysctl]</c> fields in .NET, as the kernel handles a write: the value
/// is converted to the field's type, a read-only field refuses with <c>EPERM</c>, a validator that
/// says no with <c>EINVAL</c> (the field keeps its value), else it is stored.
/// </summary>
public static class SimulatedSysctl
{
    /// <summary>The value of the sysctl <paramref name="name"/> (its leaf name) of <paramref name="module"/>.</summary>
    public static object Read(Type module, string name) => Field(module, name).Field.GetValue(null)!;

    /// <summary>
    /// Writes <paramref name="value"/>, a decimal integer as sysctl(8) takes it (a bool is 0 or 1); throws
    /// <see cref="FormatException"/> or <see cref="OverflowException"/> when it does not fit the field
    /// (sysctl(8) refuses it before the kernel sees it).
    /// </summary>
    public static Errno Write(Type module, string name, string value)
    {
        (FieldInfo field, SysctlAttribute sysctl) = Field(module, name);
        object converted = field.FieldType == typeof(bool)
            ? value switch { "0" => false, "1" => true, _ => throw new OverflowException($"{name} is a bool: 0 or 1") }
            : Convert.ChangeType(field.FieldType == typeof(ulong) || field.FieldType == typeof(uint) ? ulong.Parse(value, CultureInfo.InvariantCulture) : long.Parse(value, CultureInfo.InvariantCulture),
                field.FieldType, CultureInfo.InvariantCulture);
        if (!sysctl.Writable)
        {
            return Errno.EPERM;
        }

        if (sysctl.Validator is { } validator
            && module.GetMethod(validator, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [field.FieldType])?.Invoke(null, [converted]) is false)
        {
            return Errno.EINVAL;
        }

        field.SetValue(null, converted);
        return Errno.None;
    }

    private static (FieldInfo Field, SysctlAttribute Sysctl) Field(Type module, string name)
    {
        foreach (FieldInfo field in module.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (field.GetCustomAttribute<SysctlAttribute>() is { } sysctl && sysctl.Name == name)
            {
                return (field, sysctl);
            }
        }

        throw new ArgumentException($"{module.Name} has no [Sysctl(\"{name}\")] field", nameof(name));
    }
}
