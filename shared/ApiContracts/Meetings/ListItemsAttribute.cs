using System.Collections;

namespace KollegialtUtbyte.Meetings.ApiContracts;

/// <summary>
/// Every item of a list is present (JSON <c>null</c> is refused) and, for text, at most
/// <see cref="MaxLength"/> characters: the validation attributes of the framework only look at the list itself.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ListItemsAttribute : ValidationAttribute
{
    public int MaxLength { get; set; } = int.MaxValue;

    public override bool IsValid(object? value) =>
        value is not IEnumerable items || items.Cast<object?>().All(item => item is not null && (item is not string text || text.Length <= MaxLength));

    public override string FormatErrorMessage(string name) =>
        MaxLength == int.MaxValue
            ? $"The {name} field has an empty item."
            : $"The {name} field has an empty item or one longer than {MaxLength} characters.";
}
