namespace KollegialtUtbyte.Regions.ApiContracts;

/// <summary>The lengths and counts requests are validated against; the service's domain uses the same constants.</summary>
public static class RegionsLimits
{
    public const int NameMinLength = 2;
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int MaxExpectedKeyOfficials = 20;
    public const int WorkingGroupTopicMinLength = 3;
    public const int WorkingGroupTopicMaxLength = 300;
    public const int MaxWorkingGroupRegions = 21;
    public const int MaxWorkingGroupPeople = 200;
    public const int ErasureReasonMaxLength = 2000;
    public const int QuestionMinLength = 5;
    public const int QuestionMaxLength = 500;
}
