namespace KollegialtUtbyte.Notifications.Tests;

public sealed class FailureTextTests
{
    [Theory]
    [InlineData("550 5.1.1 <https://ku.example.se/api/meetings/invitations/answer?token=abc> rejected", "550 5.1.1 <[link removed] rejected")]
    [InlineData("IOException: token q83vEjRWeJCrze8Hbn5OUg1rMm7pXqYzAbCdEfGh was refused", "IOException: token [removed] was refused")]
    [InlineData("Person 0f8fad5b-d9cb-469f-a165-70867728950e did not appear in the directory within 7.00:00:00.", "Person 0f8fad5b-d9cb-469f-a165-70867728950e did not appear in the directory within 7.00:00:00.")]
    [InlineData("SmtpCommandException: 452 4.2.2 Mailbox full", "SmtpCommandException: 452 4.2.2 Mailbox full")]
    public void Links_and_tokens_are_removed_and_the_rest_stays(string error, string shown) =>
        Assert.Equal(shown, FailureText.WithoutSecrets(error));
}
