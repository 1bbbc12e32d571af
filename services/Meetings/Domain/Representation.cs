namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>One invitee of a meeting, as representation and statistics see them.</summary>
public sealed record Invitee(Guid PersonId, Guid? RegionId, TeamRole? Role, InvitationAnswer Answer, AttendanceStatus? Attendance);

/// <summary>
/// A region at one meeting: "Förutom projektledarna deltar fyra tjänstepersoner med
/// nyckelfunktioner från varje region. En politiker från varje region ..." (seed 001).
/// </summary>
public sealed record RegionRepresentation(
    Guid RegionId,
    Tally ProjectLeaders,
    Tally KeyOfficials,
    int ExpectedKeyOfficials,
    Tally Politicians,
    bool ProjectLeaderThere,
    int KeyOfficialsThere,
    bool PoliticianThere);

public static class Representation
{
    /// <summary>
    /// Before attendance is recorded, "there" means accepted; afterwards it means present. A
    /// substitute counts for the politician.
    /// </summary>
    public static IReadOnlyList<RegionRepresentation> Of(IReadOnlyCollection<Invitee> invitees, IEnumerable<Guid> participatingRegions, int expectedKeyOfficials, bool attendanceTaken)
    {
        var regions = participatingRegions.Concat(invitees.Where(i => i.RegionId is not null).Select(i => i.RegionId!.Value)).Distinct();
        return regions.Select(region =>
        {
            var own = invitees.Where(i => i.RegionId == region).ToList();
            var leaders = TallyOf(own.Where(i => i.Role == TeamRole.ProjectLeader), attendanceTaken);
            var officials = TallyOf(own.Where(i => i.Role == TeamRole.KeyOfficial), attendanceTaken);
            var politicians = TallyOf(own.Where(i => i.Role is TeamRole.Politician or TeamRole.SubstitutePolitician), attendanceTaken);
            return new RegionRepresentation(
                region,
                leaders,
                officials,
                expectedKeyOfficials,
                politicians,
                There(leaders, attendanceTaken) > 0,
                There(officials, attendanceTaken),
                There(politicians, attendanceTaken) > 0);
        }).ToList();
    }

    private static Tally TallyOf(IEnumerable<Invitee> group, bool attendanceTaken)
    {
        var list = group.ToList();
        return new Tally(
            list.Count,
            list.Count(i => i.Answer == InvitationAnswer.Accepted),
            attendanceTaken ? list.Count(i => i.Attendance == AttendanceStatus.Present) : null);
    }

    private static int There(Tally tally, bool attendanceTaken) => attendanceTaken ? tally.Present ?? 0 : tally.Accepted;
}
