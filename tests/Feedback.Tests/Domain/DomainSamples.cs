using KollegialtUtbyte.Feedback.Domain;

namespace KollegialtUtbyte.Feedback.Tests.Domain;

/// <summary>What the domain's rule tests start from: a region's draft, and a round on it with two reviewing regions.</summary>
internal static class DomainSamples
{
    public static readonly DateTimeOffset Now = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly Guid Author = Guid.NewGuid();
    public static readonly Guid ReviewerB = Guid.NewGuid();
    public static readonly Guid ReviewerC = Guid.NewGuid();
    public static readonly IReadOnlySet<string> Catalogue = new HashSet<string> { "gt-forandringslogik", "gt-larandecykel", "tema-hallbar-styrning" };

    public static (StrategyDocument, DocumentVersion) Draft()
    {
        var document = StrategyDocument.Create(Author, "Värmlandsstrategin", StrategyDocumentKind.RegionalDevelopmentStrategy, null, Guid.NewGuid(), Now);
        var version = document.AddVersion(Guid.NewGuid(), new StoredDraft("k", "v.pdf", DocumentFormat.Pdf, 10, new string('0', 64)), null, Guid.NewGuid(), Now);
        return (document, version);
    }

    /// <summary>A round on <see cref="Draft"/> asking two lenses, with <see cref="ReviewerB"/> and <see cref="ReviewerC"/> assigned.</summary>
    public static FeedbackRound AssignedRound()
    {
        var (document, version) = Draft();
        var round = FeedbackRound.Open(document, version, Guid.NewGuid(), Now.AddDays(7), ["gt-forandringslogik", "tema-hallbar-styrning"], Catalogue, 2, Guid.NewGuid(), Now);
        round.AssignReviewers([ReviewerB, ReviewerC], Now);
        return round;
    }
}
