namespace KollegialtUtbyte.Contracts;

/// <summary>
/// Role names as they appear in access tokens (claim <see cref="ClaimNames.Role"/>).
/// Shared because every service authorizes on them.
/// </summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string Facilitator = "facilitator";
    public const string ProjectLeader = "project_leader";
    public const string TeamMember = "team_member";
    public const string Politician = "politician";

    /// <summary>Takes part in a strategic dialogue or a member network, or holds one of their roles (leader, convener, secretary).</summary>
    public const string Participant = "participant";

    public static readonly IReadOnlyList<string> All = [Administrator, Facilitator, ProjectLeader, TeamMember, Politician, Participant];
}

/// <summary>Claim types in the suite's access tokens.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Person = "person";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    public const string Region = "region";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
}
