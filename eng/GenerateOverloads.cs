// Writes ThreadKit's overload families from one template, so their code and XML docs stay identical:
//   - src/ThreadKit/Overloads/*Workers.g.cs: the internal worker class behind each delegate shape;
//   - src/ThreadKit/Overloads/NamedWorker.Create.g.cs, WorkerGroup.Start.g.cs and WorkerPool.Start.g.cs: the public
//     overload families built on them.
//
// NamedWorker.Create is every shape: 0 to 4 typed arguments, with and without a stop token, for each kind of body (an
// action, a function, and their asynchronous forms returning Task and Task<TResult>). The convenience forms of a group
// and a pool are fewer, since a worker made by Create can be handed to either with Start(worker): a group has
// 1.0.0's synchronous shapes in every arity, and the asynchronous ones without arguments; a pool has one compact form
// per kind of body, and a typed state argument for synchronous bodies, whose jobs are the cheapest and would
// otherwise pay for a closure. Run it after changing the template; .ci/run fails when the committed files differ
// from what it writes.
//
//     dotnet run eng/GenerateOverloads.cs
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

// The repository's root is where scripts are run from. Not [CallerFilePath]: CI builds map source paths to "/_/".
var root = Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(root, "ThreadKit.sln")))
{
    Console.Error.WriteLine("Run this from the repository's root, where ThreadKit.sln is.");
    return 2;
}
var overloadsFolder = Path.Combine(root, "src", "ThreadKit", "Overloads");
Directory.CreateDirectory(overloadsFolder);

var written = new List<string>();
foreach (var kind in Shape.Kinds)
{
    var classes = Shape.All.Where(shape => shape.Kind == kind).Select(Templates.WorkerClass);
    var usings = "using System;\nusing System.Threading;\n" + (kind.IsAsync ? "using System.Threading.Tasks;\n" : "");
    var text = Templates.Header + usings + "\nnamespace ThreadKit;\n\n" +
        string.Join("\n\n", classes) + "\n";
    written.Add(Write(Path.Combine(overloadsFolder, kind.FileName), text));
}

written.Add(Write(Path.Combine(overloadsFolder, "NamedWorker.Create.g.cs"), Templates.Factories(Factory.Create)));
written.Add(Write(Path.Combine(overloadsFolder, "WorkerGroup.Start.g.cs"), Templates.Factories(Factory.GroupStart)));
written.Add(Write(Path.Combine(overloadsFolder, "WorkerPool.Start.g.cs"), Templates.Factories(Factory.PoolStart)));
foreach (var file in written)
{
    Console.WriteLine("wrote " + Path.GetRelativePath(root, file));
}

return 0;

static string Write(string path, string text)
{
    File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
    return path;
}


/// <summary>
/// What a body is: an action, or a function whose value every join returns; each synchronous, or asynchronous and
/// returning a task that the worker's thread pumps to completion.
/// </summary>
internal sealed record Kind(string Name, string ClassSuffix, bool ReturnsValue, bool IsAsync, string FileName)
{
    public string WorkerType => ReturnsValue ? "NamedWorker<TResult>" : "NamedWorker";

    public string DelegateType(IReadOnlyList<string> parameters) => (ReturnsValue, IsAsync) switch
    {
        (true, false) => $"Func<{string.Join(", ", parameters.Append("TResult"))}>",
        (true, true) => $"Func<{string.Join(", ", parameters.Append("Task<TResult>"))}>",
        (false, true) => $"Func<{string.Join(", ", parameters.Append("Task"))}>",
        _ => parameters.Count == 0 ? "Action" : $"Action<{string.Join(", ", parameters)}>",
    };
}

/// <summary>One overload: a kind of body, with or without a stop token, taking <see cref="Arity"/> typed arguments.</summary>
internal sealed record Shape(Kind Kind, bool Stoppable, int Arity)
{
    public const int MaxArity = 4;

    public static readonly Kind Action = new("action", "ActionWorker", ReturnsValue: false, IsAsync: false, "ActionWorkers.g.cs");
    public static readonly Kind Func = new("func", "FuncWorker", ReturnsValue: true, IsAsync: false, "FuncWorkers.g.cs");
    public static readonly Kind AsyncAction = new("async action", "AsyncActionWorker", ReturnsValue: false, IsAsync: true, "AsyncActionWorkers.g.cs");
    public static readonly Kind AsyncFunc = new("async func", "AsyncFuncWorker", ReturnsValue: true, IsAsync: true, "AsyncFuncWorkers.g.cs");
    public static readonly Kind[] Kinds = [Action, Func, AsyncAction, AsyncFunc];

