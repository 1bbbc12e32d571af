using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.ServiceDefaults.Uploads;
using Microsoft.Extensions.Localization;

namespace KollegialtUtbyte.Portal.Team;

/// <summary>Words for the services' codes, shared by the team pages.</summary>
public static class TeamDisplay
{
    public static string Kind(IStringLocalizer<TeamTexts> l, StrategyDocumentKind kind) => l[$"Kind{kind}"];

    public static string RoundStatus(IStringLocalizer<TeamTexts> l, string status) => l[$"Round{status}"];

    public static string Decision(IStringLocalizer<TeamTexts> l, string decision) => l[$"Decision{decision}"];

    public static readonly string[] Decisions = ["Adopted", "PartlyAdopted", "NotAdopted"];

    /// <summary>
    /// The upload endpoint sends the person back with a code and the service's own words; this turns
    /// them into the problem the form shows, tied to the title field when the title was missing.
    /// </summary>
    public static ApiProblem? UploadProblem(IStringLocalizer<TeamTexts> l, UploadOptions uploads, string? error, string? detail, bool titleMissing)
    {
        var noErrors = new Dictionary<string, string[]>();
        return error switch
        {
            null or "" => null,
            "missing-file" => new ApiProblem(400, "", l["UploadMissingFile"], noErrors, null),
            "too-large" or "413" => new ApiProblem(400, "", detail ?? UploadTooLarge(l, uploads), noErrors, null),
            "415" => new ApiProblem(400, "", detail ?? l["UploadWrongType"], noErrors, null),
            "400" when titleMissing => new ApiProblem(400, "", l["TitleRequired"], new Dictionary<string, string[]> { ["Title"] = [l["TitleRequired"]] }, null),
            _ when int.TryParse(error, out var status) => new ApiProblem(status, "", detail, noErrors, null),
            _ => new ApiProblem(500, "", null, noErrors, null),
        };
    }

    /// <summary>What the upload form says it takes: the formats and the configured largest size.</summary>
    public static string DraftFileHint(IStringLocalizer<TeamTexts> l, UploadOptions uploads) =>
        string.Format(CultureInfo.CurrentCulture, l["DraftFileHint"], TeamFormat.Size(uploads.MaxDocumentBytes));

    public static string UploadTooLarge(IStringLocalizer<TeamTexts> l, UploadOptions uploads) =>
        string.Format(CultureInfo.CurrentCulture, l["UploadTooLarge"], TeamFormat.Size(uploads.MaxDocumentBytes));
}
