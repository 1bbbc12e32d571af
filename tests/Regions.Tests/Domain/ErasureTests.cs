using KollegialtUtbyte.Regions.Domain;
using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Regions.Tests.Domain;

/// <summary>The right to erasure: who asked, the decision, every service's answer, and the pseudonym that stays.</summary>
public sealed class ErasureTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Administrator = Guid.NewGuid();

    private static Person Eva() => Person.Register(
        Guid.NewGuid(),
        new PersonDetails("Eva Exempel", "Eva@Region.example", "070-174 06 99", "Strateg", "sv", Genders.Woman, true),
        Affiliation.OfRegion(Guid.NewGuid()),
        Now);

    [Fact]
    public void A_request_remembers_whether_the_person_herself_asked()
    {
        var personId = Guid.NewGuid();

        var herself = PersonalDataErasure.Request(personId, personId, "  Jag har slutat.  ", Now);
        var byAdministrator = PersonalDataErasure.Request(personId, Administrator, null, Now);

        Assert.Equal((true, "Jag har slutat.", PersonalDataErasureState.Requested, true), (herself.RequestedBySelf, herself.Reason, herself.State, herself.IsOpen));
        Assert.Equal((false, (string?)null), (byAdministrator.RequestedBySelf, byAdministrator.Reason));
    }

    [Fact]
    public void Declining_needs_a_reason_and_closes_the_request()
    {
        var erasure = PersonalDataErasure.Request(Guid.NewGuid(), null, null, Now);

        var refused = Assert.Throws<RuleViolationException>(() => erasure.Decline(Administrator, "   ", Now));
        Assert.Equal("reason", refused.Rule);
        Assert.Equal(PersonalDataErasureState.Requested, erasure.State);

        erasure.Decline(Administrator, "Uppgifterna behövs för diariet.", Now.AddHours(1));

        Assert.Equal((PersonalDataErasureState.Declined, false, Now.AddHours(1), "Uppgifterna behövs för diariet."),
            (erasure.State, erasure.IsOpen, erasure.DecidedAt, erasure.DecisionReason));
    }

    [Fact]
    public void A_decision_is_made_once()
    {
        var approved = PersonalDataErasure.Request(Guid.NewGuid(), null, null, Now);
        approved.Approve(Administrator, null, Now);
        var declined = PersonalDataErasure.Request(Guid.NewGuid(), null, null, Now);
        declined.Decline(Administrator, "Allmän handling.", Now);

        Assert.Equal(ErasureRules.AlreadyDecided, Assert.Throws<ErasureAlreadyDecidedException>(() => approved.Decline(Administrator, "Ångrar mig.", Now)).Rule);
        Assert.Throws<ErasureAlreadyDecidedException>(() => approved.Approve(Administrator, null, Now));
        Assert.Throws<ErasureAlreadyDecidedException>(() => declined.Approve(Administrator, null, Now));
        Assert.Equal(PersonalDataErasureState.Erasing, approved.State);
    }

    [Fact]
    public void An_approved_erasure_is_complete_when_all_five_services_answered_once()
    {
        var erasure = PersonalDataErasure.Request(Guid.NewGuid(), null, null, Now);
        Assert.False(erasure.RecordErased("regions", Now), "nothing is erased before the decision");
        erasure.Approve(Administrator, null, Now);

        Assert.True(erasure.RecordErased("regions", Now));
        Assert.False(erasure.RecordErased("regions", Now.AddMinutes(5)), "a repeated answer is no news");
        Assert.False(erasure.RecordErased("billing", Now), "an unknown service is not waited for");
        foreach (var service in new[] { "identity", "meetings", "feedback" })
        {
            erasure.RecordErased(service, Now.AddMinutes(1));
        }

        Assert.Equal(PersonalDataErasureState.Erasing, erasure.State);
        Assert.Equal(["notifications"], erasure.Missing);
        erasure.RecordErased("notifications", Now.AddMinutes(2));

        Assert.Equal((PersonalDataErasureState.Complete, Now.AddMinutes(2), false), (erasure.State, erasure.CompletedAt, erasure.IsOpen));
        Assert.Equal(Now, erasure.Answers.Single(a => a.Service == "regions").ErasedAt);
        Assert.False(erasure.RecordErased("notifications", Now.AddMinutes(3)));
    }

    [Fact]
    public void An_erased_person_keeps_her_place_but_not_her_name_address_phone_title_or_gender()
    {
        var eva = Eva();
        eva.RequestEmailChange("eva.ny@region.example", Guid.NewGuid(), null);
        var region = eva.RegionId;

        Assert.True(eva.Erase(Now));

        Assert.Equal((ErasedPerson.Name, (string?)null, (string?)null, (string?)null, (string?)null, (string?)null), (eva.Name, eva.Email, eva.NormalizedEmail, eva.Phone, eva.Title, eva.Gender));
        Assert.Equal(((string?)null, (string?)null, (Guid?)null, false), (eva.PendingEmail, eva.NormalizedPendingEmail, eva.PendingEmailChangeId, eva.ShareContactDetails));
        Assert.Equal((region, Now, "borttagen person"), (eva.RegionId, eva.ErasedAt, eva.SearchText));
        Assert.False(eva.Erase(Now.AddDays(1)), "erasing twice changes nothing");
        Assert.Equal(Now, eva.ErasedAt);
    }

    [Fact]
    public void An_erased_person_cannot_be_changed_or_published_again()
    {
        var eva = Eva();
        var changeId = eva.RequestEmailChange("eva.ny@region.example", Guid.NewGuid(), null) ? eva.PendingEmailChangeId!.Value : Guid.Empty;
        eva.Erase(Now);

        var attempts = new Action[]
        {
            () => eva.ChangeDetails(new PersonDetails("Eva Exempel", "eva@region.example", null, null, "sv", null, false)),
            () => eva.IsNewAddress("eva@region.example"),
            () => eva.RequestEmailChange("eva@region.example", Guid.NewGuid(), null),
            () => eva.SetEmailDirectly("eva@region.example"),
            () => eva.MoveTo(Affiliation.OfRegion(Guid.NewGuid()), isTeamMember: false),
            () => _ = eva.EmailInUse,
        };

        Assert.All(attempts, attempt => Assert.Equal(ErasureRules.PersonErased, Assert.Throws<RuleViolationException>(attempt).Rule));
        Assert.False(eva.ConfirmEmailChange(changeId), "a late confirmation does not bring an address back");
        Assert.Null(eva.Email);
    }

    [Fact]
    public void The_account_copy_knows_who_administers_and_ignores_older_news()
    {
        var account = AccountCopy.Known(Guid.NewGuid());
        account.ApplyRoles([Roles.Administrator, Roles.Facilitator], Now);
        Assert.True(account.Administers);

        account.ApplyRoles([Roles.Facilitator], Now.AddMinutes(-1));
        account.ApplyDisabled(true, Now.AddMinutes(1));
        Assert.Equal((true, false), (account.IsAdministrator, account.Administers));

        account.ApplyDisabled(false, Now);
        Assert.False(account.Administers, "an older enable does not undo a newer disable");
    }
}