    /// <summary>Every overload, in the order the files list them.</summary>
    public static IEnumerable<Shape> All =>
        from kind in Kinds
        from stoppable in new[] { false, true }
        from arity in Enumerable.Range(0, MaxArity + 1)
        select new Shape(kind, stoppable, arity);

    public IEnumerable<int> Ordinals => Enumerable.Range(1, Arity);

    public string ClassName => (Stoppable ? "Stoppable" : "") + Kind.ClassSuffix;

    public string Generics
    {
        get
        {
            var names = Ordinals.Select(i => $"T{i}").ToList();
            if (Kind.ReturnsValue)
            {
                names.Add("TResult");
            }

            return names.Count == 0 ? "" : $"<{string.Join(", ", names)}>";
        }
    }

    public string DelegateType =>
        Kind.DelegateType([.. Ordinals.Select(i => $"T{i}"), .. Stoppable ? new[] { "CancellationToken" } : []]);

    public string Parameters(bool withDefault = true)
    {
        var parameters = new List<string> { "string? name", $"{DelegateType} body" };
        parameters.AddRange(Ordinals.Select(i => $"T{i} arg{i}"));
        if (Stoppable)
        {
            parameters.Add("CancellationToken cancellationToken" + (withDefault ? " = default" : ""));
        }

        return string.Join(", ", parameters);
    }

    public string Arguments
    {
        get
        {
            var arguments = new List<string> { "name", "body" };
            arguments.AddRange(Ordinals.Select(i => $"arg{i}"));
            if (Stoppable)
            {
                arguments.Add("cancellationToken");
            }

            return string.Join(", ", arguments);
        }
    }
}

/// <summary>A public overload family built on the shapes: <c>NamedWorker.Create</c>, <c>WorkerGroup.Start</c> or <c>WorkerPool.Start</c>.</summary>
internal enum Factory
{
    Create,
    GroupStart,
    PoolStart,
}

internal static class Templates
{
    public const string Header =
        "// <auto-generated/>\n" +
        "// Written by eng/GenerateOverloads.cs: edit the generator, then run it (dotnet run eng/GenerateOverloads.cs),\n" +
        "// rather than editing here.\n\n#nullable enable\n\n";

    private static readonly string[] OrdinalWords = ["first", "second", "third", "fourth"];

    public static string WorkerClass(Shape shape)
    {
        var fields = new List<string> { $"    private {shape.DelegateType}? _body;" };
        fields.AddRange(shape.Ordinals.Select(i => $"    private T{i} _arg{i};"));
        var assignments = new List<string> { "        _body = body;" };
        assignments.AddRange(shape.Ordinals.Select(i => $"        _arg{i} = arg{i};"));
        var callArguments = shape.Ordinals.Select(i => $"_arg{i}").ToList();
        if (shape.Stoppable)
        {
            callArguments.Add("StopToken");
        }

        var call = $"_body!({string.Join(", ", callArguments)})";
        var clears = new List<string> { "            _body = null;" };
        clears.AddRange(shape.Ordinals.Select(i => $"            _arg{i} = default!;"));
        var token = shape.Stoppable ? "cancellationToken" : "default";

        return Lines(
            $"internal sealed class {shape.ClassName}{shape.Generics} : {shape.Kind.WorkerType}",
            "{",
            fields,
            "",
            $"    public {shape.ClassName}({shape.Parameters(withDefault: false)})",
            $"        : base(name, body, {token})",
            "    {",
            assignments,
            "    }",
            "",
            "    private protected override void Execute()",
            "    {",
            ExecuteBody(shape.Kind, call, clears),
            "    }",
            "}");
    }

