namespace KollegialtUtbyte.Portal.About;

/// <summary>Where the administrators' personal-data pages live.</summary>
public static class ErasurePaths
{
    public const string Administration = "/admin/radering";

    /// <summary>One person's copies and erasures.</summary>
    public static string Person(Guid personId) => $"/admin/personuppgifter/{personId}";
}
