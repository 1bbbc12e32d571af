using KollegialtUtbyte.Testing.Mail;

namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>What the campaign's checks need of one mail.</summary>
public sealed record MailFacts(string File, string To, string Subject, string? Method, string? Uid, int Sequence, string? Location, bool Activation);

/// <summary>
/// The pickup directory's mails, parsed once each (a campaign writes thousands): every refresh
/// parses only the files that are new since the last one.
/// </summary>
public sealed class MailIndex(PickupDirectory pickup)
{
    private readonly Dictionary<string, MailFacts> _parsed = [];

    public IReadOnlyList<MailFacts> Refresh()
    {
        if (Directory.Exists(pickup.Directory))
        {
            foreach (var path in Directory.GetFiles(pickup.Directory, "*.eml"))
            {
                if (!_parsed.ContainsKey(path) && TryParse(path) is { } facts)
                {
                    _parsed[path] = facts;
                }
            }
        }

        return _parsed.Values.ToList();
    }

    private static MailFacts? TryParse(string path)
    {
        try
        {
            var mail = ReceivedMail.Load(path);
            var hasCalendar = mail.CalendarPart is not null;
            return new MailFacts(
                Path.GetFileName(path),
                mail.To.ToLowerInvariant(),
                mail.Subject,
                hasCalendar ? mail.Calendar.Method : null,
                hasCalendar ? mail.Event.Uid : null,
                hasCalendar ? mail.Event.Sequence : 0,
                hasCalendar ? mail.Event.Location : null,
                mail.TextLinks.Any(l => l.AbsolutePath.EndsWith("/account/activate", StringComparison.Ordinal)));
        }
        catch (Exception exception) when (exception is IOException or FormatException or InvalidOperationException)
        {
            // Being written right now: read it on the next refresh.
            return null;
        }
    }
}
