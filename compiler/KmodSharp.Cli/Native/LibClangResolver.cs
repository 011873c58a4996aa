using System.Reflection;
using System.Runtime.InteropServices;
using KmodSharp.Headers;

namespace KmodSharp.Cli.Native;

/// <summary>
/// Finds libclang only when <c>verify</c> or <c>import-header</c> first calls it. The tool does
/// not carry the 210 MB library (its build drops the native asset of libclang.runtime.linux-x64),
/// so the search is: the app's own native assets, <c>KMODSHARP_LIBCLANG</c>, the NuGet package
/// in the global packages folder, then the system's libclang (e.g. Debian's <c>libclang1-16</c>).
/// </summary>
internal static class LibClangResolver
{
    private const string LibraryName = "libclang";
    private const string PackageId = "libclang.runtime.linux-x64";
    private static int registered;

    public const string MissingMessage =
        "libclang was not found (verify and import-header need it): install the system's libclang " +
        "(Debian: apt-get install libclang1-16), set KMODSHARP_LIBCLANG=/path/to/libclang.so, or restore the " +
        PackageId + " NuGet package";

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(HeaderReader).Assembly, Resolve);
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName)
        {
            return IntPtr.Zero;
        }

        // The default probing (deps.json native assets, the app folder); it does not call back here.
        if (NativeLibrary.TryLoad(name, assembly, searchPath, out IntPtr handle))
        {
            return handle;
        }

        foreach (string candidate in Candidates())
        {
            if (NativeLibrary.TryLoad(candidate, out handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("KMODSHARP_LIBCLANG") is { Length: > 0 } explicitPath)
        {
            yield return explicitPath;
        }

        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string packageFolder = Path.Combine(packages, PackageId);
        if (Directory.Exists(packageFolder))
        {
            foreach (string version in Directory.EnumerateDirectories(packageFolder).OrderDescending(StringComparer.Ordinal))
            {
                yield return Path.Combine(version, "runtimes", "linux-x64", "native", "libclang.so");
            }
        }

        yield return "libclang.so";
        yield return "libclang.so.1";
        for (int major = 22; major >= 14; major--)
        {
            yield return $"libclang-{major}.so.1";
        }
    }
}
