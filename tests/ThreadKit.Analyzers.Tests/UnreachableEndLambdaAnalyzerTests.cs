using System.Threading.Tasks;
using ThreadKit.CodeFixes;
using Xunit;
using Verify = ThreadKit.Analyzers.Tests.Verify<ThreadKit.Analyzers.UnreachableEndLambdaAnalyzer>;

namespace ThreadKit.Analyzers.Tests;

public sealed class UnreachableEndLambdaAnalyzerTests
{
    [Fact]
    public Task A_block_lambda_that_loops_forever_or_ends_in_throw_given_to_ThreadKit_is_reported() => Verify.Analyzer("""
        using System;
        using System.Collections.Concurrent;
        using System.Threading;
        using ThreadKit;

        class Consumer
        {
            void Run(BlockingCollection<string> queue, WorkerPool pool, CancellationToken stop)
            {
                NamedWorker.Create("consumer", () {|TK007:=>|}
                {
                    while (true)
                    {
                        Console.WriteLine(queue.Take());
                    }
                }).Start();
                pool.Start("failing", () {|TK007:=>|} { throw new InvalidOperationException("not yet"); });
                NamedWorker.Create("with token", (CancellationToken token) {|TK007:=>|} { for (;;) { token.ThrowIfCancellationRequested(); } }, stop).Start();
            }
        }
        """);

    [Fact]
    public Task Lambdas_whose_end_is_reachable_async_ones_and_ones_returning_a_task_are_not_reported() => Verify.Analyzer("""
        using System;
        using System.Threading.Tasks;
        using ThreadKit;

        class Consumer
        {
            void Run(WorkerPool pool)
            {
                NamedWorker.Create("reachable", () => { Console.WriteLine("done"); }).Start();
                NamedWorker.Create("async", async () => { while (true) { await Task.Delay(10); } }).Start();
                NamedWorker.Create("returns", () => { return Task.CompletedTask; }).Start();
                NamedWorker.Create("expression", () => Task.Delay(1)).Start();
                NamedWorker.Create("cast", (Action)(() => { while (true) { } })).Start();
                _ = Task.Run(() => { while (true) { } });
            }
        }
        """);

    [Fact]
    public Task The_first_fix_casts_the_lambda_to_Action() => Verify.Fix<UnreachableEndLambdaFix>("""
        using System;
        using ThreadKit;

        class Consumer
        {
            void Run() => NamedWorker.Create("consumer", () {|TK007:=>|} { while (true) { Console.WriteLine("poll"); } }).Start();
        }
        """, """
        using System;
        using ThreadKit;

        class Consumer
        {
            void Run() => NamedWorker.Create("consumer", (Action)(() => { while (true) { Console.WriteLine("poll"); } })).Start();
        }
        """);

    [Fact]
    public Task The_fix_casts_to_the_Action_with_the_lambdas_parameters() => Verify.Fix<UnreachableEndLambdaFix>("""
        using System.Threading;
        using ThreadKit;

        class Consumer
        {
            void Run(CancellationToken stop) => NamedWorker.Create("poller", (CancellationToken token) {|TK007:=>|} { for (;;) { token.ThrowIfCancellationRequested(); } }, stop).Start();
        }
        """, """
        using System;
        using System.Threading;
        using ThreadKit;

        class Consumer
        {
            void Run(CancellationToken stop) => NamedWorker.Create("poller", (Action<CancellationToken>)((CancellationToken token) => { for (;;) { token.ThrowIfCancellationRequested(); } }), stop).Start();
        }
        """);

    [Fact]
    public Task The_second_fix_makes_the_lambda_async() => Verify.Fix<UnreachableEndLambdaFix>("""
        using System.Threading.Tasks;
        using ThreadKit;

        class Ticker
        {
            void Run() => NamedWorker.Create("ticker", () {|TK007:=>|} { while (true) { Task.Delay(10).Wait(); } }).Start();
        }
        """, """
        using System.Threading.Tasks;
        using ThreadKit;

        class Ticker
        {
            void Run() => NamedWorker.Create("ticker", async () => { while (true) { Task.Delay(10).Wait(); } }).Start();
        }
        """, codeActionIndex: 1);
}
