using Xunit;

namespace KmodSharp.Differential.Generator.Census;

/// <summary>A fact that runs only when bench/programs.sh asks for it (<c>KMODSHARP_GEN_MINUTES</c>): the long run is not part of CI.</summary>
public sealed class LongRunFactAttribute : FactAttribute
{
    public LongRunFactAttribute()
    {
        if (!LongRun.Requested)
        {
            Skip = "the long generator run: bench/programs.sh [--minutes N] [--seed S]";
        }
    }
}
