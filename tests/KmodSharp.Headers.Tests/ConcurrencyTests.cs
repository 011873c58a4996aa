using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace KmodSharp.Headers.Tests;

public class ConcurrencyTests
{
    [Fact]
    public void ParallelReads_GiveTheSameAnswers()
    {
        string[] sources = [.. Enumerable.Range(0, 16).Select(i => $"struct s{i} {{ char c; long v[{i + 1}]; }};\n#define N{i} ({i} * 3)\n")];
        HeaderReadResult[] results = new HeaderReadResult[sources.Length];

        Parallel.For(0, sources.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = TestHeaders.Read(sources[i]));

        for (int i = 0; i < sources.Length; i++)
        {
            Assert.Equal(8 + (8 * (i + 1)), results[i].FindLayout($"s{i}")!.Size);
            Assert.Equal(i * 3, results[i].FindMacro($"N{i}")!.Value);
        }
    }
}
