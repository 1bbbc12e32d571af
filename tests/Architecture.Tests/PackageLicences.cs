using System.Text.Json;
using System.Xml.Linq;

namespace KollegialtUtbyte.Architecture.Tests;

/// <summary>A restored package and the licence its .nuspec declares.</summary>
public sealed record RestoredPackage(string Id, string Version, string NuspecPath);

/// <summary>What a package's licence was judged to be, and whether the project may use it.</summary>
public sealed record LicenceVerdict(string Id, string Version, string Licence, bool Allowed, string Why)
{
    public override string ToString() => $"{Id} {Version}: {Licence} ({Why})";
}

/// <summary>A licence the nuspec cannot state as an SPDX expression, read by a person and recorded.</summary>
public sealed record ReviewedLicence(string Id, string Version, string Licence, string Reason);

/// <summary>
/// Decides from a package's .nuspec whether its licence is one the project accepts. The licence
/// is taken from the nuspec's SPDX expression; packages that only point at a licence file or URL
/// need a reviewed entry for that exact version, because a new version may change licence
/// (PDFsharp 6.5.0 moved to the AGPL).
/// </summary>
public static partial class PackageLicences
{
    /// <summary>Permissive licences accepted for any package.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "MS-PL", "PostgreSQL",
    };

    /// <summary>
    /// Exceptions, each read and justified for one version: packages whose nuspec names a file or
    /// URL instead of an expression, and the MPL-2.0 packages accepted by name.
    /// </summary>
    public static readonly IReadOnlyList<ReviewedLicence> Reviewed =
    [
        new("CommandLineParser", "2.9.1", "MIT", "License.md in the package is the MIT licence text (via BenchmarkDotNet)."),
        new("Microsoft.DotNet.PlatformAbstractions", "3.1.6", "MIT", "LICENSE.TXT in the package is the .NET Foundation MIT licence."),
        new("SourceGear.sqlite3", "3.50.4.5", "public domain", "LICENSE.txt: SQLite is public domain (sqlite.org/copyright.html)."),
        new("NetArchTest.Rules", "1.3.2", "MIT", "The nuspec declares no licence; the project's repository (BenMorris/NetArchTest) is MIT."),
        new("Mono.Cecil", "0.11.3", "MIT", "licenseUrl is opensource.org's MIT licence (via NetArchTest.Rules)."),
        new("Microsoft.Data.SqlClient.SNI.runtime", "6.0.3", "Microsoft's terms, Windows only",
            "Comes with Microsoft.Data.SqlClient (SQL Server) and holds only its Windows native library; on Linux SqlClient uses its managed network layer, and the images publish for Linux (--os linux), so it never ships."),
        new("Microsoft.Identity.Client.NativeInterop", "0.20.6", "Microsoft's terms, Windows only",
            "Comes with Microsoft.Data.SqlClient through MSAL and holds only the Windows sign-in broker; the images publish for Linux (--os linux), so it never ships."),
        new("Deque.AxeCore.Commons", "4.14.0", "MPL-2.0", "axe-core for the accessibility tests only, used unmodified and never shipped; MPL-2.0 obliges only changes to its own files."),
    ];

    /// <summary>Judges one package from the text of its .nuspec.</summary>
    public static LicenceVerdict Judge(string id, string version, XDocument nuspec)
    {
        var reviewed = Reviewed.FirstOrDefault(r =>
            string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Version, version, StringComparison.OrdinalIgnoreCase));
        if (reviewed is not null)
        {
            return new(id, version, reviewed.Licence, true, "reviewed: " + reviewed.Reason);
        }

        var metadata = nuspec.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
        var license = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
        if (license is not null && (string?)license.Attribute("type") == "expression")
        {
            var expression = license.Value.Trim();
            return IsAllowedExpression(expression)
                ? new(id, version, expression, true, "licence expression")
                : new(id, version, expression, false, "licence not on the allow-list");
        }

        var declared = license is not null
            ? $"file {license.Value.Trim()}"
            : metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "licenseUrl")?.Value.Trim() is { Length: > 0 } url
                ? $"url {url}"
                : "none declared";
        return new(id, version, declared, false, "no licence expression and no reviewed entry for this version");
    }

    /// <summary>
    /// Evaluates an SPDX expression: OR needs one accepted side, AND needs both, and an
    /// exception (WITH) is accepted only if listed as a whole.
    /// </summary>
    public static bool IsAllowedExpression(string expression)
    {
        var tokens = Token().Matches(expression).Select(m => m.Value).ToList();
        var position = 0;
        var allowed = Or(tokens, ref position);
        return allowed && position == tokens.Count;
    }

    /// <summary>Every package restored for every project under the checkout (read from obj/project.assets.json).</summary>
    public static IReadOnlyList<RestoredPackage> RestoredPackages(string repositoryRoot, out IReadOnlyList<string> unrestoredProjects)
    {
        var packages = new Dictionary<string, RestoredPackage>(StringComparer.OrdinalIgnoreCase);
        var unrestored = new List<string>();
        var projects = Directory.EnumerateFiles(repositoryRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" || part.StartsWith('.')));
        foreach (var project in projects)
        {
            var assets = Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json");
            if (!File.Exists(assets))
            {
                unrestored.Add(Path.GetRelativePath(repositoryRoot, project));
                continue;
            }

            using var json = JsonDocument.Parse(File.ReadAllBytes(assets));
            var packageFolder = json.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
            foreach (var library in json.RootElement.GetProperty("libraries").EnumerateObject())
            {
                if (library.Value.GetProperty("type").GetString() != "package")
                {
                    continue;
                }

                var (id, version) = (library.Name[..library.Name.IndexOf('/')], library.Name[(library.Name.IndexOf('/') + 1)..]);
                var folder = Path.Combine(packageFolder, library.Value.GetProperty("path").GetString()!);
                var nuspec = library.Value.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)
                    .FirstOrDefault(f => f.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase)) ?? $"{id.ToLowerInvariant()}.nuspec";
                packages.TryAdd(library.Name, new RestoredPackage(id, version, Path.Combine(folder, nuspec)));
            }
        }

        unrestoredProjects = unrestored;
        return [.. packages.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)];
    }

    private static bool Or(List<string> tokens, ref int position)
    {
        var allowed = And(tokens, ref position);
        while (position < tokens.Count && tokens[position].Equals("OR", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            allowed |= And(tokens, ref position);
        }

        return allowed;
    }

    private static bool And(List<string> tokens, ref int position)
    {
        var allowed = Term(tokens, ref position);
        while (position < tokens.Count && tokens[position].Equals("AND", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            allowed &= Term(tokens, ref position);
        }

        return allowed;
    }

    private static bool Term(List<string> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            return false;
        }

        if (tokens[position] == "(")
        {
            position++;
            var inner = Or(tokens, ref position);
            if (position >= tokens.Count || tokens[position] != ")")
            {
                return false;
            }

            position++;
            return inner;
        }

        var licence = tokens[position++];
        if (position < tokens.Count && tokens[position].Equals("WITH", StringComparison.OrdinalIgnoreCase))
        {
            licence += " WITH " + (position + 1 < tokens.Count ? tokens[position + 1] : "");
            position += 2;
        }

        return Allowed.Contains(licence);
    }

    [GeneratedRegex(@"\(|\)|[^\s()]+")]
    private static partial Regex Token();
}
