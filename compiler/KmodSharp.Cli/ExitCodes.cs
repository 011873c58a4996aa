namespace KmodSharp.Cli;

/// <summary>The exit codes scripts rely on (docs/cli.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Diagnostics = 1;
    public const int Usage = 2;
}
