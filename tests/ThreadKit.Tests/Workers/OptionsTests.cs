using System;
using System.Runtime.InteropServices;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Workers;

/// <summary>Thread options, like Rust's Builder: set between Create and Start, fixed once the worker starts.</summary>
public sealed unsafe class OptionsTests : TestBase
{
    [Fact]
    public void Defaults_are_those_of_a_raw_thread()
    {
        var worker = NamedWorker.Create("defaults", static () => { });

        worker.StackSize.Should().Be(0);
        worker.Priority.Should().Be(ThreadPriority.Normal);
        worker.IsBackground.Should().BeFalse();
        worker.FlowExecutionContext.Should().BeTrue();
    }

    [Fact]
    public void StackSize_sets_the_threads_stack()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Reads the stack through glibc's pthread_getattr_np.");
        const int requested = 1024 * 1024;
        nuint actual = 0;
        var worker = NamedWorker.Create("sized", () => actual = CurrentThreadStackSize());
        worker.StackSize = requested;

        worker.Start();
        Join(worker);

        worker.StackSize.Should().Be(requested);
        ((long)actual).Should().BeInRange(requested, requested + (128 * 1024), "the platform may add a guard page or round up");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(64 * 1024)]
    public void A_stack_below_the_minimum_is_rejected(int size)
    {
        var worker = NamedWorker.Create("tiny", static () => { });

        worker.Invoking(w => w.StackSize = size).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("value").WithMessage("*at least 262144 bytes*");
        worker.StackSize.Should().Be(0, "a rejected value changes nothing");
    }

    [Fact]
    public void The_minimum_stack_size_is_accepted_and_runs()
    {
        var worker = NamedWorker.Create("minimal", static () => 1);
        worker.StackSize = NamedWorker.MinimumStackSize;

        worker.Start();

        worker.Join().Should().Be(1);
    }

    [Fact]
    public void Priority_is_applied_to_the_thread()
    {
        ThreadPriority? seen = null;
        var worker = NamedWorker.Create("urgent", () => seen = Thread.CurrentThread.Priority);
        worker.Priority = ThreadPriority.AboveNormal;

        worker.Start();
        Join(worker);

        seen.Should().Be(ThreadPriority.AboveNormal);
    }

    [Fact]
    public void An_undefined_priority_is_rejected()
    {
        var worker = NamedWorker.Create("odd", static () => { });

        worker.Invoking(w => w.Priority = (ThreadPriority)42).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("value");
    }

    [Fact]
    public void Options_are_fixed_once_the_worker_starts()
    {
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("frozen", () => Wait(release));
        worker.Start();

        worker.Invoking(w => w.StackSize = 1024 * 1024).Should().Throw<InvalidOperationException>().WithMessage("StackSize can only be set before Start*");
        worker.Invoking(w => w.Priority = ThreadPriority.Highest).Should().Throw<InvalidOperationException>();
        worker.Invoking(w => w.FlowExecutionContext = false).Should().Throw<InvalidOperationException>();
        worker.Invoking(w => w.IsBackground = true).Should().Throw<InvalidOperationException>();

        release.Set();
        Join(worker);
        worker.StackSize.Should().Be(0);
        worker.Priority.Should().Be(ThreadPriority.Normal);
        worker.FlowExecutionContext.Should().BeTrue();
    }

    [Fact]
    public void Options_cannot_be_set_on_a_disposed_worker()
    {
        var worker = NamedWorker.Create("gone", static () => { });
        worker.Dispose();

        worker.Invoking(w => w.StackSize = 1024 * 1024).Should().Throw<ObjectDisposedException>();
        worker.Invoking(w => w.IsBackground = true).Should().Throw<ObjectDisposedException>();
    }

    private static nuint CurrentThreadStackSize()
    {
        var attributes = stackalloc byte[256];
        pthread_getattr_np(pthread_self(), attributes).Should().Be(0);
        try
        {
            nuint size;
            pthread_attr_getstacksize(attributes, &size).Should().Be(0);
            return size;
        }
        finally
        {
            pthread_attr_destroy(attributes);
        }
    }

    [DllImport("libc")]
    private static extern IntPtr pthread_self();

    [DllImport("libc")]
    private static extern int pthread_getattr_np(IntPtr thread, byte* attributes);

    [DllImport("libc")]
    private static extern int pthread_attr_getstacksize(byte* attributes, nuint* size);

    [DllImport("libc")]
    private static extern int pthread_attr_destroy(byte* attributes);
}
