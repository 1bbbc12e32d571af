namespace KollegialtUtbyte.Feedback;

/// <summary>
/// Section <c>Feedback</c>: file storage, reviewer assignment and round deadlines. The largest
/// accepted draft is the suite's <c>Uploads:MaxDocumentBytes</c> (<see cref="KollegialtUtbyte.ServiceDefaults.Uploads.UploadOptions"/>).
/// </summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    public StorageOptions Storage { get; set; } = new();

    public AssignmentOptions Assignment { get; set; } = new();

    public RoundOptions Rounds { get; set; } = new();

    public sealed class StorageOptions
    {
        /// <summary>Where uploaded drafts are kept; unset means <c>.data/feedback-files/{environment}</c>.</summary>
        public string? Directory { get; set; }

        public string DirectoryFor(IHostEnvironment environment) =>
            string.IsNullOrWhiteSpace(Directory)
                ? Path.Combine(".data", "feedback-files", environment.EnvironmentName.ToLowerInvariant())
                : Directory;
    }

    public sealed class AssignmentOptions
    {
        /// <summary>Most reviews a region carries at once in open rounds; unset means no cap.</summary>
        public int? MaxReviewsPerRegion { get; set; }
    }

    public sealed class RoundOptions
    {
        /// <summary>How often the deadline watcher looks for rounds to close when no deadline is nearer.</summary>
        public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
    }
}
