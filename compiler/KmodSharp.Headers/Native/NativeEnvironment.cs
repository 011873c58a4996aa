using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace KmodSharp.Headers.Native;

/// <summary>Prepares the process before libclang's first index is created.</summary>
internal static partial class NativeEnvironment
{
    private const string CrashRecoveryVariable = "LIBCLANG_DISABLE_CRASH_RECOVERY";

    private static int configured;

    // clang_createIndex installs LLVM's crash-recovery signal handlers (SIGSEGV, SIGBUS, …)
    // process-wide unless this variable is set. Those handlers sit in front of the .NET runtime's,
    // which turns managed null dereferences into NullReferenceException through SIGSEGV; LLVM's
    // handler re-raises such a signal and the process dies instead. libclang reads the C
    // environment, which Environment.SetEnvironmentVariable does not change on Unix, so libc's
    // setenv is called directly. Windows has no such conflict.
    internal static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1 || OperatingSystem.IsWindows())
        {
            return;
        }

        if (setenv(CrashRecoveryVariable, "1", 0) != 0)
        {
            throw new InvalidOperationException($"setenv({CrashRecoveryVariable}) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);
}
