using Contract = KollegialtUtbyte.Feedback.ApiContracts;

namespace KollegialtUtbyte.Feedback.Api;

/// <summary>
/// The domain's enums as the API writes them and back. Both sides have the same members with the
/// same values (Feedback.Tests checks it), so the conversion is a cast.
/// </summary>
internal static class ContractEnums
{
    public static Contract.RoundStatus ToContract(this Domain.RoundStatus value) => (Contract.RoundStatus)value;

    public static Contract.AssignmentSource ToContract(this Domain.AssignmentSource value) => (Contract.AssignmentSource)value;

    public static Contract.FeedbackStatus ToContract(this Domain.FeedbackStatus value) => (Contract.FeedbackStatus)value;

    public static Contract.FeedbackStatus? ToContract(this Domain.FeedbackStatus? value) => (Contract.FeedbackStatus?)value;

    public static Contract.SuggestionDecision ToContract(this Domain.SuggestionDecision value) => (Contract.SuggestionDecision)value;

    public static Contract.SuggestionDecision? ToContract(this Domain.SuggestionDecision? value) => (Contract.SuggestionDecision?)value;

    public static Contract.LensGroup ToContract(this Domain.LensGroup value) => (Contract.LensGroup)value;

    public static Domain.SuggestionDecision ToDomain(this Contract.SuggestionDecision value) => (Domain.SuggestionDecision)value;

    public static Domain.RoundStatus ToDomain(this Contract.RoundStatus value) => (Domain.RoundStatus)value;
}
