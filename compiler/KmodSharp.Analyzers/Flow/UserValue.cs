using System;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// What the range analysis knows of an integer: its <see cref="Range"/>, which of the method's
/// parameters it is computed from (bit per ordinal, for the method's summary), and, when the user
/// controls it, how to name where it came from (<c>'count'</c>, <c>'req.Size' (read from user memory)</c>).
/// </summary>
internal readonly struct UserValue : IEquatable<UserValue>
{
    public UserValue(Interval range, ulong parameters, string? user)
    {
        Range = range;
        Parameters = parameters;
        User = user;
    }

    public Interval Range { get; }

    public ulong Parameters { get; }

    public string? User { get; }

    public static UserValue Plain(Interval range) => new(range, 0, null);

    public bool IsUserControlled => User is not null;

    public UserValue WithRange(Interval range) => new(range, Parameters, User);

    /// <summary>The value of a result computed from both.</summary>
    public UserValue Combine(UserValue other, Interval range) => new(range, Parameters | other.Parameters, User ?? other.User);

    public UserValue Join(UserValue other) => Combine(other, Range.Join(other.Range));

    public UserValue Widen(UserValue next) => new(Range.Widen(next.Range), Parameters | next.Parameters, User ?? next.User);

    public bool Equals(UserValue other) => Range.Equals(other.Range) && Parameters == other.Parameters && User == other.User;

    public override bool Equals(object? obj) => obj is UserValue other && Equals(other);

    public override int GetHashCode() => Range.GetHashCode() ^ Parameters.GetHashCode();
}
