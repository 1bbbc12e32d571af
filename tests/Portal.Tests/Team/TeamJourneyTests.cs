using System.Text;

namespace KollegialtUtbyte.Portal.Tests.Team;

/// <summary>
/// A region's draft goes round: its team uploads it and asks for feedback, an assigned region
/// reviews it through the portal, the round closes, and the author region reads and answers.
/// </summary>
public sealed class TeamJourneyTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>
{
    private const string Author = "jonas.ekdahl@regionsormland.example";

    [Fact]
    public async Task A_draft_is_uploaded_reviewed_by_another_region_and_the_feedback_answered()
    {
        // The programme's regions reach the Feedback service through events; reviewers come from them.
        using var authorApi = await TeamSteps.ApiAsync(suite, Author);

        var author = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(author, Author, returnUrl: "/team/dokument");
        await Assertions.Expect(author.GetByRole(AriaRole.Heading, new() { Name = "Våra dokument", Level = 1 })).ToBeVisibleAsync();
        await author.AssertAccessibleAsync("team-documents");

        // Upload a new document with its first draft (a small PDF made here).
        await author.GetByLabel("Titel").FillAsync("Regional utvecklingsstrategi 2030");
        await author.GetByLabel("Typ av dokument").SelectOptionAsync(new SelectOptionValue { Label = "Regional utvecklingsstrategi" });
        await author.GetByLabel("Kommentar till versionen (valfri)").FillAsync("Första utkastet");
        await author.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "rus-utkast.pdf",
            MimeType = "application/pdf",
            Buffer = Pdf("Regional utvecklingsstrategi – utkast"),
        });
        await author.GetByRole(AriaRole.Button, new() { Name = "Ladda upp dokumentet" }).ClickAsync();

        await Assertions.Expect(author.GetByRole(AriaRole.Heading, new() { Name = "Regional utvecklingsstrategi 2030", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(author.GetByRole(AriaRole.Status)).ToHaveTextAsync("Versionen är uppladdad.");
        await Assertions.Expect(author.GetByRole(AriaRole.Cell, new() { Name = "Första utkastet" })).ToBeVisibleAsync();
        var documentUrl = author.Url.Split('?')[0];

        // The version downloads as the same file.
        var download = await author.RunAndWaitForDownloadAsync(() => author.GetByRole(AriaRole.Link, new() { Name = "rus-utkast.pdf" }).ClickAsync());
        var downloaded = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(downloaded, 0, 5));

        // Asking without a lens is refused next to the lenses, and the deadline typed is kept.
        var deadline = DateTime.Now.AddDays(20).ToString("yyyy-MM-dd") + "T16:00";
        await author.GetByLabel("Sista dag för återkoppling").FillAsync(deadline);
        await author.GetByRole(AriaRole.Button, new() { Name = "Begär återkoppling" }).ClickAsync();
        await Assertions.Expect(author.GetByText("Välj minst en lins.").First).ToBeVisibleAsync();
        await Assertions.Expect(author.GetByLabel("Sista dag för återkoppling")).ToHaveValueAsync(deadline);
        await author.AssertAccessibleAsync("team-document-error");

        await author.GetByLabel("Förändringslogik").CheckAsync();
        await author.GetByLabel("Hållbar styrning").CheckAsync();
        await author.GetByLabel("Antal granskande regioner").FillAsync("1");
        await author.GetByRole(AriaRole.Button, new() { Name = "Begär återkoppling" }).ClickAsync();
        await Assertions.Expect(author.GetByRole(AriaRole.Status)).ToHaveTextAsync("Återkoppling är begärd.");
        await Assertions.Expect(author.GetByTestId("round-status")).ToHaveTextAsync("Pågår");
        await author.AssertAccessibleAsync("team-document-round-open");

        var rounds = await authorApi.GetFromJsonAsync<JsonElement>("/api/feedback/rounds?role=author", TestContext.Current.CancellationToken);
        var round = rounds.EnumerateArray().Single();
        var reviewerRegion = round.GetProperty("reviewers")[0].GetProperty("regionId").GetGuid();
        var reviewerRegionName = round.GetProperty("reviewers")[0].GetProperty("regionName").GetString()!;

        // A member of the assigned region writes and submits the feedback.
        var reviewer = await browser.NewPageAsync(suite.Address, phone: true);
        await TeamSteps.SignInAsync(reviewer, TeamSteps.KeyOfficials[reviewerRegion], returnUrl: "/team/granska");
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = "Att granska", Level = 1 })).ToBeVisibleAsync();
        await reviewer.AssertAccessibleAsync("team-reviews");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Regional utvecklingsstrategi 2030, version 1" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("feedback-status")).ToHaveTextAsync("Inte påbörjad");
        await reviewer.AssertAccessibleAsync("team-review-form");

        var changeLogic = reviewer.GetByRole(AriaRole.Group, new() { Name = "Förändringslogik" });
        await reviewer.GetByLabel("Sammanfattning (valfri)").FillAsync("Ett genomarbetat utkast med tydlig riktning.");
        await changeLogic.GetByLabel("Styrkor").FillAsync("Tydliga mål för 2030.");
        await changeLogic.GetByLabel("Förslag").FillAsync("Beskriv hur målen följs upp.\nKoppla insatserna till resurser.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Utkastet är sparat.");
        await Assertions.Expect(reviewer.GetByTestId("feedback-status")).ToHaveTextAsync("Utkast sparat");
        await Assertions.Expect(changeLogic.GetByLabel("Förslag")).ToHaveValueAsync("Beskriv hur målen följs upp.\nKoppla insatserna till resurser.");

        // Every lens must be answered: the portal says which one is missing and keeps what was written.
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Skicka in återkopplingen" }).ClickAsync();
        var governance = reviewer.GetByRole(AriaRole.Group, new() { Name = "Hållbar styrning" });
        await Assertions.Expect(governance.GetByText("Skriv styrkor eller minst ett förslag för Hållbar styrning.")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.GetByTestId("feedback-status")).ToHaveTextAsync("Utkast sparat");
        await Assertions.Expect(changeLogic.GetByLabel("Styrkor")).ToHaveValueAsync("Tydliga mål för 2030.");
        await reviewer.AssertAccessibleAsync("team-review-incomplete");

        await governance.GetByLabel("Styrkor").FillAsync("Hållbarhet är förankrad hos regionstyrelsen.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Skicka in återkopplingen" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Återkopplingen är inskickad. Tack!");
        await Assertions.Expect(reviewer.GetByTestId("feedback-status")).ToHaveTextAsync("Inskickad");

        // Until the round closes the author sees no feedback; the author closes it early.
        await author.GotoAsync(documentUrl);
        await Assertions.Expect(author.GetByText("Återkopplingen visas när omgången har stängts.")).ToBeVisibleAsync();
        await Assertions.Expect(author.GetByTestId("received-feedback")).ToHaveCountAsync(0);
        await author.GetByRole(AriaRole.Button, new() { Name = "Stäng omgången nu" }).ClickAsync();
        await Assertions.Expect(author.GetByTestId("round-status")).ToHaveTextAsync("Stängd");

        var received = author.GetByTestId("received-feedback");
        await Assertions.Expect(received).ToContainTextAsync($"Återkoppling från {reviewerRegionName}");
        await Assertions.Expect(received).ToContainTextAsync("Ett genomarbetat utkast med tydlig riktning.");
        await Assertions.Expect(received).ToContainTextAsync("Tydliga mål för 2030.");
        await author.AssertAccessibleAsync("team-document-feedback");

        // The author answers each suggestion.
        var first = received.GetByRole(AriaRole.Group, new() { Name = "Förslag 1: Beskriv hur målen följs upp." });
        var second = received.GetByRole(AriaRole.Group, new() { Name = "Förslag 2: Koppla insatserna till resurser." });
        await first.GetByLabel("Ert beslut").SelectOptionAsync("Adopted");
        await first.GetByLabel("Motivering").FillAsync("Vi lägger till en uppföljningsplan.");
        await second.GetByLabel("Ert beslut").SelectOptionAsync("NotAdopted");
        await second.GetByLabel("Motivering").FillAsync("Resurserna beslutas i budgeten.");
        await received.GetByRole(AriaRole.Button, new() { Name = "Spara svaret" }).ClickAsync();

        await Assertions.Expect(author.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ert svar är sparat.");
        first = author.GetByTestId("received-feedback").GetByRole(AriaRole.Group, new() { Name = "Förslag 1: Beskriv hur målen följs upp." });
        await Assertions.Expect(first.GetByLabel("Ert beslut")).ToHaveValueAsync("Adopted");
        await Assertions.Expect(first.GetByLabel("Motivering")).ToHaveValueAsync("Vi lägger till en uppföljningsplan.");

        // The answer is the service's too.
        var feedback = await authorApi.GetFromJsonAsync<JsonElement>($"/api/feedback/rounds/{round.GetProperty("id").GetGuid()}/feedback", TestContext.Current.CancellationToken);
        var suggestion = feedback[0].GetProperty("lenses")[0].GetProperty("suggestions")[1];
        Assert.Equal("NotAdopted", suggestion.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task A_project_leader_sees_the_roster_adds_a_member_and_changes_a_role()
    {
        var leader = await browser.NewPageAsync(suite.Address, phone: true);
        await TeamSteps.SignInAsync(leader, "karolina.ljungberg@regionkronoberg.example", returnUrl: "/team");
        await Assertions.Expect(leader.GetByRole(AriaRole.Heading, new() { Name = "Vårt team", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(leader.GetByTestId("completeness")).ToBeVisibleAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Rowheader, new() { Name = "Gunnar Ljung" })).ToBeVisibleAsync();
        await leader.AssertAccessibleAsync("team-roster-leader");

        // A wrong e-mail address is refused next to the field, and the name typed stays.
        await leader.GetByLabel("Namn").FillAsync("Johanna Berg");
        await leader.GetByLabel("E-postadress").FillAsync("inte-en-adress");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Lägg till i teamet" }).ClickAsync();
        await Assertions.Expect(leader.GetByLabel("E-postadress")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(leader.GetByLabel("Namn")).ToHaveValueAsync("Johanna Berg");
        await leader.AssertAccessibleAsync("team-roster-error");

        // The team already has the key officials it needs: the service's rule is shown, and a retry
        // with another role adds the same person.
        await leader.GetByLabel("E-postadress").FillAsync("johanna.berg@regionkronoberg.example");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Lägg till i teamet" }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Alert)).ToContainTextAsync("4 av 4 tjänstepersoner med nyckelfunktion");
        await Assertions.Expect(leader.GetByLabel("E-postadress")).ToHaveValueAsync("johanna.berg@regionkronoberg.example");
        await leader.GetByLabel("Roll", new() { Exact = true }).SelectOptionAsync("SubstitutePolitician");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Lägg till i teamet" }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Status)).ToHaveTextAsync("Personen är tillagd i teamet.");
        var row = leader.GetByRole(AriaRole.Row).Filter(new() { Has = leader.GetByRole(AriaRole.Rowheader, new() { Name = "Johanna Berg" }) });
        await Assertions.Expect(row.GetByLabel("Roll för Johanna Berg")).ToHaveValueAsync("SubstitutePolitician");

        // A role change the team rules refuse is explained in the member's row, the choice kept.
        await row.GetByLabel("Roll för Johanna Berg").SelectOptionAsync("KeyOfficial");
        await row.GetByRole(AriaRole.Button, new() { Name = "Spara roll" }).ClickAsync();
        row = leader.GetByRole(AriaRole.Row).Filter(new() { Has = leader.GetByRole(AriaRole.Rowheader, new() { Name = "Johanna Berg" }) });
        await Assertions.Expect(row.GetByRole(AriaRole.Alert)).ToContainTextAsync("4 av 4");
        await Assertions.Expect(row.GetByLabel("Roll för Johanna Berg")).ToHaveValueAsync("KeyOfficial");

        // An official of the same team reads the roster but is offered no changes.
        var official = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(official, "magnus.petersson@regionkronoberg.example", returnUrl: "/team");
        await Assertions.Expect(official.GetByRole(AriaRole.Rowheader, new() { Name = "Johanna Berg" })).ToBeVisibleAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Button, new() { Name = "Lägg till i teamet" })).ToHaveCountAsync(0);
        await official.AssertAccessibleAsync("team-roster-official");
    }

    [Fact]
    public async Task Without_javascript_a_wrong_file_is_explained_and_a_new_version_uploads()
    {
        // The plain form post, as a browser without scripts sends it.
        var context = await browser.Instance.NewContextAsync(new() { BaseURL = suite.Address.ToString(), Locale = "sv-SE", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await TeamSteps.SignInAsync(page, "anders.brandt@regionhalland.example", returnUrl: "/team/dokument");

        await page.GetByLabel("Titel").FillAsync("Handlingsplan för besöksnäringen");
        await page.GetByLabel("Typ av dokument").SelectOptionAsync("ActionPlan");
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "bild.pdf",
            MimeType = "application/pdf",
            Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp dokumentet" }).ClickAsync();

        // The document was created before the file was refused: the person lands on it, told why.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("inte PDF, DOCX, ODT eller Markdown");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Handlingsplan för besöksnäringen", Level = 1 })).ToBeVisibleAsync();
        // axe needs scripts in the page, so this page is checked with them in the journey above.

        await page.GetByLabel("Kommentar till versionen (valfri)").FillAsync("Rätt fil den här gången");
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "handlingsplan.md",
            MimeType = "text/markdown",
            Buffer = Encoding.UTF8.GetBytes("# Handlingsplan\n\nHållbar besöksnäring i Halland.\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp versionen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Versionen är uppladdad.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "handlingsplan.md" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Rätt fil den här gången" })).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_upload_without_the_form_token_is_refused_and_makes_no_document()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(page, "anders.brandt@regionhalland.example", returnUrl: "/team/dokument");
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("title", "Utan formulärets nyckel");
        form.Set("file", new FilePayload { Name = "utkast.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes("# Utkast\n") });

        var response = await page.Context.APIRequest.PostAsync("/team/dokument/ladda-upp", new() { Multipart = form, MaxRedirects = 0 });

        Assert.Equal(400, response.Status);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Våra dokument", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Utan formulärets nyckel")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Moving_between_pages_keeps_the_page_loaded_and_the_upload_form_ready()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(page, "magnus.petersson@regionkronoberg.example");

        // Enhanced navigation patches the next page in: what this page set on window stays.
        await page.EvaluateAsync("() => { window.portalPageLoads = 1; }");
        await page.GetByRole(AriaRole.Link, new() { Name = "Våra dokument" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Våra dokument", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/team/dokument$"));
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.portalPageLoads ?? 0"));

        // Screen readers learn that the page changed: focus moves to the new page's heading.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Våra dokument", Level = 1 })).ToBeFocusedAsync();

        // The upload form arrived without a page load, and still gets its progress bar.
        await Assertions.Expect(page.Locator("form[data-upload-progress]")).ToHaveAttributeAsync("data-upload-progress-ready", "true");
    }

    /// <summary>A minimal, valid one-page PDF with a line of text.</summary>
    private static byte[] Pdf(string text)
    {
        var stream = $"BT /F1 18 Tf 72 720 Td ({text.Replace("–", "-")}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