    /// <summary>
    /// The body of Execute. An action checks for async void; a task-returning body runs under the worker's context,
    /// which pumps its continuations on this thread until its task completes. Either way the body and its arguments
    /// are dropped at the end, like Python's Thread.run, so a finished worker keeps nothing alive.
    /// </summary>
    private static List<string> ExecuteBody(Kind kind, string call, List<string> clears)
    {
        const string DropComment = "            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.";
        if (!kind.IsAsync && kind.ReturnsValue)
        {
            return [
                "        try", "        {", $"            SetResult({call});", "        }",
                "        finally", "        {", DropComment, .. clears, "        }"];
        }

        if (!kind.IsAsync)
        {
            return [
                "        // An async void body gets the worker's context, so that its fault is caught and its continuations stay here.",
                "        var context = InstallSynchronizationContextIfAsyncVoid(_body!);",
                "        try", "        {", $"            {call};", "            context?.RunUntilIdle();", "        }",
                "        finally", "        {", "            context?.Uninstall();", DropComment, .. clears, "        }"];
        }

        var run = kind.ReturnsValue ? $"SetResult(context.Run({call}));" : $"context.Run({call});";
        return [
            "        var context = InstallSynchronizationContext(_body!);",
            "        try", "        {", $"            {run}", "        }",
            "        finally", "        {", "            context.Uninstall();", DropComment, .. clears, "        }"];
    }

    /// <summary>The shapes each family offers; see the header.</summary>
    public static bool Offers(Factory factory, Shape shape) => factory switch
    {
        Factory.GroupStart => !shape.Kind.IsAsync || shape.Arity == 0,
        Factory.PoolStart => !shape.Stoppable && (shape.Arity == 0 || (shape.Arity == 1 && !shape.Kind.IsAsync)),
        _ => true,
    };

    public static string Factories(Factory factory)
    {
        var members = Shape.All.Where(shape => Offers(factory, shape)).Select(shape =>
        {
            var lines = Docs(shape, factory);
            var returnType = shape.Kind.WorkerType;
            var worker = $"new {shape.ClassName}{shape.Generics}({shape.Arguments})";
            var start = factory == Factory.PoolStart ? "StartJob" : "Start";

            // A synchronous function of a group or a pool whose TResult is a task is an async body that the arity
            // the family lacks sent here: refused, rather than run with the task itself as its result.
            var guard = factory != Factory.Create && shape.Kind.ReturnsValue && !shape.Kind.IsAsync
                ? $"Guard.NotAsyncBody<TResult>(name, {(factory == Factory.PoolStart ? "\"pool\"" : "\"group\"")});"
                : null;
            if (factory == Factory.Create)
            {
                lines.Add($"public static {returnType} Create{shape.Generics}({shape.Parameters()}) =>");
                lines.Add($"    {worker};");
            }
            else if (guard is null)
            {
                lines.Add($"public {returnType} Start{shape.Generics}({shape.Parameters()}) =>");
                lines.Add($"    {start}({worker});");
            }
            else
            {
                lines.Add($"public {returnType} Start{shape.Generics}({shape.Parameters()})");
                lines.Add("{");
                lines.Add($"    {guard}");
                lines.Add($"    return {start}({worker});");
                lines.Add("}");
            }

