using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Portal.Programme;
using Microsoft.Extensions.Localization;

namespace KollegialtUtbyte.Portal.Exchanges;

/// <summary>The names people read for formats and kinds of organisation, and the rules' places in the forms.</summary>
public static class ExchangeFormats
{
    public static readonly IReadOnlyList<ExchangeFormat> All = Enum.GetValues<ExchangeFormat>();

    /// <summary>The kinds an organisation form offers: the new ones first, as most organisations are of those.</summary>
    public static readonly IReadOnlyList<OrganisationKind> Kinds =
    [
        OrganisationKind.Municipality, OrganisationKind.Company, OrganisationKind.University, OrganisationKind.Authority,
        OrganisationKind.Association, OrganisationKind.Region, OrganisationKind.Agency, OrganisationKind.Consultancy, OrganisationKind.Other,
    ];

    public static ExchangeFormat? Parse(string? value) =>
        Enum.TryParse<ExchangeFormat>(value, ignoreCase: false, out var format) && Enum.IsDefined(format) ? format : null;

    public static string Label(this IStringLocalizer texts, ExchangeFormat format) => texts["Format." + format];

    public static string Label(this IStringLocalizer texts, OrganisationKind? kind) => kind is { } k ? texts["Kind." + k] : "";

    /// <summary>Which form field a broken rule concerns; rules not listed go to the summary.</summary>
    private static readonly Dictionary<string, string> FieldOfRule = new(StringComparer.Ordinal)
    {
        ["exchange.dialogue-question-required"] = "question",
        ["exchange.dialogue-leader-required"] = "leaderPersonId",
        ["exchange.leader-unknown"] = "leaderPersonId",
        ["exchange.network-convener-required"] = "convenerPersonId",
        ["exchange.network-secretary-required"] = "secretaryPersonId",
        ["exchange.network-signers-distinct"] = "secretaryPersonId",
    };

    /// <summary>
    /// The problem with the service's (Swedish) message, or our translation in English, placed
    /// under the field its rule concerns.
    /// </summary>
    public static ApiProblem Place(ApiProblem problem, IStringLocalizer texts) =>
        RuleFields.Localize(RuleFields.Place(problem, texts, FieldOfRule), texts);

    /// <summary>The service's own detail in Swedish; our text for the rule otherwise, or when it gave none.</summary>
    public static string Message(ApiProblem problem, IStringLocalizer texts) => RuleFields.Message(problem, texts);
}
