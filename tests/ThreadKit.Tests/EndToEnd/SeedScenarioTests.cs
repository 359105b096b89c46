using System.Collections.Generic;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.EndToEnd;

/// <summary>The tutorial's program, which ThreadKit exists to make natural in C#.</summary>
public sealed class SeedScenarioTests : TestBase
{
    private static readonly string[] SeedOutput =
    [
        "thread MainThread is running...",
        "hello world!",
        "thread TestThread is running...",
        "hello test",
        "thread TestThread ended.",
        "thread MainThread ended.",
    ];

    [Fact]
    public void Seed_program_prints_in_order_with_each_threads_name()
    {
        var lines = new List<string>();
        void Print(string line)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }

        void ThreadTest(string name)
        {
            Print($"thread {NamedWorker.CurrentThreadName} is running...");
            Print($"hello {name}");
            Print($"thread {NamedWorker.CurrentThreadName} ended.");
        }

        var caller = NamedWorker.CurrentThreadName;
        Print($"thread {caller} is running...");
        Print("hello world!");
        var t = NamedWorker.Create("TestThread", ThreadTest, "test");
        t.Start();
        t.Join();
        Print($"thread {NamedWorker.CurrentThreadName} ended.");

        lines.Should().Equal(
            $"thread {caller} is running...",
            "hello world!",
            "thread TestThread is running...",
            "hello test",
            "thread TestThread ended.",
            $"thread {caller} ended.");
    }

    [Fact]
    public void Demo_prints_the_tutorials_six_lines_byte_for_byte()
    {
        var result = ChildProcess.Run(ChildProcess.DotNetHost, [ChildProcess.DemoPath]);

        result.ExitCode.Should().Be(0, result.StandardError);
        result.StandardError.Should().BeEmpty();
        result.StandardOutput.Should().Be(string.Join("\n", SeedOutput) + "\n");
    }
}