            return string.Join("\n", lines.Select(line => line.Length == 0 ? line : "    " + line));
        });

        var declaration = factory switch
        {
            Factory.GroupStart => "public sealed partial class WorkerGroup",
            Factory.PoolStart => "public sealed partial class WorkerPool",
            _ => "public abstract partial class NamedWorker",
        };
        return Header + "using System;\nusing System.Threading;\nusing System.Threading.Tasks;\n\nnamespace ThreadKit;\n\n" +
            declaration + "\n{\n" + string.Join("\n\n", members) + "\n}\n";
    }

    private static List<string> Docs(Shape shape, Factory factory)
    {
        var forGroup = factory == Factory.GroupStart;
        var forPool = factory == Factory.PoolStart;
        var lines = new List<string>
        {
            factory switch
            {
                Factory.GroupStart => "/// <summary>Creates a worker in this group and starts it at once.</summary>",
                Factory.PoolStart => "/// <summary>Creates a job that runs <paramref name=\"body\"/> on one of this pool's threads, and starts it at once.</summary>",
                _ => "/// <summary>Creates an unstarted worker that will run <paramref name=\"body\"/> on its own thread.</summary>",
            },
        };
        var remarks = new List<string>();
        if (shape.Arity > 0)
        {
            remarks.Add("The arguments are stored in the worker with their own types, never boxed or captured in a closure.");
        }

        if (forPool)
        {
            remarks.Add("To give a job a stop token, or arguments to an async body, create it with <c>NamedWorker.Create</c> and start it with <see cref=\"Start{TWorker}(TWorker)\"/>.");
        }
        else if (forGroup && shape.Kind.IsAsync)
        {
            remarks.Add("To give an async body arguments, create it with <c>NamedWorker.Create</c> and start it with <see cref=\"Start{TWorker}(TWorker)\"/>.");
        }

        if (remarks.Count > 0)
        {
            lines.Add($"/// <remarks>{string.Join(" ", remarks)}</remarks>");
        }

        lines.AddRange(shape.Ordinals.Select(i => $"/// <typeparam name=\"T{i}\">The type of the {OrdinalWords[i - 1]} argument.</typeparam>"));
        if (shape.Kind.ReturnsValue)
        {
            lines.Add("/// <typeparam name=\"TResult\">The type of the value the body returns.</typeparam>");
        }

        lines.Add("/// <param name=\"name\">The worker's name, kept whole and set on its thread. <see langword=\"null\"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>");
        var body = new StringBuilder(shape.Kind.IsAsync
            ? "The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes"
            : "The code the worker runs");
        if (shape.Stoppable)
        {
            body.Append(". Its last parameter is the worker's stop token, signalled by <see cref=\"NamedWorker.RequestStop\"/>");
            body.Append(forGroup ? ", by the group's stop," : ",");
            body.Append(" or by <paramref name=\"cancellationToken\"/>");
        }

        if (shape.Kind.ReturnsValue)
        {
            body.Append(shape.Kind.IsAsync
                ? "; the value of its task is what <see cref=\"NamedWorker{TResult}.Join()\"/> returns"
                : "; its return value is what <see cref=\"NamedWorker{TResult}.Join()\"/> returns");
        }

        lines.Add($"/// <param name=\"body\">{body}.</param>");
        lines.AddRange(shape.Ordinals.Select(i => $"/// <param name=\"arg{i}\">The {OrdinalWords[i - 1]} argument passed to <paramref name=\"body\"/>.</param>"));
        if (shape.Stoppable)
        {
            lines.Add("/// <param name=\"cancellationToken\">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>");
        }

        lines.Add(factory switch
        {
            Factory.GroupStart => "/// <returns>The running worker, already started and tracked by this group.</returns>",
            Factory.PoolStart => "/// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>",
            _ => "/// <returns>The new worker, <see cref=\"WorkerState.Unstarted\"/>: set its options, then call <see cref=\"NamedWorker.Start\"/>.</returns>",
        });
        lines.Add("/// <exception cref=\"ArgumentNullException\"><paramref name=\"body\"/> is <see langword=\"null\"/>.</exception>");
        lines.Add(factory != Factory.Create && shape.Kind.ReturnsValue && !shape.Kind.IsAsync
            ? "/// <exception cref=\"ArgumentException\"><paramref name=\"name\"/> contains a NUL character (<c>'\\0'</c>), or <typeparamref name=\"TResult\"/> is a task: an async body this overload would not await. Create it with <see cref=\"NamedWorker.Create(string?, Func{Task})\"/> or another async overload of <c>Create</c>, and start it with <c>Start(worker)</c>.</exception>"
            : "/// <exception cref=\"ArgumentException\"><paramref name=\"name\"/> contains a NUL character (<c>'\\0'</c>).</exception>");
        if (forPool)
        {
            lines.Add("/// <exception cref=\"InvalidOperationException\">The pool has been completed.</exception>");
            lines.Add("/// <exception cref=\"ObjectDisposedException\">The pool has been disposed.</exception>");
            lines.Add("/// <exception cref=\"OutOfMemoryException\">The operating system could not create a thread for the pool; the job is not started.</exception>");
        }

        if (forGroup)
        {
            lines.Add("/// <exception cref=\"ObjectDisposedException\">The group has been disposed.</exception>");
            lines.Add("/// <exception cref=\"OutOfMemoryException\">The operating system could not create the thread; the worker is not added to the group.</exception>");
        }

        return lines;
    }

    /// <summary>Joins lines, flattening nested lists of lines, with a final newline left to the caller.</summary>
    private static string Lines(params object[] parts) =>
        string.Join("\n", parts.SelectMany(part => part as IEnumerable<string> ?? [(string)part]));
}
