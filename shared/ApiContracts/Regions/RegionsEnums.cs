namespace KollegialtUtbyte.Regions.ApiContracts;

// The enums Regions' API carries (written as their names). The service's domain uses these
// declarations; TeamRole and OrganisationKind are shared/Contracts' own.

/// <summary>The roles the directory can be filtered by: a team role or facilitator.</summary>
public enum DirectoryRole
{
    ProjectLeader,
    KeyOfficial,
    Politician,
    SubstitutePolitician,
    Facilitator,
}

public enum EmailChangeStep
{
    /// <summary>Someone asked for a new address; it waits for its owner's confirmation.</summary>
    Requested,

    /// <summary>The owner confirmed the new address from the link mailed to it; the directory adopted it.</summary>
    Confirmed,

    /// <summary>The change was stopped from the link mailed to the old address.</summary>
    Cancelled,

    /// <summary>An administrator set the address directly, without the owner's confirmation.</summary>
    SetByAdministrator,
}

public enum PersonalDataExportState
{
    /// <summary>Waiting for services to answer, before the deadline.</summary>
    Collecting,

    /// <summary>Every service answered: the archive is whole.</summary>
    Complete,

    /// <summary>The deadline passed without every answer: the archive names the services missing, and the export can be retried.</summary>
    Incomplete,
}

public enum PersonalDataErasureState
{
    /// <summary>Asked for, waiting for an administrator's decision.</summary>
    Requested,

    /// <summary>An administrator refused, with a reason (the authority's duty to keep records may outweigh it).</summary>
    Declined,

    /// <summary>Approved: the directory has erased her, the other services are erasing.</summary>
    Erasing,

    /// <summary>Every service has answered that it erased her.</summary>
    Complete,
}
