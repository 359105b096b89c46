using System.Threading.Tasks;
using ThreadKit.CodeFixes;
using Xunit;
using Verify = ThreadKit.Analyzers.Tests.Verify<ThreadKit.Analyzers.LongRunningAsyncAnalyzer>;

namespace ThreadKit.Analyzers.Tests;

public sealed class LongRunningAsyncAnalyzerTests
{
    [Fact]
    public Task StartNew_with_an_async_delegate_and_LongRunning_is_reported_in_each_form() => Verify.Analyzer("""
        using System.Threading;
        using System.Threading.Tasks;

        class Pump
        {
            Task PollAsync() => Task.Delay(1);

            void Run(CancellationToken token)
            {
                {|TK002:Task.Factory.StartNew(async () => { while (true) { await Task.Delay(100); } }, TaskCreationOptions.LongRunning)|};
                _ = {|TK002:Task.Factory.StartNew(PollAsync, token, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default)|};
                var factory = new TaskFactory();
                {|TK002:factory.StartNew(async () => await Task.Yield(), TaskCreationOptions.LongRunning)|};
            }
        }
        """);

    [Fact]
    public Task A_synchronous_LongRunning_delegate_or_an_async_one_without_LongRunning_is_not_reported() => Verify.Analyzer("""
        using System.Threading;
        using System.Threading.Tasks;

        class Pump
        {
            void Run()
            {
                Task.Factory.StartNew(() => Thread.Sleep(100), TaskCreationOptions.LongRunning);
                Task.Factory.StartNew(async () => await Task.Delay(100));
                Task.Factory.StartNew(async () => await Task.Delay(100), TaskCreationOptions.DenyChildAttach).Unwrap();
            }
        }
        """);

    [Fact]
    public Task A_discarded_call_becomes_an_async_NamedWorker_named_after_its_method() => Verify.Fix<LongRunningAsyncFix>("""
        using System.Threading.Tasks;

        class Pump
        {
            void StartPolling()
            {
                {|TK002:Task.Factory.StartNew(async () => { while (true) { await Task.Delay(100); } }, TaskCreationOptions.LongRunning)|};
            }
        }
        """, """
        using System.Threading.Tasks;
        using ThreadKit;

        class Pump
        {
            void StartPolling()
            {
                NamedWorker.Create("StartPolling", async () => { while (true) { await Task.Delay(100); } }).Start();
            }
        }
        """);

    [Fact]
    public Task The_Task_Run_fix_keeps_a_cancellation_token() => Verify.Fix<LongRunningAsyncFix>("""
        using System.Threading;
        using System.Threading.Tasks;

        class Pump
        {
            Task PollAsync() => Task.Delay(1);

            Task Start(CancellationToken token) => {|TK002:Task.Factory.StartNew(PollAsync, token, TaskCreationOptions.LongRunning, TaskScheduler.Default)|};
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;

        class Pump
        {
            Task PollAsync() => Task.Delay(1);

            Task Start(CancellationToken token) => Task.Run(PollAsync, token);
        }
        """);
}
