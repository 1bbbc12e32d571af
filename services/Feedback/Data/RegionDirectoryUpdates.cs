namespace KollegialtUtbyte.Feedback.Data;

/// <summary>
/// Applies the Regions service's events to the local copy. Events may arrive out of order (an
/// update before the create, a leave before a late join): every write is an upsert, and an event
/// older than what a row already reflects is ignored.
/// </summary>
internal static class RegionDirectoryUpdates
{
    public static async Task UpsertRegionAsync(this FeedbackDb db, Guid regionId, string name, string countyCode, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var region = await db.Regions.FindAsync([regionId], cancellationToken);
        if (region is null)
        {
            db.Regions.Add(new KnownRegion { Id = regionId, Name = name, CountyCode = countyCode, ChangedAt = occurredAt });
        }
        else if (occurredAt >= region.ChangedAt)
        {
            region.Name = name;
            region.CountyCode = countyCode;
            region.ChangedAt = occurredAt;
        }
    }

    public static async Task UpsertProgrammeAsync(this FeedbackDb db, Guid programmeId, DateOnly endsOn, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.FindAsync([programmeId], cancellationToken);
        if (programme is null)
        {
            db.Programmes.Add(new KnownProgramme { Id = programmeId, EndsOn = endsOn, ChangedAt = occurredAt });
        }
        else if (occurredAt >= programme.ChangedAt)
        {
            programme.EndsOn = endsOn;
            programme.ChangedAt = occurredAt;
        }
    }

    public static async Task SetProgrammeParticipationAsync(
        this FeedbackDb db, Guid programmeId, Guid regionId, string? regionName, bool active, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var participation = await db.ProgrammeRegions.FindAsync([programmeId, regionId], cancellationToken);
        var name = regionName ?? (await db.Regions.FindAsync([regionId], cancellationToken))?.Name ?? participation?.RegionName ?? "";
        if (participation is null)
        {
            db.ProgrammeRegions.Add(new ProgrammeRegion { ProgrammeId = programmeId, RegionId = regionId, RegionName = name, Active = active, ChangedAt = occurredAt });
        }
        else if (occurredAt >= participation.ChangedAt)
        {
            participation.RegionName = name;
            participation.Active = active;
            participation.ChangedAt = occurredAt;
        }
    }

    public static async Task UpsertTeamMemberAsync(
        this FeedbackDb db, Guid programmeId, Guid regionId, Guid personId, TeamRole role, string name, string email, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        if (await db.ErasedPeople.FindAsync([personId], cancellationToken) is not null)
        {
            // Late news of an erased person must not bring her name back.
            return;
        }

        var member = await db.TeamMembers.FindAsync([programmeId, regionId, personId], cancellationToken);
        if (member is null)
        {
            db.AddTeamMember(programmeId, regionId, personId, role, name, email, active: true, occurredAt);
        }
        else if (occurredAt >= member.ChangedAt)
        {
            member.Role = role;
            member.Name = name;
            member.Email = email;
            member.Active = true;
            member.ChangedAt = occurredAt;
        }
    }

    public static async Task RemoveTeamMemberAsync(this FeedbackDb db, Guid programmeId, Guid regionId, Guid personId, TeamRole role, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var member = await db.TeamMembers.FindAsync([programmeId, regionId, personId], cancellationToken);
        if (member is null)
        {
            // Left before its join arrived: remember the departure so the late join cannot revive it.
            db.AddTeamMember(programmeId, regionId, personId, role, name: "", email: "", active: false, occurredAt);
        }
        else if (occurredAt >= member.ChangedAt)
        {
            member.Active = false;
            member.ChangedAt = occurredAt;
        }
    }

    private static void AddTeamMember(
        this FeedbackDb db, Guid programmeId, Guid regionId, Guid personId, TeamRole role, string name, string email, bool active, DateTimeOffset occurredAt) =>
        db.TeamMembers.Add(new TeamMember
        {
            ProgrammeId = programmeId,
            RegionId = regionId,
            PersonId = personId,
            Role = role,
            Name = name,
            Email = email,
            Active = active,
            ChangedAt = occurredAt,
        });
}
