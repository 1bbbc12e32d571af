using System.Xml.Linq;

namespace KollegialtUtbyte.Architecture.Tests;

/// <summary>Every package the solution restores has a licence the project accepts.</summary>
public sealed class PackageLicenceTests
{
    [Fact]
    public void Every_restored_package_has_an_accepted_licence()
    {
        var packages = PackageLicences.RestoredPackages(RepositoryRoot(), out var unrestored);

        Assert.True(unrestored.Count == 0, "Restore the solution first; not restored: " + string.Join(", ", unrestored));
        Assert.NotEmpty(packages);
        var missing = packages.Where(p => !File.Exists(p.NuspecPath)).Select(p => $"{p.Id} {p.Version}: {p.NuspecPath}").ToList();
        Assert.True(missing.Count == 0, "No .nuspec for: " + string.Join(", ", missing));

        var offenders = packages
            .Select(p => PackageLicences.Judge(p.Id, p.Version, XDocument.Load(p.NuspecPath)))
            .Where(verdict => !verdict.Allowed)
            .ToList();
        Assert.True(offenders.Count == 0, "Packages whose licence is not accepted:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_reviewed_exception_is_still_restored()
    {
        // A stale entry would silently accept that version if it came back unnoticed.
        var restored = PackageLicences.RestoredPackages(RepositoryRoot(), out _).Select(p => $"{p.Id}/{p.Version}").ToHashSet(StringComparer.OrdinalIgnoreCase);

        var stale = PackageLicences.Reviewed.Where(r => !restored.Contains($"{r.Id}/{r.Version}")).Select(r => $"{r.Id} {r.Version}").ToList();

        Assert.True(stale.Count == 0, "Reviewed licences for packages no longer restored: " + string.Join(", ", stale));
    }

    [Fact]
    public void An_AGPL_package_is_refused()
    {
        // What PDFsharp 6.5.0 declares.
        var verdict = PackageLicences.Judge("PDFsharp", "6.5.0", Nuspec("""<license type="expression">AGPL-3.0-only</license>"""));

        Assert.False(verdict.Allowed);
        Assert.Equal("AGPL-3.0-only", verdict.Licence);
    }

    [Fact]
    public void An_MIT_package_is_accepted()
    {
        var verdict = PackageLicences.Judge("PDFsharp", "6.2.4", Nuspec("""<license type="expression">MIT</license>"""));

        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void A_package_with_only_a_licence_url_or_file_needs_a_review_of_that_version()
    {
        var byUrl = PackageLicences.Judge("Some.Package", "1.0.0", Nuspec("<licenseUrl>https://opensource.org/licenses/MIT</licenseUrl>"));
        var byFile = PackageLicences.Judge("CommandLineParser", "2.9.2", Nuspec("""<license type="file">License.md</license>"""));
        var reviewed = PackageLicences.Judge("CommandLineParser", "2.9.1", Nuspec("""<license type="file">License.md</license>"""));

        Assert.False(byUrl.Allowed);
        Assert.Equal("url https://opensource.org/licenses/MIT", byUrl.Licence);
        Assert.False(byFile.Allowed);
        Assert.True(reviewed.Allowed);
    }

    [Theory]
    [InlineData("MIT", true)]
    [InlineData("MS-PL OR Apache-2.0", true)]
    [InlineData("Apache-2.0 OR MPL-2.0", true)]
    [InlineData("MPL-2.0", false)]
    [InlineData("MIT AND GPL-3.0-only", false)]
    [InlineData("(MIT OR GPL-2.0-only) AND BSD-3-Clause", true)]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", false)]
    [InlineData("AGPL-3.0-or-later OR LicenseRef-Commercial", false)]
    [InlineData("", false)]
    public void Licence_expressions_are_read_as_SPDX(string expression, bool allowed)
    {
        Assert.Equal(allowed, PackageLicences.IsAllowedExpression(expression));
    }

    private static XDocument Nuspec(string licence) => XDocument.Parse($"""
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
          <metadata>
            <id>Sample</id>
            <version>1.0.0</version>
            {licence}
          </metadata>
        </package>
        """);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KollegialtUtbyte.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KollegialtUtbyte.sln above {AppContext.BaseDirectory}.");
    }
}
