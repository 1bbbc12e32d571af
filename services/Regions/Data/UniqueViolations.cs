namespace KollegialtUtbyte.Regions.Data;

internal static class UniqueViolations
{
    /// <summary>
    /// Saves, turning a unique-index violation into a rule violation: two requests registering
    /// the same e-mail address (or region) at once both pass the lookup, and the database
    /// settles which one wins.
    /// </summary>
    public static async Task SaveUniqueAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw new RuleViolationException("directory.duplicate",
                "Samma uppgift (t.ex. e-postadress, namn eller länskod) registrerades samtidigt av någon annan. Läs in och försök igen.");
        }
    }
}
