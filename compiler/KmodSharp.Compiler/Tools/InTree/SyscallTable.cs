using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace KmodSharp.Compiler.Tools.InTree;

/// <summary>
/// What an in-tree build needs from the target's <c>sys/kern/syscalls.master</c>: the last number
/// (new syscalls go at the end) and whether capability mode is marked in the table (FreeBSD 15)
/// or in <c>sys/kern/capabilities.conf</c> (FreeBSD 13 and 14).
/// </summary>
public sealed partial record SyscallTable(string Path, int LastNumber, bool CapabilitiesConf)
{
    public static SyscallTable Read(string sysdir)
    {
        string master = System.IO.Path.Combine(sysdir, "kern", "syscalls.master");
        if (!File.Exists(master))
        {
            throw new Pipeline.Frontend.InputException($"--freebsd-sysdir: no kern/syscalls.master in '{sysdir}'; pass the sys folder of a kernel source tree");
        }

        int last = -1;
        foreach (string line in File.ReadLines(master))
        {
            Match entry = Entry().Match(line);
            if (entry.Success)
            {
                last = Math.Max(last, int.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        bool capabilitiesConf = File.Exists(System.IO.Path.Combine(sysdir, "kern", "capabilities.conf"));
        return new SyscallTable(master, last, capabilitiesConf);
    }

    // An entry starts a line with its number, then the audit event.
    [GeneratedRegex(@"^(\d+)\s+AUE_")]
    private static partial Regex Entry();
}
