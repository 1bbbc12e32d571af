using System.Text;
using KollegialtUtbyte.Calendar;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>
/// iCalendar (RFC 5545): a meeting's .ics, and each person's feed of their meetings. Calendar apps
/// cannot send tokens, so the feed's address carries its own secret (stored hashed); asking for a
/// new address revokes the old one.
/// </summary>
public static class CalendarEndpoints
{
    public static void MapCalendar(this IEndpointRouteBuilder api)
    {
        api.MapGet(MeetingsRoutes.MeetingCalendar, MeetingAsync).WithTags("Calendar")
            .Produces<Stream>(StatusCodes.Status200OK, IcsWriter.ContentType).ProducesProblems(404);

        api.MapPost(MeetingsRoutes.CalendarFeed, IssueFeedAsync).WithTags("Calendar").ProducesProblems(403);
        api.MapDelete(MeetingsRoutes.CalendarFeed, RevokeFeedAsync).WithTags("Calendar");
        api.MapGet(MeetingsRoutes.CalendarFeedFile, FeedAsync).WithTags("Calendar").AllowAnonymous()
            .Produces<Stream>(StatusCodes.Status200OK, IcsWriter.ContentType).ProducesProblems(404);
    }

    private static async Task<FileContentHttpResult> MeetingAsync(Guid meetingId, ClaimsPrincipal user, MeetingsDb db, TimeProvider time, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MaySee(meeting))
        {
            throw new ResourceNotFoundException("Meeting", meetingId);
        }

        var programme = await db.ProgrammeAsync(meeting.ProgrammeId, ct);
        var document = MeetingCalendar.ForMeeting(meeting, programme, time.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetBytes(IcsWriter.Write(document)), IcsWriter.ContentType, $"traff-{meeting.Number}.ics");
    }

    private static async Task<Results<Ok<CalendarFeedResponse>, ProblemHttpResult>> IssueFeedAsync(
        ClaimsPrincipal user, MeetingsDb db, TimeProvider time, IOptions<MeetingsOptions> options, HttpContext http, CancellationToken ct)
    {
        if (user.PersonId() is not { } personId)
        {
            return Problems.Forbidden("Token saknar person.");
        }

        var now = time.GetUtcNow();
        foreach (var old in await db.CalendarFeeds.Where(f => f.PersonId == personId && f.RevokedAt == null).ToListAsync(ct))
        {
            old.Revoke(now);
        }

        var (feed, token) = CalendarFeed.Issue(personId, now);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.CacheControl = "no-store";
        var baseUrl = options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}";
        return TypedResults.Ok(new CalendarFeedResponse(baseUrl + MeetingsRoutes.PathOf(MeetingsRoutes.CalendarFeedFile, token), now));
    }

    private static async Task<NoContent> RevokeFeedAsync(ClaimsPrincipal user, MeetingsDb db, TimeProvider time, CancellationToken ct)
    {
        var personId = user.PersonId();
        foreach (var feed in await db.CalendarFeeds.Where(f => f.PersonId == personId && f.RevokedAt == null).ToListAsync(ct))
        {
            feed.Revoke(time.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FeedAsync(string token, MeetingsDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var feed = SecretToken.IsWellFormed(token)
            ? await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == SecretToken.Hash(token), ct)
            : null;
        if (feed is not { IsActive: true })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "Kalenderlänken finns inte eller är återkallad. / The calendar link does not exist or has been revoked.");
        }

        var invited = db.Invitations.Where(i => i.PersonId == feed.PersonId && i.WithdrawnAt == null).Select(i => i.MeetingId);
        var led = db.Meetings.Where(m => m.Facilitators.Any(f => f.PersonId == feed.PersonId)).Select(m => m.Id);
        var meetings = MeetingCalendar.InFeed(await db.Meetings.AsNoTracking().Where(m => invited.Contains(m.Id) || led.Contains(m.Id)).ToListAsync(ct));
        var programmeIds = meetings.Select(m => m.ProgrammeId).Distinct().ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var document = MeetingCalendar.Feed(meetings, programmes, time.GetUtcNow());
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.File(Encoding.UTF8.GetBytes(IcsWriter.Write(document)), IcsWriter.ContentType);
    }
}
