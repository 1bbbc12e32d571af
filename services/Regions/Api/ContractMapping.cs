namespace KollegialtUtbyte.Regions.Api;

/// <summary>The domain as the API contract's records show it, and requests as the domain reads them.</summary>
public static class ContractMapping
{
    public static RegionResponse ToResponse(this Region region) =>
        new(region.Id, region.Name, region.CountyCode, CountyCodes.CountyName(region.CountyCode), region.Version);

    public static OrganisationResponse ToResponse(this Organisation organisation) =>
        new(organisation.Id, organisation.Name, organisation.Kind, organisation.Version);

    public static CompletenessResponse ToResponse(this TeamCompleteness completeness) => new(
        completeness.ProjectLeaders,
        completeness.KeyOfficials,
        completeness.ExpectedKeyOfficials,
        completeness.HasPolitician,
        completeness.HasSubstitutePolitician,
        completeness.IsComplete,
        completeness.Summary,
        completeness.SummaryEnglish,
        completeness.Missing);

    public static PersonDetails Details(this RegisterPersonRequest request) =>
        new(request.Name, request.Email, request.Phone, request.Title, request.PreferredLanguage ?? Languages.Swedish, request.Gender, request.ShareContactDetails);

    public static PersonDetails Details(this UpdatePersonRequest request) =>
        new(request.Name, request.Email, request.Phone, request.Title, request.PreferredLanguage, request.Gender, request.ShareContactDetails);
}
