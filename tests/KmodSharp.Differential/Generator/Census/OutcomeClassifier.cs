using System;
using System.Linq;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Differential.Runner;

namespace KmodSharp.Differential.Generator.Census;

/// <summary>Sorts what the differential runner reported (or threw) into a <see cref="FindingClass"/>.</summary>
public static class OutcomeClassifier
{
    public static FindingClass Classify(DifferentialReport report)
    {
        if (report.Mismatches.FirstOrDefault() is { } first)
        {
            return Classify(first.What);
        }

        return FindingClass.Harness;
    }

    public static FindingClass Classify(string what) => what switch
    {
        _ when what.StartsWith("errno", StringComparison.Ordinal) => FindingClass.Errno,
        _ when what.StartsWith("retval", StringComparison.Ordinal) => FindingClass.Value,
        _ when what.StartsWith("user buffer", StringComparison.Ordinal) => FindingClass.UserMemory,
        _ when what.StartsWith("kernel log", StringComparison.Ordinal) => FindingClass.Log,
        _ when what.StartsWith("the .NET handler threw", StringComparison.Ordinal) => FindingClass.ManagedException,
        _ => FindingClass.Harness,
    };

    public static FindingClass Classify(Exception exception) => exception switch
    {
        HostCompileException => FindingClass.CCompileError,
        DifferentialException e when e.Message.StartsWith("Roslyn could not compile", StringComparison.Ordinal) => FindingClass.InvalidCSharp,
        DifferentialException => FindingClass.Harness,
        _ => FindingClass.InternalCompilerError,
    };
}
