using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace KollegialtUtbyte.Portal.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download here). One browser per test
/// assembly; each test gets a fresh context (cookies, language) and page.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException("Chromium is not installed: `sudo apt-get install -y chromium` (the README's test command does this).");
        }

        // The suite runs beside other test assemblies on two cores: give page loads and uploads
        // the same patience as actions instead of the 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress, string locale = "sv-SE", bool phone = false)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await PageChecks.WatchContentSecurityPolicyAsync(page);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

public static class PageChecks
{
    private static readonly string ScreenshotDirectory = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Refusals = [];

    private const string RefusalMark = "refused under the Content-Security-Policy:";

    /// <summary>Records what the browser refused under the portal's Content-Security-Policy.</summary>
    public static async Task WatchContentSecurityPolicyAsync(IPage page)
    {
        var refused = Refusals.GetOrCreateValue(page);
        // The page's own event, reported on the console (an init script is not subject to the policy).
        await page.AddInitScriptAsync($$"""
            document.addEventListener('securitypolicyviolation', e =>
                console.error('{{RefusalMark}} ' + e.effectiveDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);
        page.Console += (_, message) =>
        {
            if (message.Text.StartsWith(RefusalMark, StringComparison.Ordinal))
            {
                lock (refused)
                {
                    refused.Add(message.Text);
                }
            }
        };
    }

    /// <summary>
    /// Runs axe with the WCAG 2.1 A/AA rules and fails on any serious or critical violation,
    /// listing each with the elements concerned. Saves a full-page screenshot named after the page.
    /// Also fails when the browser refused anything under the Content-Security-Policy so far.
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page, string name)
    {
        if (Refusals.TryGetValue(page, out var refused))
        {
            lock (refused)
            {
                Assert.True(refused.Count == 0, $"{name}: refused under the Content-Security-Policy:\n" + string.Join("\n", refused));
            }
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var blocking = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, $"{name}: " + string.Join("\n", blocking.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
