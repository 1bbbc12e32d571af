namespace KollegialtUtbyte.Feedback;

/// <summary>Section <c>Feedback</c>: uploads, file storage, reviewer assignment and round deadlines.</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    public UploadOptions Uploads { get; set; } = new();

    public StorageOptions Storage { get; set; } = new();

    public AssignmentOptions Assignment { get; set; } = new();

    public RoundOptions Rounds { get; set; } = new();

    public sealed class UploadOptions
    {
        /// <summary>Largest accepted draft in bytes; larger uploads get 413.</summary>
        public long MaxBytes { get; set; } = 25L * 1024 * 1024;
    }

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
