using System.Collections.Immutable;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// A module model with the Roslyn methods behind its function ids: what the lowering stage
/// translates, and the kernel signature of every method it translates (<paramref name="Functions"/>,
/// the only source of lowering's C signatures). Roslyn symbols stop here; the C tree and everything
/// after it are plain records.
/// </summary>
public sealed record BoundModule(ModuleModel Model, Compilation Compilation, ImmutableDictionary<string, IMethodSymbol> Entry, ImmutableDictionary<IMethodSymbol, FunctionModel> Functions);
