using System.ComponentModel.DataAnnotations;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Meetings.Application;
using KollegialtUtbyte.Meetings.Data;
using KollegialtUtbyte.Meetings.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Meetings.Api;

public sealed record OneClickAnswerRequest(
    [property: Required] string? Token,
    [property: Required] string? Answer,
    [property: StringLength(1000)] string? Comment);

/// <summary>What became of a one-click answer, and the status it is answered with.</summary>
public enum AnswerLinkOutcome
{
    Answered,
    UnknownAnswer,
    Malformed,
    Unknown,
    Expired,
    AlreadyUsed,
    Withdrawn,
    MeetingCancelled,
    ChangedMeanwhile,
}

/// <summary>
/// The links in the invitation mail: GET <c>/api/meetings/invitations/answer?token=…&amp;answer=accepted</c>
/// answers without signing in and shows a small page; API clients POST the same as JSON. The
/// token identifies exactly one invitation and works once, until the meeting starts; whatever is
/// wrong with it, nothing changes and the answer says why.
/// </summary>
public static class OneClickAnswerEndpoints
{
    public static void MapOneClickAnswers(this IEndpointRouteBuilder api)
    {
        var answer = api.MapGroup("/invitations/answer").WithTags("Invitations").AllowAnonymous();
        answer.MapGet("", AnswerFromMailAsync);
        answer.MapPost("", AnswerFromClientAsync);
    }

    public static int StatusOf(AnswerLinkOutcome outcome) => outcome switch
    {
        AnswerLinkOutcome.Answered => StatusCodes.Status200OK,
        AnswerLinkOutcome.UnknownAnswer or AnswerLinkOutcome.Malformed => StatusCodes.Status400BadRequest,
        AnswerLinkOutcome.Unknown => StatusCodes.Status404NotFound,
        AnswerLinkOutcome.AlreadyUsed or AnswerLinkOutcome.ChangedMeanwhile => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status410Gone,
    };

    private static async Task<IResult> AnswerFromMailAsync(
        [FromQuery] string? token, [FromQuery] string? answer, HttpContext http, MeetingsDb db, PoliticianQuotas quotas, TimeProvider time, CancellationToken ct)
    {
        var result = await AnswerAsync(token, answer, null, db, quotas, time, ct);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var language = AnswerPage.LanguageOf(http.Request);
        http.Response.Headers.ContentLanguage = language;
        return Results.Content(AnswerPage.Render(result, language), "text/html; charset=utf-8", statusCode: StatusOf(result.Outcome));
    }

    private static async Task<IResult> AnswerFromClientAsync(
        OneClickAnswerRequest request, HttpContext http, MeetingsDb db, PoliticianQuotas quotas, TimeProvider time, CancellationToken ct)
    {
        var result = await AnswerAsync(request.Token, request.Answer, request.Comment, db, quotas, time, ct);
        http.Response.Headers.CacheControl = "no-store";
        if (result.Outcome == AnswerLinkOutcome.Answered)
        {
            return Results.Ok(AnswerResponse.From(result.Invitation!));
        }

        var (title, detail) = AnswerPage.Explain(result, "en");
        return Results.Problem(statusCode: StatusOf(result.Outcome), title: title, detail: detail, extensions: new Dictionary<string, object?> { ["reason"] = result.Outcome.ToString() });
    }

    private static async Task<AnswerLinkResult> AnswerAsync(
        string? token, string? answerText, string? comment, MeetingsDb db, PoliticianQuotas quotas, TimeProvider time, CancellationToken ct)
    {
        if (!TryParseAnswer(answerText, out var answer))
        {
            return new(AnswerLinkOutcome.UnknownAnswer);
        }

        if (!SecretToken.IsWellFormed(token))
        {
            return new(AnswerLinkOutcome.Malformed);
        }

        var hash = SecretToken.Hash(token!);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.AnswerTokenHash == hash, ct);
        if (invitation is null)
        {
            return new(AnswerLinkOutcome.Unknown);
        }

        var meeting = await db.MeetingAsync(invitation.MeetingId, ct);
        var programme = await db.ProgrammeAsync(meeting.ProgrammeId, ct);
        var now = time.GetUtcNow();
        var problem = invitation.CheckAnswerLink(meeting, now) switch
        {
            AnswerLinkProblem.Expired => AnswerLinkOutcome.Expired,
            AnswerLinkProblem.AlreadyUsed => AnswerLinkOutcome.AlreadyUsed,
            AnswerLinkProblem.Withdrawn => AnswerLinkOutcome.Withdrawn,
            AnswerLinkProblem.MeetingCancelled => AnswerLinkOutcome.MeetingCancelled,
            _ => AnswerLinkOutcome.Answered,
        };
        if (problem != AnswerLinkOutcome.Answered)
        {
            return new(problem, meeting, programme);
        }

        invitation.AnswerByLink(answer, comment, meeting, now);
        await InvitationEndpoints.AfterAnswerAsync(db, quotas, invitation, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same link clicked twice at once: the first click counts.
            return new(AnswerLinkOutcome.ChangedMeanwhile, meeting, programme);
        }

        return new(AnswerLinkOutcome.Answered, meeting, programme, invitation);
    }

    private static bool TryParseAnswer(string? text, out InvitationAnswer answer)
    {
        answer = default;
        return text is { Length: > 0 }
            && !text.Any(char.IsDigit)
            && Enum.TryParse(text, ignoreCase: true, out answer)
            && answer != InvitationAnswer.Pending;
    }
}

public sealed record AnswerLinkResult(AnswerLinkOutcome Outcome, Meeting? Meeting = null, ProgrammeCalendar? Programme = null, Invitation? Invitation = null);
