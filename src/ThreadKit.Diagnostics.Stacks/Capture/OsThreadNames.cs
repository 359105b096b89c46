using System;
using System.Globalization;
using System.IO;

namespace ThreadKit;

/// <summary>The name the operating system shows for a thread ThreadKit does not run.</summary>
internal static class OsThreadNames
{
    /// <summary>
    /// Reads <c>/proc/self/task/&lt;id&gt;/comm</c> on Linux, where the runtime names its own threads (such as
    /// <c>.NET TP Worker</c>); elsewhere, and for a thread that has ended, <c>"thread &lt;id&gt;"</c>.
    /// </summary>
    public static string Of(long nativeThreadId)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var name = File.ReadAllText($"/proc/self/task/{nativeThreadId.ToString(CultureInfo.InvariantCulture)}/comm").TrimEnd('\n');
                if (name.Length > 0)
                {
                    return name;
                }
            }
            catch (IOException)
            {
                // The thread ended after it was sampled.
            }
            catch (UnauthorizedAccessException)
            {
                // A hardened /proc; the id still identifies the thread.
            }
        }

        return "thread " + nativeThreadId.ToString(CultureInfo.InvariantCulture);
    }
}
