using KollegialtUtbyte.Testing;
using Xunit;

namespace KollegialtUtbyte.Testing.Mail;

/// <summary>The .eml files in the service's pickup directory, parsed.</summary>
public sealed class PickupDirectory(string directory)
{
    public string Directory => directory;

    public IReadOnlyList<ReceivedMail> All() =>
        System.IO.Directory.Exists(directory)
            ? System.IO.Directory.GetFiles(directory, "*.eml").Order().Select(ReceivedMail.Load).ToList()
            : [];

    public IReadOnlyList<ReceivedMail> To(string address) =>
        All().Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Waits until <paramref name="count"/> mails match, and checks there are not more.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, Func<ReceivedMail, bool>? match = null, string? what = null)
    {
        var found = await Eventually.UntilAsync(
            () => Task.FromResult(All().Where(m => match?.Invoke(m) ?? true).ToList()),
            mails => mails.Count >= count,
            $"{count} {what ?? "mail(s)"} arrived in the pickup directory");
        Assert.Equal(count, found.Count);
        return found;
    }

    public async Task<ReceivedMail> WaitForOneAsync(Func<ReceivedMail, bool> match, string what) => (await WaitForAsync(1, match, what)).Single();
}
