using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Regions.ApiContracts;
using Microsoft.Extensions.Localization;

namespace KollegialtUtbyte.Portal.Exchanges;

/// <summary>
/// The form for a new exchange as typed: strings, so whatever was entered is shown again after an
/// error. Each format sends only its own fields: the service refuses a role the format does not have.
/// </summary>
public sealed class ExchangeForm
{
    public ExchangeFormat Format { get; set; }

    public string? Name { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public string? ExpectedKeyOfficials { get; set; }

    public string? Question { get; set; }

    public Guid? LeaderPersonId { get; set; }

    public Guid? ConvenerPersonId { get; set; }

    public Guid? SecretaryPersonId { get; set; }

    public static ExchangeForm Read(IFormCollection form) => new()
    {
        Format = ExchangeFormats.Parse(form["format"]) ?? ExchangeFormat.Programme,
        Name = form["name"],
        StartsOn = form["startsOn"],
        EndsOn = form["endsOn"],
        ExpectedKeyOfficials = form["expectedKeyOfficials"],
        Question = form["question"],
        LeaderPersonId = PersonOf(form["leaderPersonId"]),
        ConvenerPersonId = PersonOf(form["convenerPersonId"]),
        SecretaryPersonId = PersonOf(form["secretaryPersonId"]),
    };

    /// <summary>What must be there before the service is asked: a name and readable dates.</summary>
    public ApiProblem? Missing(IStringLocalizer texts)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = [texts["NameRequired"]];
        }

        if (Date(StartsOn) is null)
        {
            errors["startsOn"] = [texts["DateRequired"]];
        }

        if (Date(EndsOn) is null)
        {
            errors["endsOn"] = [texts["DateRequired"]];
        }

        if (Format == ExchangeFormat.Programme && !string.IsNullOrWhiteSpace(ExpectedKeyOfficials)
            && !int.TryParse(ExpectedKeyOfficials, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            errors["expectedKeyOfficials"] = [texts["NumberInvalid"]];
        }

        return errors.Count == 0 ? null : new ApiProblem(400, "Validation", texts["CheckFields"], errors, null);
    }

    public RegisterProgrammeRequest ToRequest() => Format switch
    {
        ExchangeFormat.StrategicDialogue => new RegisterProgrammeRequest(
            Name!.Trim(), Date(StartsOn), Date(EndsOn), null, Format, Blank(Question), LeaderPersonId),
        ExchangeFormat.MemberNetwork => new RegisterProgrammeRequest(
            Name!.Trim(), Date(StartsOn), Date(EndsOn), null, Format, ConvenerPersonId: ConvenerPersonId, SecretaryPersonId: SecretaryPersonId),
        _ => new RegisterProgrammeRequest(
            Name!.Trim(), Date(StartsOn), Date(EndsOn),
            int.TryParse(ExpectedKeyOfficials, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : null, Format),
    };

    public static DateOnly? Date(string? input) =>
        DateOnly.TryParseExact(input, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static Guid? PersonOf(string? value) => Guid.TryParse(value, out var id) && id != Guid.Empty ? id : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
