namespace KollegialtUtbyte.Feedback.ApiContracts;

// The enums the API carries (written as their names). Declared here only: the service's domain
// uses these, and its database stores them as their names too.

public enum RoundStatus
{
    /// <summary>Opened, waiting for a batch assignment of reviewing regions.</summary>
    AwaitingReviewers,

    /// <summary>Reviewers assigned; feedback is being written and stays hidden from the author region.</summary>
    Open,

    /// <summary>Deadline reached or closed early: submitted feedback is released to the author region.</summary>
    Closed,
}

public enum AssignmentSource
{
    Solver,
    Administrator,
}

public enum FeedbackStatus
{
    Draft,
    Submitted,
}

/// <summary>The author region's answer to one suggestion.</summary>
public enum SuggestionDecision
{
    Adopted,
    PartlyAdopted,
    NotAdopted,
}

/// <summary>Where a lens comes from: the method of seed 002, the global goals, or the programme's themes.</summary>
public enum LensGroup
{
    /// <summary>The six tools of Gröna tråden (Region Kronoberg's working method).</summary>
    GreenThread,

    /// <summary>The 17 goals of Agenda 2030.</summary>
    Agenda2030,

    /// <summary>The five themes of the programme's meetings.</summary>
    ProgrammeTheme,
}
