using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// Where the range analysis keeps a value: a local or parameter, a field of one (<c>req.Count</c>, one
/// level deep), or a flow capture of the control-flow graph.
/// </summary>
internal readonly struct Slot : IEquatable<Slot>
{
    public Slot(ISymbol? root, CaptureId? capture, IFieldSymbol? field)
    {
        Root = root;
        Capture = capture;
        Field = field;
    }

    public ISymbol? Root { get; }

    public CaptureId? Capture { get; }

    public IFieldSymbol? Field { get; }

    public Slot Parent => new(Root, Capture, null);

    public bool Equals(Slot other) =>
        SymbolEqualityComparer.Default.Equals(Root, other.Root) && Nullable.Equals(Capture, other.Capture) && SymbolEqualityComparer.Default.Equals(Field, other.Field);

    public override bool Equals(object? obj) => obj is Slot other && Equals(other);

    public override int GetHashCode() =>
        (SymbolEqualityComparer.Default.GetHashCode(Root) * 31 + Capture.GetHashCode()) * 31 + SymbolEqualityComparer.Default.GetHashCode(Field);
}

/// <summary>The values at one point of the graph. A slot missing on one side of a merge is dropped (read as its type's range).</summary>
internal sealed class RangeState
{
    private readonly Dictionary<Slot, UserValue> values;

    public RangeState() => values = new Dictionary<Slot, UserValue>();

    private RangeState(Dictionary<Slot, UserValue> values) => this.values = values;

    public RangeState Clone() => new(new Dictionary<Slot, UserValue>(values));

    public bool TryGet(Slot slot, out UserValue value) => values.TryGetValue(slot, out value);

    public void Set(Slot slot, UserValue value)
    {
        values[slot] = value;
        if (slot.Field is null && slot.Root is not null)
        {
            ForgetFields(slot);
        }
    }

    /// <summary>Only narrows the slot's range (a branch condition), keeping its fields.</summary>
    public void Narrow(Slot slot, UserValue value) => values[slot] = value;

    /// <summary>The merge of two paths (a widening one once a block keeps changing): null when nothing changed.</summary>
    public RangeState? MergedWith(RangeState incoming, bool widen)
    {
        var merged = new Dictionary<Slot, UserValue>();
        bool changed = false;
        foreach (KeyValuePair<Slot, UserValue> entry in values)
        {
            if (!incoming.values.TryGetValue(entry.Key, out UserValue other))
            {
                changed = true;
                continue;
            }

            UserValue joined = entry.Value.Join(other);
            if (widen)
            {
                joined = entry.Value.Widen(joined);
            }

            changed |= !joined.Equals(entry.Value);
            merged[entry.Key] = joined;
        }

        return changed ? new RangeState(merged) : null;
    }

    private void ForgetFields(Slot root)
    {
        List<Slot>? stale = null;
        foreach (Slot key in values.Keys)
        {
            if (key.Field is not null && key.Parent.Equals(root))
            {
                (stale ??= new List<Slot>()).Add(key);
            }
        }

        if (stale is not null)
        {
            foreach (Slot key in stale)
            {
                values.Remove(key);
            }
        }
    }
}
