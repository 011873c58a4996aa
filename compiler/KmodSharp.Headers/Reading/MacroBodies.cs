using System.Collections.Generic;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>Decides from its tokens whether a macro could be an expression worth evaluating.</summary>
internal static class MacroBodies
{
    /// <summary>
    /// True when the body (the tokens after the macro name) is non-empty, has balanced
    /// parentheses and brackets, and holds no brace, semicolon or top-level comma. No integer constant expression
    /// fails this, and a body that fails it could derail the parse of every declaration after it
    /// in the evaluation unit (an unmatched <c>{</c> swallows the rest of the file).
    /// </summary>
    internal static bool CouldBeExpression(List<(CXTokenKind Kind, string Spelling)> tokens)
    {
        if (tokens.Count < 2)
        {
            return false;
        }

        int parentheses = 0;
        int brackets = 0;
        for (int i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != CXTokenKind.Punctuation)
            {
                continue;
            }

            switch (tokens[i].Spelling)
            {
                case "(":
                    parentheses++;
                    break;
                case ")":
                    parentheses--;
                    break;
                case "[":
                    brackets++;
                    break;
                case "]":
                    brackets--;
                    break;
                case "{" or "}" or ";" or "<%" or "%>":
                    return false;

                // A comma outside parentheses makes a list (e.g. an argument list), not a value;
                // clang would fold "(1, 2)" to 2 as an extension.
                case "," when parentheses == 0:
                    return false;
            }

            if (parentheses < 0 || brackets < 0)
            {
                return false;
            }
        }

        return parentheses == 0 && brackets == 0;
    }
}
