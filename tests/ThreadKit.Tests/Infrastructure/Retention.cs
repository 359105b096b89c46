using System;
using System.Runtime.CompilerServices;
using System.Threading;
using FluentAssertions;

namespace ThreadKit.Tests;

/// <summary>Checks that an object nothing should hold any more is collected by a full, blocking garbage collection.</summary>
public static class Retention
{
    /// <summary>Creates an object of about <paramref name="bytes"/> bytes and a weak reference to it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static (byte[] Payload, WeakReference Weak) Payload(int bytes = 1024 * 1024)
    {
        var payload = new byte[bytes];
        return (payload, new WeakReference(payload));
    }

    /// <summary>
    /// Collects until <paramref name="weak"/>'s target is gone, for up to <see cref="TestBase.UnexpectedTimeout"/>: a
    /// thread that has just handed over its last result may still be returning from the frame that held it.
    /// </summary>
    public static void ShouldBeCollected(this WeakReference weak, string because)
    {
        var collected = SpinWait.SpinUntil(
            () =>
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                return !weak.IsAlive;
            },
            TestBase.UnexpectedTimeout);

        collected.Should().BeTrue(because);
    }
}
