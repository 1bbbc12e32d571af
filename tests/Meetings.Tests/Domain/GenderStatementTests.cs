namespace KollegialtUtbyte.Meetings.Tests.Domain;

/// <summary>A person's gender comes only from its own statements, newest wins, and never after her erasure.</summary>
public sealed class GenderStatementTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_older_statement_arriving_later_does_not_undo_a_newer_one()
    {
        var person = Person.Unknown(Guid.NewGuid());

        person.StateGender("kvinna", Monday.AddHours(1));
        person.StateGender("man", Monday);

        Assert.Equal("kvinna", person.Gender);
    }

    [Fact]
    public void Directory_details_leave_the_stated_gender_alone()
    {
        var person = Person.Unknown(Guid.NewGuid());
        person.StateGender("kvinna", Monday);

        person.ApplyDirectory("Eva Exempel", "eva@region.example", "Strateg", "Region Halland", Guid.NewGuid(), "sv", Monday.AddHours(1));
        person.ApplyTeamDetails("Eva Exempel", "eva@region.example", "Strateg", "sv", Monday.AddHours(2));

        Assert.Equal(("Eva Exempel", "kvinna"), (person.Name, person.Gender));
    }

    [Fact]
    public void A_statement_can_withdraw_the_gender_and_none_is_taken_after_erasure()
    {
        var person = Person.Unknown(Guid.NewGuid());
        person.StateGender("kvinna", Monday);
        person.StateGender(null, Monday.AddHours(1));
        Assert.Null(person.Gender);

        person.StateGender("kvinna", Monday.AddHours(2));
        person.Erase(Monday.AddHours(3));
        person.StateGender("kvinna", Monday.AddHours(4));

        Assert.Null(person.Gender);
    }
}
