namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>
/// The rules that differ by the exchange's format (a programme keeps its own rules in
/// <see cref="SchedulingRules"/>): a strategic dialogue is one meeting with talks and a workshop,
/// a member network meets open-ended and signs its protocols, neither has a politicians' quota.
/// </summary>
public static class ExchangeRules
{
    /// <summary>A strategic dialogue is one meeting: a second one that still counts is refused.</summary>
    public static void CheckAnotherMeeting(ProgrammeCalendar exchange, IReadOnlyCollection<Meeting> counting)
    {
        if (exchange.Format == ExchangeFormat.StrategicDialogue && counting.Count >= 1)
        {
            throw new RuleViolationException("dialogue.one-meeting", "Ett strategiskt samtal är en träff; den är redan schemalagd.");
        }
    }

    /// <summary>
    /// A dialogue is published when its agenda has its talks (at least one with a named speaker) and
    /// its workshop (with at least one question), as the governor's dialogues are held (seed 000).
    /// </summary>
    public static void CheckPublishable(ProgrammeCalendar exchange, IReadOnlyCollection<Meeting> drafts)
    {
        if (exchange.Format != ExchangeFormat.StrategicDialogue)
        {
            return;
        }

        foreach (var meeting in drafts)
        {
            var talk = meeting.Agenda.Any(i => i.Kind == AgendaItemKind.Talk && !string.IsNullOrWhiteSpace(i.Responsible));
            var workshop = meeting.Agenda.Any(i => i.Kind == AgendaItemKind.Workshop && i.Questions.Any(q => !string.IsNullOrWhiteSpace(q)));
            if (!talk || !workshop)
            {
                throw new RuleViolationException("dialogue.talks-and-workshop",
                    "Det strategiska samtalets dagordning behöver föredrag med namngiven talare och en workshop med minst en fråga innan det publiceras.");
            }
        }
    }

    /// <summary>Only a programme has a politicians' quota.</summary>
    public static void CheckQuota(ProgrammeCalendar exchange)
    {
        if (!exchange.IsProgramme)
        {
            throw new RuleViolationException("exchange.no-politician-quota", "Politikerkvoten gäller bara program (kollegialt utbyte), inte strategiska samtal eller medlemsnätverk.");
        }
    }

    /// <summary>A network's protocol binds by its convener's and secretary's signatures, not by an administrator's approval.</summary>
    public static void CheckPlainApproval(ProgrammeCalendar exchange)
    {
        if (exchange.Format == ExchangeFormat.MemberNetwork)
        {
            throw new RuleViolationException("protocol.signature-required",
                "Nätverkets protokoll godkänns när både sammankallande och sekreterare har justerat det.");
        }
    }

    /// <summary>The role in which a person signs a network's protocol: only its convener or its secretary signs.</summary>
    public static ProtocolSignerRole SignerRole(ProgrammeCalendar exchange, Guid personId) =>
        exchange.SignerRoleOf(personId)
        ?? throw new RuleViolationException("protocol.signer-role", exchange.Format == ExchangeFormat.MemberNetwork
            ? "Bara nätverkets sammankallande och sekreterare justerar protokollet."
            : "Bara ett medlemsnätverks protokoll justeras av sammankallande och sekreterare.");

    /// <summary>A dialogue's documentation is published when it is approved; other formats have no publication of their own.</summary>
    public static DateTimeOffset? PublishedAt(ProgrammeCalendar exchange, MeetingDocumentation documentation) =>
        exchange.Format == ExchangeFormat.StrategicDialogue && documentation.IsApproved ? documentation.ApprovedAt : null;
}
