namespace KollegialtUtbyte.Identity.Domain;

/// <summary>
/// A person's place in a strategic dialogue or a member network, as Regions last reported it:
/// invited as a participant, or named to one of the exchange's roles (the dialogue's leader, the
/// network's convener or secretary). Either gives the account the participant role. A place that
/// ended stays as a tombstone so that late news cannot bring it back.
/// </summary>
public sealed class ExchangeParticipation
{
    private ExchangeParticipation()
    {
    }

    public Guid PersonId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public bool Invited { get; private set; }

    /// <summary>Time of the participant event this state came from.</summary>
    public DateTimeOffset InvitedAsOf { get; private set; }

    public bool HoldsRole { get; private set; }

    /// <summary>Time of the exchange's registration or update this state came from.</summary>
    public DateTimeOffset RoleAsOf { get; private set; }

    public bool IsActive => Invited || HoldsRole;

    public static ExchangeParticipation For(Guid personId, Guid programmeId) => new()
    {
        PersonId = personId,
        ProgrammeId = programmeId,
        InvitedAsOf = DateTimeOffset.MinValue.ToUniversalTime(),
        RoleAsOf = DateTimeOffset.MinValue.ToUniversalTime(),
    };

    /// <summary>Invited (true) or removed (false); ignored if newer news is known. Returns whether it changed.</summary>
    public bool ApplyInvited(bool invited, DateTimeOffset asOf)
    {
        if (asOf < InvitedAsOf)
        {
            return false;
        }

        var changed = Invited != invited;
        Invited = invited;
        InvitedAsOf = asOf;
        return changed;
    }

    /// <summary>Named to one of the exchange's roles (true) or no longer (false); ignored if newer news is known.</summary>
    public bool ApplyRole(bool holdsRole, DateTimeOffset asOf)
    {
        if (asOf < RoleAsOf)
        {
            return false;
        }

        var changed = HoldsRole != holdsRole;
        HoldsRole = holdsRole;
        RoleAsOf = asOf;
        return changed;
    }
}
