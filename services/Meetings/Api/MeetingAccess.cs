namespace KollegialtUtbyte.Meetings.Api;

/// <summary>Who may do what with a meeting, beyond the role policies.</summary>
internal static class MeetingAccess
{
    public static bool IsFacilitator(this ClaimsPrincipal user) => user.IsInRole(Roles.Facilitator);

    /// <summary>Drafts are the administrators' and facilitators' working material.</summary>
    public static bool SeesDrafts(this ClaimsPrincipal user) => user.IsAdministrator() || user.IsFacilitator();

    public static bool MaySee(this ClaimsPrincipal user, Meeting meeting) => meeting.Status != MeetingStatus.Draft || user.SeesDrafts();

    /// <summary>Administrators, and facilitators of the meetings they lead (agenda, attendance, documentation).</summary>
    public static bool MayLead(this ClaimsPrincipal user, Meeting meeting) =>
        user.IsAdministrator() || (user.IsFacilitator() && user.PersonId() is { } person && meeting.IsLedBy(person));

    /// <summary>The refusal for someone who does not lead the meeting, naming what only its leaders do (e.g. "registrerar närvaro").</summary>
    public static ProblemHttpResult OnlyLeaders(string whatTheyDo) =>
        Problems.Forbidden($"Bara processledare som leder träffen (eller en administratör) {whatTheyDo}.");

    /// <summary>Quota and representation of a region: administrators, facilitators and the region's own team (politicians included).</summary>
    public static bool MayFollowRegion(this ClaimsPrincipal user, Guid regionId) => user.SeesDrafts() || user.RegionIds().Contains(regionId);
}
