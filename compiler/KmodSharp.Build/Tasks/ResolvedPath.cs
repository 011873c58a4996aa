namespace KmodSharp.Build.Tasks;

/// <summary>
/// A path with every symbolic link, <c>.</c> and <c>..</c> resolved, as realpath(3) does: the .NET host
/// resolves the app it runs so, and the CLI's path in the server's key is that (its Assembly.Location).
/// A <c>..</c> after a link goes up from the link's target, not lexically.
/// </summary>
internal static class ResolvedPath
{
    // Linux's MAXSYMLINKS; a loop of links beyond it is left unresolved (the key then finds no server).
    private const int MaxLinks = 40;

    public static string Of(string path)
    {
        int links = 0;
        return Resolve(Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path), ref links);
    }

    private static string Resolve(string absolute, ref int links)
    {
        string resolved = "/";
        foreach (string part in absolute.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }

            string next = Path.Join(resolved, part);
            string? target = links < MaxLinks ? new FileInfo(next).LinkTarget : null;
            if (target is not null)
            {
                links++;
                next = Resolve(Path.IsPathRooted(target) ? target : Path.Join(resolved, target), ref links);
            }

            resolved = next;
        }

        return resolved;
    }
}
