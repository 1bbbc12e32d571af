using KollegialtUtbyte.ServiceDefaults.Telemetry;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>What the redaction masks in a URL, and what it leaves for diagnosis.</summary>
public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("/api/meetings/calendar/feeds/abc123.ics", "/api/meetings/calendar/feeds/***")]
    [InlineData("https://gateway.example/API/Meetings/Calendar/Feeds/abc123.ics?x=1", "https://gateway.example/API/Meetings/Calendar/Feeds/***?x=1")]
    [InlineData("GET /api/meetings/calendar/feeds/{token}.ics", "GET /api/meetings/calendar/feeds/***")]
    [InlineData("/api/meetings/invitations/answer?answer=accepted&token=abc", "/api/meetings/invitations/answer?answer=accepted&token=***")]
    [InlineData("/account/activate?TOKEN=abc#top", "/account/activate?TOKEN=***")]
    [InlineData("/connect/callback?code=abc&state=xyz&refresh_token=r&password=p&key=k", "/connect/callback?code=***&state=xyz&refresh_token=***&password=***&key=***")]
    [InlineData("/api/meetings/calendar/feed", "/api/meetings/calendar/feed")]
    [InlineData("/api/regions/people?search=token&page=2", "/api/regions/people?search=token&page=2")]
    [InlineData("", "")]
    public void Secrets_are_masked_and_the_rest_is_kept(string url, string expected) =>
        Assert.Equal(expected, SecretRedaction.Redact(url));
}
