using System;
using System.IO;

namespace ThreadKit.Tests;

/// <summary>The repository the tests were built from, for the tests that read its source and API files.</summary>
internal static class Repository
{
    /// <summary>Gets the folder that holds ThreadKit.sln, above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ThreadKit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository: no ThreadKit.sln above " + AppContext.BaseDirectory);
    }
}
