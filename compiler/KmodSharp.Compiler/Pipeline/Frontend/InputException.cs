using System;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>Input that cannot be compiled at all (missing, unreadable, no module): exit code 2, nothing written.</summary>
public sealed class InputException(string message) : Exception(message);
