using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Identity.Domain;

/// <summary>
/// Which roles an account has. Team and facilitator roles follow the person's place in the
/// directory (Regions' events); administrators grant roles on top of those. A token carries the
/// union of both.
/// </summary>
public static class AccountRoles
{
    /// <summary>The roles a place in a region's team gives.</summary>
    public static IReadOnlyList<string> ForTeamRole(TeamRole role) => role switch
    {
        // The project leader leads the team and is also one of its members.
        TeamRole.ProjectLeader => [Roles.ProjectLeader, Roles.TeamMember],
        TeamRole.KeyOfficial => [Roles.TeamMember],
        TeamRole.Politician or TeamRole.SubstitutePolitician => [Roles.Politician],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown team role."),
    };

    /// <summary>Roles that follow from the directory: active team places, being a facilitator, taking part in a dialogue or network.</summary>
    public static IReadOnlyList<string> FromDirectory(IEnumerable<TeamRole> activeTeamRoles, bool isFacilitator, bool isExchangeParticipant = false)
    {
        var roles = activeTeamRoles.SelectMany(ForTeamRole);
        roles = isFacilitator ? roles.Append(Roles.Facilitator) : roles;
        return InCanonicalOrder(isExchangeParticipant ? roles.Append(Roles.Participant) : roles);
    }

    /// <summary>What the account may do: granted roles plus the roles from the directory.</summary>
    public static IReadOnlyList<string> Effective(IEnumerable<string> granted, IEnumerable<string> fromDirectory) =>
        InCanonicalOrder(granted.Concat(fromDirectory));

    public static bool IsKnown(string role) => Roles.All.Contains(role, StringComparer.Ordinal);

    /// <summary>The roles an administrator asks to grant, checked and without duplicates.</summary>
    public static IReadOnlyList<string> ValidateGranted(IEnumerable<string> requested)
    {
        var list = requested.ToList();
        var unknown = list.Where(r => !IsKnown(r)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException(
                "identity.unknown-role",
                $"Unknown role(s): {string.Join(", ", unknown)}. Known roles: {string.Join(", ", Roles.All)}.");
        }

        return InCanonicalOrder(list);
    }

    public static bool SameRoles(IEnumerable<string> left, IEnumerable<string> right) =>
        InCanonicalOrder(left).SequenceEqual(InCanonicalOrder(right), StringComparer.Ordinal);

    private static IReadOnlyList<string> InCanonicalOrder(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return Roles.All.Where(set.Contains).Concat(set.Where(r => !IsKnown(r)).Order(StringComparer.Ordinal)).ToList();
    }
}
