namespace KollegialtUtbyte.Feedback.ApiContracts;

/// <summary>The lengths and counts requests are validated against; the service's domain and database use the same constants.</summary>
public static class FeedbackLimits
{
    public const int DocumentTitleMaxLength = 200;
    public const int DocumentDescriptionMaxLength = 4000;
    public const int FeedbackSummaryMaxLength = 8000;
    public const int FeedbackStrengthsMaxLength = 8000;
    public const int FeedbackNoteMaxLength = 4000;
    public const int LensCodeMaxLength = 64;
    public const int LearningNoteMaxLength = 4000;
    public const int PriorityTitleMaxLength = 300;
    public const int PriorityTextMaxLength = 4000;
    public const int MaxReviewerCount = 10;
}
