using Microsoft.CodeAnalysis;

namespace ThreadKit.Analyzers;

/// <summary>ThreadKit's diagnostics, each with its page under docs/analyzers as its help link.</summary>
internal static class Rules
{
    private const string Usage = "ThreadKit.Usage";
    private const string Reliability = "ThreadKit.Reliability";
    private const string HelpBase = "https://github.com/threadkit/threadkit/blob/main/docs/analyzers/";

    public static readonly DiagnosticDescriptor RawThread = Rule(
        "TK001",
        "Use a NamedWorker for a named thread",
        "Thread '{0}' is only named, started and joined; NamedWorker.Create does the same, and rethrows its exception from Join instead of ending the process",
        Usage,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor LongRunningAsync = Rule(
        "TK002",
        "LongRunning does not give an async delegate a thread",
        "StartNew with TaskCreationOptions.LongRunning runs this async delegate's dedicated thread only until its first await, and returns a Task<Task>; use an async NamedWorker for a thread of its own, or Task.Run",
        Reliability,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BlockingBackgroundService = Rule(
        "TK003",
        "A BackgroundService that blocks holds a thread-pool thread",
        "'{0}.ExecuteAsync' blocks ({1}); it holds a thread-pool thread for as long as it runs, and blocks the host's start until its first await. Derive from NamedWorkerService and override Execute(CancellationToken) to run it on a named thread of its own.",
        Reliability,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LoopSelfWait = Rule(
        "TK004",
        "Do not wait on a loop from work running on that loop",
        "This waits ({0}) for work sent to loop '{1}' from work that runs on '{1}' itself: the loop cannot run the work it waits for, so it deadlocks. Await it instead, or call Invoke, which runs inline on the loop's own thread.",
        Reliability,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ConfigureAwaitInBody = Rule(
        "TK005",
        "ConfigureAwait(false) leaves ThreadKit's named thread",
        "ConfigureAwait(false) in an async body given to '{0}' resumes on a thread-pool thread, not on the named thread it was given to; remove it",
        Usage,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ThreadTuning = Rule(
        "TK006",
        "Use the worker's options to tune one thread",
        "{0}; set the worker's {1} option (NamedWorker.{1}, or WorkerThreadOptions.{1} for a loop or pool), which ThreadKit applies to that thread alone, on Linux too",
        Usage,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnreachableEndLambda = Rule(
        "TK007",
        "This block lambda runs as an async body",
        "C# binds this lambda to '{0}' because its end cannot be reached, so ThreadKit runs it as an async body on a single-threaded context, where .Result and .Wait() deadlock; cast it to {1} to run it as a plain body, or mark it async if it is meant to be one",
        Usage,
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Rule(string id, string title, string message, string category, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
}
