using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ThreadKit;

/// <summary>
/// The text of a thread dump, in the spirit of Java's <c>jstack</c>: one block per thread, a header line with the name
/// in quotes, the kind, the native id in hex as <c>dotnet-stack</c> prints it and the current work, then one
/// <c>at</c> line per frame; a blank line between blocks.
/// </summary>
internal static class StackDump
{
    public static string Format(IReadOnlyList<ThreadStack> stacks)
    {
        var text = new StringBuilder();
        text.Append("ThreadKit stack dump, ").Append(DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture))
            .Append(", ").Append(stacks.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(" threads").AppendLine();
        foreach (var stack in stacks)
        {
            Append(text, stack);
            text.AppendLine();
        }

        return text.ToString();
    }

    public static string Format(ThreadStack stack) => Append(new StringBuilder(), stack).ToString().TrimEnd();

    private static StringBuilder Append(StringBuilder text, ThreadStack stack)
    {
        text.Append('"').Append(stack.Name).Append('"');
        if (stack.Worker is { } worker)
        {
            text.Append(' ').Append(worker.Kind.ToString().ToLowerInvariant());
            if (worker.Owner is { } owner)
            {
                text.Append(" owner=").Append(owner);
            }
        }

        text.Append(" nid=0x").Append(stack.NativeThreadId.ToString("X", CultureInfo.InvariantCulture));
        if (stack.Worker is { } info)
        {
            if (info.NativeName != info.Name)
            {
                text.Append(" os=\"").Append(info.NativeName).Append('"');
            }

            if (info.CurrentWork is { } work)
            {
                text.Append(" running ").Append(work);
                if (info.CurrentWorkElapsed is { } elapsed)
                {
                    text.Append(" for ").Append(elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s");
                }
            }

            if (info.QueuedCount > 0)
            {
                text.Append(", ").Append(info.QueuedCount.ToString(CultureInfo.InvariantCulture)).Append(" queued");
            }
        }

        text.AppendLine();
        foreach (var frame in stack.Frames)
        {
            text.Append("   at ").AppendLine(frame);
        }

        return text;
    }
}
