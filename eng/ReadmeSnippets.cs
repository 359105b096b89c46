// Compiles every C# block of the given Markdown files, so that a snippet that no longer compiles fails CI.
//
//     dotnet run eng/ReadmeSnippets.cs -- README.md src/ThreadKit/PACKAGE.md
//
// Each ```csharp block becomes a project of its own, outside the repository, built the way a user builds it:
//   - a block that starts with a using directive is a whole Program.cs. It is built in a `dotnet new console` app
//     (ImplicitUsings and Nullable on), and, if it uses ThreadKit.Hosting, in a `dotnet new worker` app as well, each
//     with the packages the README says to add;
//   - any other block is a fragment. It is built in a console app with eng/readme/Fragments.cs, which declares the
//     names fragments assume (numbers, urls, Download, ...) and imports ThreadKit, as the reader's own file would.
// Exit code: 0 when every block compiles, 1 when any fails, 2 on bad usage.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: dotnet run eng/ReadmeSnippets.cs -- FILE.md [FILE.md ...]");
    return 2;
}

// The repository's root is where scripts are run from. Not [CallerFilePath]: CI builds map source paths to "/_/".
var root = Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(root, "ThreadKit.sln")))
{
    Console.Error.WriteLine("Run this from the repository's root, where ThreadKit.sln is.");
    return 2;
}
var work = Path.Combine(Path.GetTempPath(), "threadkit-readme-snippets");
if (Directory.Exists(work))
{
    Directory.Delete(work, recursive: true);
}

Directory.CreateDirectory(work);

// Outside the repository, so that none of its build settings apply: a snippet is built as a user's app is.
File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />\n");
File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />\n");
File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />\n");

var failures = new List<string>();
var built = 0;
foreach (var markdown in args)
{
    var path = Path.GetFullPath(markdown);
    foreach (var block in Snippet.Read(path))
    {
        foreach (var app in block.Apps())
        {
            var name = $"{Path.GetFileNameWithoutExtension(path)}-{block.Line}-{app}";
            var directory = Path.Combine(work, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "Program.cs"), block.Code);
            if (!block.IsWholeProgram)
            {
                File.Copy(Path.Combine(root, "eng", "readme", "Fragments.cs"), Path.Combine(directory, "Fragments.cs"));
            }

            File.WriteAllText(Path.Combine(directory, name + ".csproj"), Project(app, block.UsesHosting, block.UsesStacks, root));
            var (ok, output) = Build(directory);
            var where = $"{Path.GetRelativePath(root, path)}:{block.Line} ({app} app)";
            Console.WriteLine((ok ? "compiles: " : "FAILS:    ") + where);
            built++;
            if (!ok)
            {
                failures.Add(where);
                Console.WriteLine(string.Join('\n', output.Split('\n').Where(line => line.Contains("error", StringComparison.Ordinal)).Distinct()));
            }
        }
    }
}

Console.WriteLine($"{built - failures.Count} of {built} snippet builds compile.");
return failures.Count == 0 ? 0 : 1;

static string Project(string app, bool usesHosting, bool usesStacks, string root)
{
    var sdk = app == "worker" ? "Microsoft.NET.Sdk.Worker" : "Microsoft.NET.Sdk";
    var reference = Path.Combine(root, "src", usesHosting ? "ThreadKit.Hosting" : "ThreadKit", usesHosting ? "ThreadKit.Hosting.csproj" : "ThreadKit.csproj");

    // The hosting package the README tells a console app to add; a worker app has it from its template. 10.0.0 is
    // the version `dotnet new worker` references on .NET 10.
    var hosting = usesHosting ? "    <PackageReference Include=\"Microsoft.Extensions.Hosting\" Version=\"10.0.0\" />\n" : "";

    // The optional stacks package, which a snippet that captures stacks tells its reader to add.
    var stacks = usesStacks
        ? $"    <ProjectReference Include=\"{Path.Combine(root, "src", "ThreadKit.Diagnostics.Stacks", "ThreadKit.Diagnostics.Stacks.csproj")}\" />\n"
        : "";
    return $"""
        <Project Sdk="{sdk}">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{reference}" />
        {hosting}{stacks}  </ItemGroup>
        </Project>

        """;
}

static (bool Ok, string Output) Build(string directory)
{
    var start = new ProcessStartInfo("dotnet", ["build", "-nologo", "-clp:NoSummary", "-v:q"])
    {
        WorkingDirectory = directory,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    return (process.ExitCode == 0, output.Result + error);
}


/// <summary>One ```csharp block of a Markdown file.</summary>
internal sealed record Snippet(int Line, string Code)
{
    /// <summary>Gets a value indicating whether the block starts with a using directive (not a using statement).</summary>
    public bool IsWholeProgram => Regex.IsMatch(Code.TrimStart(), @"^using\s+(static\s+)?[A-Za-z_][\w.]*\s*;");

    public bool UsesHosting => Code.Contains("ThreadKit.Hosting", StringComparison.Ordinal);

    public bool UsesStacks => Code.Contains("WorkerStacks", StringComparison.Ordinal);

    /// <summary>The kinds of app the block must compile in.</summary>
    public IEnumerable<string> Apps() => IsWholeProgram && UsesHosting ? ["console", "worker"] : ["console"];

    public static IEnumerable<Snippet> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var code = new StringBuilder();
            var start = i + 1;
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                code.Append(lines[i]).Append('\n');
            }

            yield return new Snippet(start, code.ToString());
        }
    }
}
