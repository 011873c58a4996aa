using Xunit;

namespace KmodSharp.Packaging.Tests.Support;

/// <summary>
/// The test classes that run <c>dotnet pack</c> on the repository's projects. Two packs of the
/// same project at once share its <c>obj/Release</c> folder and break each other (MSB3030 on the
/// ReadyToRun images), so the classes of this collection run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackingCollection
{
    public const string Name = "dotnet pack of the repository";
}
