using System.Collections.Immutable;

namespace KmodSharp.Headers;

/// <summary>What to parse and how: the file, the target and the preprocessor options.</summary>
public sealed record HeaderReadOptions
{
    /// <summary>The header to read. With <see cref="Contents"/> set it need not exist: it only names the in-memory text.</summary>
    public required string FilePath { get; init; }

    /// <summary>The header's text, when it lives in memory rather than at <see cref="FilePath"/>.</summary>
    public string? Contents { get; init; }

    /// <summary>Further in-memory files (e.g. headers the main one includes), keyed by path.</summary>
    public ImmutableArray<InMemoryFile> InMemoryFiles { get; init; } = [];

    /// <summary>The clang target triple, e.g. <c>x86_64-unknown-freebsd15.0</c>; <see langword="null"/> for the host.</summary>
    public string? TargetTriple { get; init; }

    /// <summary>Macro definitions as <c>-D</c> takes them: <c>NAME</c> or <c>NAME=VALUE</c>.</summary>
    public ImmutableArray<string> Defines { get; init; } = [];

    /// <summary>Directories searched for includes (<c>-I</c>).</summary>
    public ImmutableArray<string> IncludeDirectories { get; init; } = [];

    /// <summary>Directories searched for includes as system headers (<c>-isystem</c>).</summary>
    public ImmutableArray<string> SystemIncludeDirectories { get; init; } = [];

    /// <summary>Files included before the header (<c>-include</c>).</summary>
    public ImmutableArray<string> ForcedIncludes { get; init; } = [];

    /// <summary>Search no standard include directory (<c>-nostdinc</c>): only the directories given here.</summary>
    public bool NoStandardIncludes { get; init; }

    /// <summary>Compile as freestanding C (<c>-ffreestanding</c>), as kernel code is.</summary>
    public bool Freestanding { get; init; }

    /// <summary>Further clang arguments, passed last (e.g. <c>-std=c11</c>, <c>-resource-dir DIR</c>).</summary>
    public ImmutableArray<string> AdditionalArguments { get; init; } = [];

    /// <summary>The clang driver arguments these options stand for (without the file), e.g. to compile the same way with the clang binary.</summary>
    public System.Collections.Generic.IReadOnlyList<string> ClangArguments() => Reading.ClangArguments.Build(this);

    /// <summary>Which files' declarations and macros to report.</summary>
    public HeaderScope Scope { get; init; } = HeaderScope.MainFile;

    /// <summary>Evaluate object-like macros (a second, small parse); off makes <see cref="HeaderReadResult.Macros"/> empty.</summary>
    public bool EvaluateMacros { get; init; } = true;
}

/// <summary>A file handed to clang from memory.</summary>
/// <param name="Path">The path it stands for (absolute, or as an include would find it).</param>
/// <param name="Contents">Its text.</param>
public sealed record InMemoryFile(string Path, string Contents);

/// <summary>Which files' declarations a read reports. Diagnostics are always reported for every file.</summary>
public enum HeaderScope
{
    /// <summary>Only the header itself, not what it includes.</summary>
    MainFile,

    /// <summary>The header and what it includes, except files found as system headers (<c>-isystem</c>, standard directories).</summary>
    NonSystemFiles,

    /// <summary>Everything in the translation unit except clang's builtin definitions.</summary>
    AllFiles,
}
