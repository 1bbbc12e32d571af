using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Identity.Data;

/// <summary>
/// A sign-in account (ASP.NET Core Identity user; the user name is the e-mail address), linked to
/// a person of the directory. Roles granted by administrators are Identity user roles; roles from
/// the person's team places and facilitator assignment are added when a token is issued.
/// </summary>
public sealed class Account : IdentityUser<Guid>, IVersioned
{
    /// <summary>The directory person; for an account that is not in the directory (the first administrator) its own id.</summary>
    public Guid PersonId { get; set; }

    public string Name { get; set; } = "";

    public string PreferredLanguage { get; set; } = Domain.Languages.Swedish;

    /// <summary>
    /// What the account may do, space-separated: the granted roles plus those from the directory.
    /// Recomputed whenever either changes, and copied into every access token.
    /// </summary>
    public string EffectiveRoles { get; set; } = "";

    /// <summary>
    /// Every region whose team the person has a place in, space-separated (the token's
    /// multi-valued region claim). Recomputed with the roles.
    /// </summary>
    public string RegionIds { get; set; } = "";

    /// <summary>Room for every Swedish region (21) and then some.</summary>
    public const int RegionIdsMaxLength = 1024;

    /// <summary>
    /// Lockouts since the last successful sign-in (or new password): each one lasts longer. Not
    /// reset when a lockout ends, so the guessing does not start over.
    /// </summary>
    public int LockoutCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the person chose a password for the first time.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;

    public bool HasPassword => PasswordHash is not null;

    public IReadOnlyList<string> RoleList => EffectiveRoles.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<Guid> RegionList => [.. RegionIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];

    public long Version { get; set; }
}
