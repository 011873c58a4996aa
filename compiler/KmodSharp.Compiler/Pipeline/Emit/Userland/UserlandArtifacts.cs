using System.Collections.Generic;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Emit.Userland;

/// <summary>The userland side of a module: header, library, smoke test, man page, syzkaller description, .NET client.</summary>
public static class UserlandArtifacts
{
    public static IEnumerable<Artifact> For(ModuleModel module)
    {
        foreach (Artifact program in Programs(module, inTree: false))
        {
            yield return program;
        }

        yield return ManPage.For(module);
        foreach (Artifact syzkaller in SyzlangDescription.For(module))
        {
            yield return syzkaller;
        }

        yield return ClientSource.For(module);
    }

    /// <summary>
    /// Compiled into the kernel: the C header, library and test program, calling each syscall by the
    /// number the build gave it, and the syzkaller description, exact since the numbers are fixed. The
    /// man page and the .NET client describe finding a module's slot, so they are the loadable build's.
    /// </summary>
    public static IEnumerable<Artifact> ForInTree(ModuleModel module) => [.. Programs(module, inTree: true), .. SyzlangDescription.For(module, inTree: true)];

    private static IEnumerable<Artifact> Programs(ModuleModel module, bool inTree)
    {
        CTranslationUnit header = UserlandHeader.For(module, inTree);
        CTranslationUnit library = UserlandLibrary.For(module, inTree);
        CTranslationUnit test = UserTestProgram.For(module, inTree);
        yield return new Artifact(header.FileName, CPrinter.Print(header, lineDirectives: false));
        yield return new Artifact(library.FileName, CPrinter.Print(library, lineDirectives: false));
        yield return new Artifact(test.FileName, CPrinter.Print(test, lineDirectives: false));
    }
}
