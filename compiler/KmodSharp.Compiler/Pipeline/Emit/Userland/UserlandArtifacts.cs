using System.Collections.Generic;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Emit.Userland;

/// <summary>The userland side of a module: header, library, smoke test, man page, syzkaller description, .NET client.</summary>
public static class UserlandArtifacts
{
    public static IEnumerable<Artifact> For(ModuleModel module)
    {
        CTranslationUnit header = UserlandHeader.For(module);
        CTranslationUnit library = UserlandLibrary.For(module);
        CTranslationUnit test = UserTestProgram.For(module);
        yield return new Artifact(header.FileName, CPrinter.Print(header, lineDirectives: false));
        yield return new Artifact(library.FileName, CPrinter.Print(library, lineDirectives: false));
        yield return new Artifact(test.FileName, CPrinter.Print(test, lineDirectives: false));
        yield return ManPage.For(module);
        foreach (Artifact syzkaller in SyzlangDescription.For(module))
        {
            yield return syzkaller;
        }

        yield return ClientSource.For(module);
    }
}
