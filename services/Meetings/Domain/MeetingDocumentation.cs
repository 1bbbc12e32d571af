using KollegialtUtbyte.ServiceDefaults.PersonalData;

namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>A numbered point as written; sub-points are numbered under it (1, 1.1, 1.2, 2, ...).</summary>
public sealed record PointDraft(string Text, string? Decision, IReadOnlyList<PointDraft>? SubPoints);

public sealed record WorkshopOutcomeDraft(string Question, string Outcome);

public sealed record AttachmentDraft(string Title, string? Link);

public sealed record DocumentationDraft(
    string? Summary,
    IReadOnlyList<PointDraft> Points,
    IReadOnlyList<WorkshopOutcomeDraft> WorkshopOutcomes,
    IReadOnlyList<AttachmentDraft> Attachments);

/// <summary>Someone who took part, as the protocol lists them (seed 004: "Engla Västerholm, Sölvesborgs kommun, strateg").</summary>
public sealed record ParticipantEntry(string Name, string? Organisation, string? Role);

/// <summary>
/// The documentation of a meeting in the shape of the protocol of seed 004: participants, numbered
/// points with decisions, workshop outcomes per question, attachments; approved digitally by a
/// named administrator with a timestamp and given a registry number. Once approved it never
/// changes: a correction is a new revision, and the earlier one is kept.
/// </summary>
public sealed class MeetingDocumentation : IVersioned
{
    public const int MaxPointDepth = 3;

    // The collections change only through the methods below, which refuse approved documentation;
    // EF Core fills and tracks the fields.
    private readonly List<DocumentationPoint> _points = [];
    private readonly List<WorkshopOutcome> _workshopOutcomes = [];
    private readonly List<DocumentationAttachment> _attachments = [];
    private readonly List<DocumentationParticipant> _participants = [];
    private readonly List<DocumentationSignature> _signatures = [];

