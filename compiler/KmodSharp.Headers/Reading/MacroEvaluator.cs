using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using KmodSharp.Headers.Model;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>
/// Computes the values of object-like macros with clang's own constant evaluator. A second,
/// synthetic unit includes the header and declares one <c>__auto_type</c> variable per macro,
/// initialised with the macro's expansion; clang then types and folds each initializer. Macros
/// that do not expand to an integer constant expression (empty, strings, floats, types,
/// statements) make their variable invalid or non-integer and are left out.
/// </summary>
internal static class MacroEvaluator
{
    private const string Prefix = "__kmodsharp_macro_";

    // Each retry costs a parse; a header needing more than this many is pathological.
    private const int MaxRounds = 8;

    internal static List<HeaderMacro> Evaluate(
        ClangIndex index,
        string headerPath,
        IReadOnlyList<string> arguments,
        IReadOnlyList<InMemoryFile> inMemoryFiles,
        IReadOnlyList<KeyValuePair<string, HeaderSourceLocation>> candidates)
    {
        // A macro that still derails the parser (one expanding through another macro to an
        // unmatched brace) gets an invalid variable and hides the variables of all that follow.
        // Results before the first missing variable are kept, and the missing ones are evaluated
        // again in a new unit that leaves out the culprit just before them.
        List<HeaderMacro> macros = [];
        int start = 0;
        for (int round = 0; round < MaxRounds && start < candidates.Count; round++)
        {
            KeyValuePair<string, HeaderSourceLocation>[] batch = [.. candidates.Skip(start)];
            int firstMissing = EvaluateBatch(index, headerPath, arguments, inMemoryFiles, batch, macros);
            if (firstMissing < 0)
            {
                break;
            }

            start += Math.Max(firstMissing, 1);
        }

        return macros;
    }

    /// <summary>Evaluates one batch into <paramref name="macros"/>; returns the index of the first candidate that got no variable, or -1.</summary>
    private static int EvaluateBatch(
        ClangIndex index,
        string headerPath,
        IReadOnlyList<string> arguments,
        IReadOnlyList<InMemoryFile> inMemoryFiles,
        KeyValuePair<string, HeaderSourceLocation>[] candidates,
        List<HeaderMacro> macros)
    {
        string syntheticPath = Path.Combine(Path.GetDirectoryName(headerPath) ?? ".", "__kmodsharp_macros__.c");
        List<InMemoryFile> files = [.. inMemoryFiles, new InMemoryFile(syntheticPath, SyntheticSource(headerPath, candidates))];

        // Every candidate that is not an integer expression is an error here, and clang stops
        // after 20 errors by default; warnings are noise for this unit.
        List<string> evaluationArguments = [.. arguments, "-ferror-limit=0", "-w"];
        (TranslationUnit? unit, _) = TranslationUnit.Parse(
            index, syntheticPath, evaluationArguments, files, CXTranslationUnitFlags.SkipFunctionBodies | CXTranslationUnitFlags.KeepGoing);
        if (unit is null)
        {
            return -1;
        }

        using (unit)
        {
            TypeReader types = new();
            HeaderMacro?[] results = new HeaderMacro?[candidates.Length];
            bool[] seen = new bool[candidates.Length];
            foreach (CXCursor cursor in Children.Of(unit.Cursor))
            {
                if (cursor.Kind == CXCursorKind.VarDecl
                    && LibClang.clang_Location_isFromMainFile(LibClang.clang_getCursorLocation(cursor)) != 0
                    && LibClang.GetCursorSpelling(cursor) is { } name
                    && name.StartsWith(Prefix, StringComparison.Ordinal)
                    && int.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int position)
                    && position < candidates.Length)
                {
                    seen[position] = true;
                    results[position] = TryEvaluate(cursor, types, candidates[position]);
                }
            }

            int firstMissing = Array.IndexOf(seen, false);
            int kept = firstMissing < 0 ? candidates.Length : firstMissing;
            for (int i = 0; i < kept; i++)
            {
                if (results[i] is { } macro)
                {
                    macros.Add(macro);
                }
            }

            return firstMissing;
        }
    }

    private static string SyntheticSource(string headerPath, IReadOnlyList<KeyValuePair<string, HeaderSourceLocation>> candidates)
    {
        StringBuilder source = new();
        string escaped = headerPath.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        source.Append(CultureInfo.InvariantCulture, $"#include \"{escaped}\"\n");
        for (int i = 0; i < candidates.Count; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"static __auto_type {Prefix}{i} = ({candidates[i].Key});\n");
        }

        return source.ToString();
    }

    private static HeaderMacro? TryEvaluate(CXCursor variable, TypeReader types, KeyValuePair<string, HeaderSourceLocation> candidate)
    {
        if (LibClang.clang_isInvalidDeclaration(variable) != 0)
        {
            return null;
        }

        HeaderType type = types.Read(LibClang.clang_getCursorType(variable));
        if (type.StripTypedefs() is not (HeaderBuiltinType { IsInteger: true } or HeaderEnumRefType))
        {
            return null;
        }

        nint result = LibClang.clang_Cursor_Evaluate(variable);
        if (result == 0)
        {
            return null;
        }

        try
        {
            if (LibClang.clang_EvalResult_getKind(result) != CXEvalResultKind.Int)
            {
                return null;
            }

            bool isUnsigned = LibClang.clang_EvalResult_isUnsignedInt(result) != 0;
            long value = isUnsigned
                ? unchecked((long)LibClang.clang_EvalResult_getAsUnsigned(result))
                : LibClang.clang_EvalResult_getAsLongLong(result);
            return new HeaderMacro(candidate.Key, value, isUnsigned, type, candidate.Value);
        }
        finally
        {
            LibClang.clang_EvalResult_dispose(result);
        }
    }
}
