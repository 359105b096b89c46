using System;
using Xunit;

namespace ThreadKit.Tests.Stress;

/// <summary>
/// The load, fault and race suite: category <c>Stress</c>, run alone and only on request, as .ci/run does with
/// <c>THREADKIT_STRESS=1 dotnet test --filter Category=Stress</c>. Plain <c>dotnet test</c> reports these as skipped.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public static class StressTest
{
    public const string Name = "Stress";
    public const string Category = "Category";

    public static void RequireEnabled() =>
        Assert.SkipUnless(
            Environment.GetEnvironmentVariable("THREADKIT_STRESS") == "1",
            "Stress tests run with THREADKIT_STRESS=1 dotnet test --filter Category=Stress.");
}