    private MeetingDocumentation()
    {
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    /// <summary>1 for the first documentation, then one more for every correction.</summary>
    public int Revision { get; private set; }

    public DocumentationStatus Status { get; private set; }

    public string? Summary { get; private set; }

    public IReadOnlyList<DocumentationPoint> Points => _points.AsReadOnly();

    public IReadOnlyList<WorkshopOutcome> WorkshopOutcomes => _workshopOutcomes.AsReadOnly();

    public IReadOnlyList<DocumentationAttachment> Attachments => _attachments.AsReadOnly();

    /// <summary>Taken from the attendance when the documentation is approved.</summary>
    public IReadOnlyList<DocumentationParticipant> Participants => _participants.AsReadOnly();

    /// <summary>A member network's protocol: its convener's and secretary's signatures of this revision.</summary>
    public IReadOnlyList<DocumentationSignature> Signatures => _signatures.AsReadOnly();

    /// <summary>Both the convener and the secretary have signed: the protocol binds.</summary>
    public bool IsFullySigned =>
        _signatures.Any(s => s.Role == ProtocolSignerRole.Convener) && _signatures.Any(s => s.Role == ProtocolSignerRole.Secretary);

    public string? CorrectionReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid? ApprovedByPersonId { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? RegistryNumber { get; private set; }

    public long Version { get; set; }

    public bool IsApproved => Status == DocumentationStatus.Approved;

    /// <summary>Starts the first documentation of a held meeting, with its workshop questions ready for their outcomes.</summary>
    public static MeetingDocumentation Start(Meeting meeting, DateTimeOffset now)
    {
        if (meeting.Status is not (MeetingStatus.Held or MeetingStatus.Documented))
        {
            throw new RuleViolationException("documentation.meeting-not-held", "Dokumentationen skrivs när träffen är genomförd.");
        }

        var questions = meeting.Agenda
            .Where(item => item.Kind == AgendaItemKind.Workshop)
            .OrderBy(item => item.Position)
            .SelectMany(item => item.Questions)
            .Select(question => new WorkshopOutcomeDraft(question, ""))
            .ToList();
        var documentation = new MeetingDocumentation
        {
            Id = Guid.NewGuid(),
            MeetingId = meeting.Id,
            ProgrammeId = meeting.ProgrammeId,
            Revision = 1,
            Status = DocumentationStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        documentation._workshopOutcomes.AddRange(questions.Select((q, i) => WorkshopOutcome.From(q, i)));
        return documentation;
    }

    /// <summary>A correction of approved documentation: a new draft revision with the same content, the approved one untouched.</summary>
    public MeetingDocumentation Correct(string reason, int revision, DateTimeOffset now)
    {
        if (!IsApproved)
        {
            throw new RuleViolationException("documentation.not-approved", "Bara godkänd dokumentation rättas; ett utkast ändras direkt.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("documentation.correction-reason-required", "Ange varför dokumentationen rättas.");
        }

        var correction = new MeetingDocumentation
        {
            Id = Guid.NewGuid(),
            MeetingId = MeetingId,
            ProgrammeId = ProgrammeId,
            Revision = revision,
            Status = DocumentationStatus.Draft,
            CorrectionReason = reason.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        correction.Write(ToDraft());
        return correction;
    }

    /// <summary>Changes the draft. A signature is of the text signed, so editing clears the signatures given.</summary>
    public void Edit(DocumentationDraft draft, DateTimeOffset now)
    {
        EnsureDraft();
        Write(draft);
        _signatures.Clear();
        UpdatedAt = now;
    }

    /// <summary>
    /// The convener or the secretary of a member network signs this draft. Returns true when this was
    /// the second signature: the caller then approves the protocol as of now (<see cref="ApproveSigned"/>).
    /// </summary>
    public bool Sign(Guid personId, string name, ProtocolSignerRole role, DateTimeOffset now)
    {
        EnsureDraft();
        if (Points.Count == 0)
        {
            throw new RuleViolationException("documentation.no-points", "Protokollet behöver minst en numrerad punkt innan det justeras.");
        }

        if (_signatures.Any(s => s.PersonId == personId || s.Role == role))
        {
            throw new RuleViolationException("protocol.already-signed", "Du har redan justerat protokollet.");
        }

        _signatures.Add(DocumentationSignature.Of(personId, name, role, now, _signatures.Count));
        UpdatedAt = now;
        return IsFullySigned;
    }

    /// <summary>With both signatures the protocol binds from the second one: the second signer stands as its approver.</summary>
    public void ApproveSigned(IReadOnlyList<ParticipantEntry> participants, string registryNumber, DateTimeOffset now)
    {
        if (!IsFullySigned)
        {
            throw new RuleViolationException("protocol.signature-required", "Protokollet justeras av både sammankallande och sekreterare.");
        }

        var last = _signatures.MaxBy(s => s.Position)!;
        var names = string.Join(" och ", _signatures.OrderBy(s => s.Position).Select(s => s.Name));
        Approve(participants, last.PersonId, names.Length <= 200 ? names : last.Name, registryNumber, now);
    }

    public void Approve(IReadOnlyList<ParticipantEntry> participants, Guid approverId, string approverName, string registryNumber, DateTimeOffset now)
    {
        EnsureDraft();
        if (Points.Count == 0)
        {
            throw new RuleViolationException("documentation.no-points", "Dokumentationen behöver minst en numrerad punkt innan den godkänns.");
        }

        if (string.IsNullOrWhiteSpace(approverName))
        {
            throw new RuleViolationException("documentation.approver-unnamed", "Den som godkänner måste ha ett namn.");
        }

        _participants.Clear();
        _participants.AddRange(participants.Select((p, i) => DocumentationParticipant.From(p, i)));
        Status = DocumentationStatus.Approved;
        ApprovedByPersonId = approverId;
        ApprovedByName = approverName.Trim();
        ApprovedAt = now;
        RegistryNumber = registryNumber;
        UpdatedAt = now;
    }

    /// <summary>
    /// Takes an erased person's name out of a draft: the text stays, naming "Borttagen person".
    /// Approved documentation is a public record and keeps the names as approved.
    /// </summary>
    public bool ForgetName(string name, DateTimeOffset now)
    {
        if (IsApproved)
        {
            return false;
        }

        var mentioned = ErasedNames.Mentions(Summary, name)
            || ErasedNames.Mentions(CorrectionReason, name)
            || Points.Any(p => ErasedNames.Mentions(p.Text, name) || ErasedNames.Mentions(p.Decision, name))
            || WorkshopOutcomes.Any(o => ErasedNames.Mentions(o.Question, name) || ErasedNames.Mentions(o.Outcome, name))
            || Attachments.Any(a => ErasedNames.Mentions(a.Title, name))
            || Participants.Any(p => ErasedNames.Mentions(p.Name, name))
            || Signatures.Any(s => ErasedNames.Mentions(s.Name, name));
        if (!mentioned)
        {
            return false;
        }

        Summary = ErasedNames.ReplaceOptional(Summary, name);
        CorrectionReason = ErasedNames.ReplaceOptional(CorrectionReason, name);
        _points.ForEach(p => p.ForgetName(name));
        _workshopOutcomes.ForEach(o => o.ForgetName(name));
        _attachments.ForEach(a => a.ForgetName(name));
        _participants.ForEach(p => p.ForgetName(name));
        _signatures.ForEach(s => s.ForgetName(name));
        UpdatedAt = now;
        return true;
    }

    public DocumentationDraft ToDraft() => new(
        Summary,
        PointDrafts(Points.OrderBy(p => p.Position).ToList(), ""),
        WorkshopOutcomes.OrderBy(o => o.Position).Select(o => new WorkshopOutcomeDraft(o.Question, o.Outcome)).ToList(),
        Attachments.OrderBy(a => a.Position).Select(a => new AttachmentDraft(a.Title, a.Link)).ToList());

    private void EnsureDraft()
    {
        if (IsApproved)
        {
            throw new RuleViolationException("documentation.approved-is-immutable",
                $"Dokumentationen är godkänd ({RegistryNumber}) och kan inte ändras; skapa en rättelse.");
        }
    }

    private void Write(DocumentationDraft draft)
    {
        var points = new List<DocumentationPoint>();
        Number(draft.Points, "", 1, points);
        Summary = string.IsNullOrWhiteSpace(draft.Summary) ? null : draft.Summary.Trim();
        _points.Clear();
        _points.AddRange(points);
        _workshopOutcomes.Clear();
        _workshopOutcomes.AddRange(draft.WorkshopOutcomes.Select((o, i) => WorkshopOutcome.From(o, i)));
        _attachments.Clear();
        _attachments.AddRange(draft.Attachments.Select((a, i) => DocumentationAttachment.From(a, i)));
    }

    private static void Number(IReadOnlyList<PointDraft> drafts, string prefix, int depth, List<DocumentationPoint> into)
    {
        if (drafts.Count > 0 && depth > MaxPointDepth)
        {
            throw new RuleViolationException("documentation.points-too-deep", $"Punkter numreras i högst {MaxPointDepth} nivåer.");
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var number = prefix.Length == 0 ? $"{i + 1}" : $"{prefix}.{i + 1}";
            into.Add(DocumentationPoint.From(drafts[i], number, depth, into.Count));
            Number(drafts[i].SubPoints ?? [], number, depth + 1, into);
        }
    }

    private static List<PointDraft> PointDrafts(IReadOnlyList<DocumentationPoint> ordered, string parent) =>
        ordered
            .Where(p => ParentOf(p.Number) == parent)
            .Select(p => new PointDraft(p.Text, p.Decision, PointDrafts(ordered, p.Number)))
            .ToList();

    private static string ParentOf(string number) => number.LastIndexOf('.') is var dot and >= 0 ? number[..dot] : "";
}

public sealed class DocumentationPoint
{
    private DocumentationPoint()
    {
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    /// <summary>"1", "1.1", "1.2", "2", ... derived from the order, never typed.</summary>
    public string Number { get; private set; } = "";

    public int Level { get; private set; }

    public string Text { get; private set; } = "";

    public string? Decision { get; private set; }

    internal void ForgetName(string name)
    {
        Text = ErasedNames.Replace(Text, name);
        Decision = ErasedNames.ReplaceOptional(Decision, name);
    }

    internal static DocumentationPoint From(PointDraft draft, string number, int level, int position) => new()
    {
        Id = Guid.NewGuid(),
        Position = position,
        Number = number,
        Level = level,
        Text = draft.Text.Trim(),
        Decision = string.IsNullOrWhiteSpace(draft.Decision) ? null : draft.Decision.Trim(),
    };
}

public sealed class WorkshopOutcome
{
    private WorkshopOutcome()
    {
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    public string Question { get; private set; } = "";

    public string Outcome { get; private set; } = "";

    internal void ForgetName(string name)
    {
        Question = ErasedNames.Replace(Question, name);
        Outcome = ErasedNames.Replace(Outcome, name);
    }

    internal static WorkshopOutcome From(WorkshopOutcomeDraft draft, int position) => new()
    {
        Id = Guid.NewGuid(),
        Position = position,
        Question = draft.Question.Trim(),
        Outcome = draft.Outcome.Trim(),
    };
}

/// <summary>An attachment named in the protocol ("Bilaga: Organisationsbeskrivning ..."), with a link to where it is kept.</summary>
public sealed class DocumentationAttachment
{
    private DocumentationAttachment()
    {
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    public string Title { get; private set; } = "";

    public string? Link { get; private set; }

    internal void ForgetName(string name) => Title = ErasedNames.Replace(Title, name);

    internal static DocumentationAttachment From(AttachmentDraft draft, int position) => new()
    {
        Id = Guid.NewGuid(),
        Position = position,
        Title = draft.Title.Trim(),
        Link = string.IsNullOrWhiteSpace(draft.Link) ? null : draft.Link.Trim(),
    };
}

public sealed class DocumentationParticipant
{
    private DocumentationParticipant()
    {
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; } = "";

    public string? Organisation { get; private set; }

    public string? Role { get; private set; }

    internal void ForgetName(string name) => Name = ErasedNames.Replace(Name, name);

    internal static DocumentationParticipant From(ParticipantEntry entry, int position) => new()
    {
        Id = Guid.NewGuid(),
        Position = position,
        Name = entry.Name,
        Organisation = entry.Organisation,
        Role = entry.Role,
    };
}

/// <summary>A signature of a network's protocol ("justeras digitalt", seed 004): who, in which role, when.</summary>
public sealed class DocumentationSignature
{
    private DocumentationSignature()
    {
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    public Guid PersonId { get; private set; }

    public string Name { get; private set; } = "";

    public ProtocolSignerRole Role { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }

    internal void ForgetName(string name) => Name = ErasedNames.Replace(Name, name);

    internal static DocumentationSignature Of(Guid personId, string name, ProtocolSignerRole role, DateTimeOffset now, int position) => new()
    {
        Id = Guid.NewGuid(),
        Position = position,
        PersonId = personId,
        Name = string.IsNullOrWhiteSpace(name) ? personId.ToString() : name.Trim(),
        Role = role,
        SignedAt = now,
    };
}
