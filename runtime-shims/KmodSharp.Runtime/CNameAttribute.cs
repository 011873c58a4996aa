using System;
using System.ComponentModel;

namespace KmodSharp;

/// <summary>
/// The C name an API member translates to (<c>Errno.EINVAL</c> → <c>EINVAL</c>,
/// <c>Privilege.Driver</c> → <c>PRIV_DRIVER</c>). Read by the KmodSharp compiler.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class CNameAttribute : Attribute
{
    /// <summary>Maps the member to <paramref name="name"/>.</summary>
    public CNameAttribute(string name) => Name = name;

    /// <summary>The C identifier.</summary>
    public string Name { get; }
}
