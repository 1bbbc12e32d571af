using Microsoft.AspNetCore.Components;

namespace KollegialtUtbyte.Portal.Programme;

/// <summary>
/// A page about the current programme: it loads the programme first and shows why when there is
/// none; the page loads its own data once the programme is known.
/// </summary>
public abstract class CurrentProgrammePage : ComponentBase
{
    [Inject]
    protected MeetingsApi MeetingsApi { get; set; } = null!;

    protected ProgrammeCalendarResponse? Programme { get; private set; }

    protected ApiProblem? Problem { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var programme = await MeetingsApi.CurrentProgrammeAsync();
        Programme = programme.Value;
        Problem = programme.Problem;
        if (Programme is not null)
        {
            await LoadAsync(Programme);
        }
    }

    /// <summary>The page's data for <paramref name="programme"/>; a failed call sets <see cref="Problem"/> unless one is shown already.</summary>
    protected abstract Task LoadAsync(ProgrammeCalendarResponse programme);
}
