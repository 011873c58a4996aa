using System.Linq;

namespace KmodSharp.Differential.Generator.Census;

/// <summary>The kind of difference a generated program showed between C# and the generated C.</summary>
public enum FindingClass
{
    /// <summary>The return value differs.</summary>
    Value,

    /// <summary>The errno differs (one side failed, or failed differently).</summary>
    Errno,

    /// <summary>The final contents of a user buffer differ.</summary>
    UserMemory,

    /// <summary>The kernel log differs.</summary>
    Log,

    /// <summary>The .NET handler threw an exception that has no errno translation.</summary>
    ManagedException,

    /// <summary>The generated C does not compile in the host harness (after a clean check).</summary>
    CCompileError,

    /// <summary>The harness crashed, a sanitizer fired, a lock or allocation leaked, or calls went missing.</summary>
    Harness,

    /// <summary>The KmodSharp compiler threw instead of reporting a diagnostic.</summary>
    InternalCompilerError,

    /// <summary>The generator wrote C# that does not compile: a bug of the generator, not of KmodSharp.</summary>
    InvalidCSharp,
}

/// <summary>A program whose C# and C meanings differ; <see cref="Detail"/> is the runner's first difference.</summary>
public sealed record Finding(int Seed, FindingClass Class, string Detail)
{
    /// <summary>The first line of the detail, as a short title.</summary>
    public string Summary => Detail.Split('\n', 2)[0];

    /// <summary>
    /// What makes two findings "the same kind of difference": the class, and for a C compile error
    /// the first compiler message without its position, for an internal error the exception's first line.
    /// </summary>
    public string Signature => Class switch
    {
        FindingClass.CCompileError => $"{Class}: {FirstCompilerError(Detail)}",
        FindingClass.InternalCompilerError => $"{Class}: {Detail.Split('\n', 2)[0]}",
        _ => Class.ToString(),
    };

    private static string FirstCompilerError(string detail)
    {
        string line = detail.Split('\n').FirstOrDefault(l => l.Contains("error:", System.StringComparison.Ordinal)) ?? "";
        return line[(line.IndexOf("error:", System.StringComparison.Ordinal) + 6)..].Trim();
    }
}
