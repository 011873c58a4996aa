namespace KmodSharp.Cli;

/// <summary>The exit codes scripts rely on (docs/cli.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Diagnostics = 1;
    public const int Usage = 2;

    /// <summary>A bug in KmodSharp (an internal error), reported with the C# location being translated.</summary>
    public const int InternalError = 3;
}
