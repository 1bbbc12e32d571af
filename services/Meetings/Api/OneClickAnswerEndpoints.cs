using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>What became of an answer link, and the status it is answered with.</summary>
public enum AnswerLinkOutcome
{
    /// <summary>The link can be used: the page asks to confirm the answer.</summary>
    Ready,
    Answered,
    UnknownAnswer,
    Unknown,
    Expired,
    Withdrawn,
    MeetingCancelled,
    ChangedMeanwhile,
}

/// <summary>
/// The answer links of the invitation mail, used without signing in. GET
/// <c>/api/meetings/invitations/answer?token=…&amp;answer=accepted</c> only shows the meeting and
/// a confirm button (mail scanners open every link); the button POSTs the token in the form body to
/// <c>…/answer/confirm</c>, which records the answer. API clients POST the same as JSON to
/// <c>…/answer</c>. A link works until the meeting starts, a later answer replacing an earlier
/// one; whatever is wrong with it, nothing changes and the page says why.
/// </summary>
public static class OneClickAnswerEndpoints
{
    public const string ConfirmPath = MeetingsRoutes.Prefix + MeetingsRoutes.ConfirmAnswerLink;

    public static void MapOneClickAnswers(this IEndpointRouteBuilder api)
    {
        api.MapGet(MeetingsRoutes.AnswerLink, ShowAsync).WithTags("Invitations").AllowAnonymous().ProducesAnswerPage();

        // The token in the body is the secret that authorizes the post; another site cannot forge it.
        api.MapPost(MeetingsRoutes.ConfirmAnswerLink, ConfirmAsync).WithTags("Invitations").AllowAnonymous().DisableAntiforgery().ProducesAnswerPage();
        api.MapPost(MeetingsRoutes.AnswerLink, AnswerFromClientAsync).WithTags("Invitations").AllowAnonymous().ProducesProblems(400, 404, 409, 410);
    }

    /// <summary>The answer page is HTML at every status <see cref="StatusOf"/> gives.</summary>
    private static RouteHandlerBuilder ProducesAnswerPage(this RouteHandlerBuilder builder)
    {
        int[] statuses = [StatusCodes.Status200OK, StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone];
        foreach (var status in statuses)
        {
            builder.Produces<string>(status, AnswerPage.ContentType);
        }

        return builder;
    }

    public static int StatusOf(AnswerLinkOutcome outcome) => outcome switch
    {
        AnswerLinkOutcome.Ready or AnswerLinkOutcome.Answered => StatusCodes.Status200OK,
        AnswerLinkOutcome.UnknownAnswer => StatusCodes.Status400BadRequest,
        AnswerLinkOutcome.Unknown => StatusCodes.Status404NotFound,
        AnswerLinkOutcome.ChangedMeanwhile => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status410Gone,
    };

    /// <summary>The page a mail link opens. It never changes anything.</summary>
    private static async Task<ContentHttpResult> ShowAsync(
        [FromQuery] string? token, [FromQuery] string? answer, HttpContext http, MeetingsDb db, TimeProvider time, CancellationToken ct)
    {
        var link = await FindAsync(token, answer, db, time.GetUtcNow(), ct);
        return AnswerPage.Render(http, link, token);
    }

    private static async Task<ContentHttpResult> ConfirmAsync(HttpContext http, MeetingsDb db, PoliticianQuotas quotas, TimeProvider time, CancellationToken ct)
    {
        var form = await http.Request.ReadFormOrNullAsync();
        var result = await AnswerAsync(Single(form, "token"), Single(form, "answer"), null, db, quotas, time, ct);
        return AnswerPage.Render(http, result);
    }

    private static async Task<Results<Ok<AnswerResponse>, ProblemHttpResult>> AnswerFromClientAsync(
        OneClickAnswerRequest request, HttpContext http, MeetingsDb db, PoliticianQuotas quotas, TimeProvider time, CancellationToken ct)
    {
        var result = await AnswerAsync(request.Token, request.Answer, request.Comment, db, quotas, time, ct);
        http.Response.Headers.CacheControl = "no-store";
        if (result.Outcome == AnswerLinkOutcome.Answered)
        {
            return TypedResults.Ok(InvitationEndpoints.AnswerOf(result.Invitation!));
        }

        var (title, detail) = AnswerPage.Explain(result with { Language = "en" });
        return TypedResults.Problem(statusCode: StatusOf(result.Outcome), title: title, detail: detail, extensions: new Dictionary<string, object?> { ["reason"] = result.Outcome.ToString() });
    }

    private static async Task<AnswerLinkResult> AnswerAsync(
        string? token, string? answerText, string? comment, MeetingsDb db, PoliticianQuotas quotas, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var link = await FindAsync(token, answerText, db, now, ct);
        if (link.Outcome != AnswerLinkOutcome.Ready)
        {
            return link;
        }

        var invitation = link.Invitation!;
        invitation.AnswerByLink(link.Answer!.Value, comment, link.Meeting!, now);
        await InvitationEndpoints.AfterAnswerAsync(db, quotas, invitation, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The link used twice at the same moment: the other answer counts.
            return link with { Outcome = AnswerLinkOutcome.ChangedMeanwhile };
        }

        return link with { Outcome = AnswerLinkOutcome.Answered };
    }

    /// <summary>The invitation a link stands for and whether it can be answered now, read without changing anything.</summary>
    private static async Task<AnswerLinkResult> FindAsync(string? token, string? answerText, MeetingsDb db, DateTimeOffset now, CancellationToken ct)
    {
        if (!SecretToken.IsWellFormed(token))
        {
            return new(AnswerLinkOutcome.Unknown);
        }

        var hash = SecretToken.Hash(token!);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.AnswerTokenHash == hash, ct);
        if (invitation is null)
        {
            return new(AnswerLinkOutcome.Unknown);
        }

        var meeting = await db.MeetingAsync(invitation.MeetingId, ct);
        var programme = await db.ProgrammeAsync(meeting.ProgrammeId, ct);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == invitation.PersonId, ct);
        var found = new AnswerLinkResult(AnswerLinkOutcome.Ready, meeting, programme, invitation, Language: AnswerPage.LanguageOf(person));
        if (!TryParseAnswer(answerText, out var answer))
        {
            return found with { Outcome = AnswerLinkOutcome.UnknownAnswer };
        }

        var outcome = invitation.CheckAnswerLink(meeting, now) switch
        {
            AnswerLinkProblem.Expired => AnswerLinkOutcome.Expired,
            AnswerLinkProblem.Withdrawn => AnswerLinkOutcome.Withdrawn,
            AnswerLinkProblem.MeetingCancelled => AnswerLinkOutcome.MeetingCancelled,
            _ => AnswerLinkOutcome.Ready,
        };
        return found with { Outcome = outcome, Answer = answer };
    }

    private static bool TryParseAnswer(string? text, out InvitationAnswer answer)
    {
        answer = default;
        return text is { Length: > 0 }
            && !text.Any(char.IsDigit)
            && Enum.TryParse(text, ignoreCase: true, out answer)
            && answer != InvitationAnswer.Pending;
    }

    private static string? Single(IFormCollection? form, string name) => form?[name] is { Count: 1 } values ? values[0] : null;
}

/// <summary>
/// An answer link as found: the invitation, its meeting and programme when the token is known, the
/// answer it gives, and the invitee's language (null when unknown: the browser's then decides).
/// </summary>
public sealed record AnswerLinkResult(
    AnswerLinkOutcome Outcome,
    Meeting? Meeting = null,
    ProgrammeCalendar? Programme = null,
    Invitation? Invitation = null,
    InvitationAnswer? Answer = null,
    string? Language = null);
