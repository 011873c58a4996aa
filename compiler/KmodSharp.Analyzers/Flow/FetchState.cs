using System.Collections.Generic;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// The double-fetch analysis's state at one program point: the user locations already fetched on some
/// path (a may-set: joins take the union), and the aliases that hold on every path (a must-map: joins
/// keep only the entries all paths agree on), e.g. <c>cursor ↦ header</c> after <c>var cursor = header;</c>.
/// Aliases point at canonical locations, so a fetch through any alias finds the same key.
/// </summary>
internal sealed class FetchState
{
    private readonly Dictionary<UserLocation, FetchOrigin> fetched;
    private readonly Dictionary<UserLocation, UserLocation> aliases;

    public FetchState()
    {
        fetched = new Dictionary<UserLocation, FetchOrigin>();
        aliases = new Dictionary<UserLocation, UserLocation>();
    }

    private FetchState(FetchState other)
    {
        fetched = new Dictionary<UserLocation, FetchOrigin>(other.fetched);
        aliases = new Dictionary<UserLocation, UserLocation>(other.aliases);
    }

    public FetchState Clone() => new(this);

    /// <summary>Where <paramref name="location"/> was fetched first on some path to here, or null; then records this fetch.</summary>
    public FetchOrigin? Fetch(UserLocation location, FetchOrigin origin)
    {
        if (fetched.TryGetValue(location, out FetchOrigin? earlier))
        {
            return earlier;
        }

        fetched.Add(location, origin);
        return null;
    }

    /// <summary>Merges the state flowing in along another edge; whether this state changed (so the block is analysed again).</summary>
    public bool Join(FetchState incoming)
    {
        bool changed = false;
        foreach (KeyValuePair<UserLocation, FetchOrigin> entry in incoming.fetched)
        {
            if (!fetched.ContainsKey(entry.Key))
            {
                fetched.Add(entry.Key, entry.Value);
                changed = true;
            }
        }

        List<UserLocation>? disagree = null;
        foreach (KeyValuePair<UserLocation, UserLocation> entry in aliases)
        {
            if (!incoming.aliases.TryGetValue(entry.Key, out UserLocation other) || !other.Equals(entry.Value))
            {
                (disagree ??= new List<UserLocation>()).Add(entry.Key);
            }
        }

        if (disagree is not null)
        {
            foreach (UserLocation key in disagree)
            {
                aliases.Remove(key);
            }

            changed = true;
        }

        return changed;
    }

    /// <summary>The location <paramref name="place"/> names once its aliases (longest field path first) are followed.</summary>
    public UserLocation Canonical(UserLocation place)
    {
        if (aliases.Count == 0)
        {
            return place;
        }

        string path = place.Path;
        while (true)
        {
            var prefix = new UserLocation(place.Root, path, 0);
            if (aliases.TryGetValue(prefix, out UserLocation target))
            {
                string rest = path.Length == place.Path.Length ? "" : place.Path.Substring(path.Length == 0 ? 0 : path.Length + 1);
                return target.Below(rest, place.Offset) ?? place;
            }

            if (path.Length == 0)
            {
                return place;
            }

            int dot = path.LastIndexOf('.');
            path = dot < 0 ? "" : path.Substring(0, dot);
        }
    }

    /// <summary>
    /// <paramref name="place"/> is written with a value naming <paramref name="value"/> (null: anything
    /// else). What was fetched through the old value is forgotten, and so are aliases of it; the new value
    /// makes the place an alias (its fields too, for a struct copy).
    /// </summary>
    public void Assign(UserLocation place, UserLocation? value)
    {
        Kill(place);
        if (value is not { } target || UserLocation.SameRoot(target.Root, place.Root))
        {
            return;
        }

        List<KeyValuePair<UserLocation, UserLocation>>? fields = null;
        if (target.Offset == 0)
        {
            foreach (KeyValuePair<UserLocation, UserLocation> entry in aliases)
            {
                if (entry.Key.IsWithin(target) && !entry.Key.Equals(target))
                {
                    (fields ??= new List<KeyValuePair<UserLocation, UserLocation>>()).Add(entry);
                }
            }
        }

        aliases[place] = target;
        if (fields is not null)
        {
            foreach (KeyValuePair<UserLocation, UserLocation> field in fields)
            {
                string rest = target.Path.Length == 0 ? field.Key.Path : field.Key.Path.Substring(target.Path.Length + 1);
                if (place.Below(rest, 0) is { } copy)
                {
                    aliases[copy] = field.Value;
                }
            }
        }
    }

    /// <summary><paramref name="place"/> is written with a value the analysis does not follow.</summary>
    public void Kill(UserLocation place)
    {
        List<UserLocation>? stale = null;
        foreach (UserLocation key in fetched.Keys)
        {
            if (key.IsWithin(place))
            {
                (stale ??= new List<UserLocation>()).Add(key);
            }
        }

        if (stale is not null)
        {
            foreach (UserLocation key in stale)
            {
                fetched.Remove(key);
            }

            stale.Clear();
        }

        foreach (KeyValuePair<UserLocation, UserLocation> entry in aliases)
        {
            if (entry.Key.IsWithin(place) || entry.Value.IsWithin(place))
            {
                (stale ??= new List<UserLocation>()).Add(entry.Key);
            }
        }

        if (stale is not null)
        {
            foreach (UserLocation key in stale)
            {
                aliases.Remove(key);
            }
        }
    }
}
