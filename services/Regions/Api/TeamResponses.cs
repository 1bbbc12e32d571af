using System.Security.Claims;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Regions.Data;
using KollegialtUtbyte.Regions.Domain;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Regions.Api;

/// <summary>A team against the programme's expectation, e.g. "3 of 4 key officials".</summary>
public sealed record CompletenessResponse(
    int ProjectLeaders,
    int KeyOfficials,
    int ExpectedKeyOfficials,
    bool HasPolitician,
    bool HasSubstitutePolitician,
    bool IsComplete,
    string Summary,
    string SummaryEnglish,
    IReadOnlyList<string> Missing)
{
    public static CompletenessResponse From(TeamCompleteness completeness) => new(
        completeness.ProjectLeaders,
        completeness.KeyOfficials,
        completeness.ExpectedKeyOfficials,
        completeness.HasPolitician,
        completeness.HasSubstitutePolitician,
        completeness.IsComplete,
        completeness.Summary,
        completeness.SummaryEnglish,
        completeness.Missing);
}

/// <summary>A team member with the contact details the caller may see (see <see cref="PersonResponse"/>).</summary>
public sealed record TeamMemberResponse(
    Guid PersonId,
    string Name,
    string? Title,
    TeamRole Role,
    string? Email,
    string? Phone,
    bool ContactHidden,
    string PreferredLanguage,
    DateTimeOffset JoinedAt);

public sealed record TeamResponse(
    Guid ProgrammeId,
    string ProgrammeName,
    Guid RegionId,
    string RegionName,
    IReadOnlyList<TeamMemberResponse> Members,
    CompletenessResponse Completeness,
    DateTimeOffset JoinedAt,
    long Version);

/// <summary>A region's participation in a programme, in lists.</summary>
public sealed record TeamSummaryResponse(
    Guid ProgrammeId,
    Guid RegionId,
    string RegionName,
    string CountyCode,
    int MemberCount,
    CompletenessResponse Completeness,
    DateTimeOffset JoinedAt,
    long Version);

internal static class TeamResponses
{
    public static TeamSummaryResponse Summary(Team team, Region region, Programme programme) => new(
        team.ProgrammeId,
        team.RegionId,
        region.Name,
        region.CountyCode,
        team.Members.Count,
        CompletenessResponse.From(team.Completeness(programme.ExpectedKeyOfficials)),
        team.JoinedAt,
        team.Version);

    public static async Task<TeamResponse> DescribeAsync(RegionsDb db, Team team, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == team.ProgrammeId, cancellationToken);
        var regionName = await db.Regions.Where(r => r.Id == team.RegionId).Select(r => r.Name).SingleAsync(cancellationToken);
        var memberIds = team.Members.Select(m => m.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => memberIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var politicians = await db.PoliticiansAmongAsync(memberIds, cancellationToken);

        var members = team.Members
            .OrderBy(m => m.Role)
            .ThenBy(m => people[m.PersonId].Name, StringComparer.CurrentCulture)
            .Select(member =>
            {
                var person = people[member.PersonId];
                var contactVisible = user.SeesContactOf(person, politicians.Contains(person.Id));
                return new TeamMemberResponse(
                    person.Id,
                    person.Name,
                    person.Title,
                    member.Role,
                    contactVisible ? person.Email : null,
                    contactVisible ? person.Phone : null,
                    !contactVisible,
                    person.PreferredLanguage,
                    member.JoinedAt);
            })
            .ToList();

        return new TeamResponse(
            team.ProgrammeId,
            programme.Name,
            team.RegionId,
            regionName,
            members,
            CompletenessResponse.From(team.Completeness(programme.ExpectedKeyOfficials)),
            team.JoinedAt,
            team.Version);
    }
}
