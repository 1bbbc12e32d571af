using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Notifications.Tests;

/// <summary>
/// What a crash between claiming a mail and marking it sent costs (the README's "Delivery"): the
/// claim holds the mail for <c>Delivery:ClaimTimeout</c>, then the next process sends it, once.
/// </summary>
public sealed class ClaimTimeoutTests
{
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_mail_claimed_by_a_process_that_died_is_delivered_once_when_the_claim_runs_out()
    {
        var clock = new FakeTimeProvider(Given.Now);
        var state = NotificationsService.State.Fresh();
        try
        {
            var stranded = Activation("Stina Strand", "stina.strand@region.example.test");
            DateTimeOffset claimedUntil;

            // The first process claims the mail and hangs sending it (an SMTP server that never
            // greets); it stops there, as if killed: nothing after the claim is written (a stop
            // cancels the send, and a cancelled send records nothing).
            using (var silent = new TcpListener(IPAddress.Loopback, 0))
            {
                silent.Start();
                var connected = silent.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
                var first = await NotificationsService.StartAsync(SilentSmtp(((IPEndPoint)silent.LocalEndpoint).Port), clock, state);
                TcpClient? session = null;
                try
                {
                    await first.PublishAsync(stranded);
                    session = await connected;
                    var claimed = await Eventually.UntilAsync(
                        () => first.QueryAsync(db => db.OutgoingMails.SingleAsync(m => m.PersonId == stranded.PersonId)),
                        mail => mail.NextAttemptAt > clock.GetUtcNow(),
                        "the first process claimed the mail");
                    claimedUntil = claimed.NextAttemptAt;
                    Assert.Equal(clock.GetUtcNow() + ClaimTimeout, claimedUntil);
                    Assert.Equal((MailStatus.Pending, 0), (claimed.Status, claimed.Attempts));
                }
                finally
                {
                    await first.DisposeAsync();
                    session?.Dispose();
                }
            }

            // A new process on the same database leaves the claimed mail alone while the claim holds,
            // while it sends the mails queued after it.
            await using var second = await NotificationsService.StartAsync(PickupDirectory(), clock, state);
            var later = Activation("Lars Later", "lars.later@region.example.test");
            await second.PublishAsync(later);
            await Eventually.UntilAsync(
                () => Task.FromResult(second.Mailbox.To(later.Email).Count == 1), "the mail queued after the claimed one was delivered");
            Assert.Empty(second.Mailbox.To(stranded.Email));
            Assert.Equal(MailStatus.Pending, await second.QueryAsync(db => db.OutgoingMails.Where(m => m.PersonId == stranded.PersonId).Select(m => m.Status).SingleAsync()));

            // When the claim runs out, the mail goes out, once: the cost of the crash is the claim's delay.
            clock.Advance(ClaimTimeout);
            var sent = await Eventually.UntilAsync(
                () => second.QueryAsync(db => db.OutgoingMails.SingleAsync(m => m.PersonId == stranded.PersonId)),
                mail => mail.Status == MailStatus.Sent,
                "the stranded mail was delivered once its claim ran out");
            Assert.True(sent.SentAt >= claimedUntil, $"sent at {sent.SentAt}, before the claim ran out at {claimedUntil}");
            Assert.Single(second.Mailbox.To(stranded.Email));
        }
        finally
        {
            state.Delete();
        }
    }

    private static Dictionary<string, string?> SilentSmtp(int port) => new()
    {
        ["Notifications:Delivery:Method"] = "Smtp",
        ["Notifications:Delivery:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Delivery:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Delivery:Smtp:Security"] = "None",
        ["Notifications:Delivery:Smtp:Timeout"] = "00:10:00",
        ["Notifications:Delivery:ImmediateRetries"] = "0",
        ["Notifications:Delivery:ClaimTimeout"] = ClaimTimeout.ToString(),
    };

    private static Dictionary<string, string?> PickupDirectory() => new()
    {
        ["Notifications:Delivery:ClaimTimeout"] = ClaimTimeout.ToString(),
    };

    private static AccountActivationRequested Activation(string name, string email) =>
        new(Guid.NewGuid(), Guid.NewGuid(), email, name, "sv", Given.NewToken(), Given.Now.AddDays(3), Given.Now);
}
