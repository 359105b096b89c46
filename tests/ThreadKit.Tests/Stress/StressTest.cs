using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
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

    /// <summary>
    /// Keeps every CPU busy with one spinning thread each, at normal priority, until disposed: the saturating load under
    /// which waiters find their spins failing and block at once.
    /// </summary>
    public static IDisposable SaturateCpus() => new Spinners();

    private sealed class Spinners : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Thread> _threads;

        public Spinners()
        {
            _threads = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    Thread.SpinWait(1000);
                }
            }) { IsBackground = true }).ToList();
            _threads.ForEach(static thread => thread.Start());
        }

        public void Dispose()
        {
            _stop.Cancel();
            _threads.ForEach(static thread => thread.Join());
            _stop.Dispose();
        }
    }
}
