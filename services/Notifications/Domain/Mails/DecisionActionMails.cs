using System.Globalization;

namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>Reminders to the owner of an action decided at a meeting: the due date is near, or has passed.</summary>
internal static class DecisionActionMails
{
    public static MailContent Render(MailKind kind, DecisionActionMail mail, MailRecipient to, MailSettings settings)
    {
        var english = to.Language == Language.English;
        string Pick(string swedish, string inEnglish) => english ? inEnglish : swedish;
        var due = mail.DueOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(english ? "en-GB" : "sv-SE"));
        var owner = mail.OwnerKind == DecisionActionOwnerKind.Region
            ? Pick($"{mail.OwnerName} (er region)", $"{mail.OwnerName} (your region)")
            : mail.OwnerName;
        var decision = mail.RegistryNumber is { Length: > 0 } number
            ? Pick($"Punkt {mail.PointNumber} i protokoll {number}", $"Item {mail.PointNumber} of minutes {number}")
            : Pick($"Punkt {mail.PointNumber}", $"Item {mail.PointNumber}");

        var (subject, text) = kind switch
        {
            MailKind.DecisionActionDueSoon => (
                Pick($"Påminnelse: åtgärd att slutföra senast {due}", $"Reminder: action due by {due}"),
                Pick($"Åtgärden ”{mail.What}” ska vara klar senast {due}. Berätta gärna hur arbetet går i {MailSettings.ServiceName}.",
                    $"The action “{mail.What}” is due by {due}. Please report how the work is going in {MailSettings.ServiceName}.")),
            MailKind.DecisionActionOverdue => (
                Pick($"Försenad åtgärd: {mail.What}", $"Overdue action: {mail.What}"),
                Pick($"Åtgärden ”{mail.What}” skulle ha varit klar {due} och är ännu inte avslutad. Uppdatera dess status, eller ange varför den inte genomförs.",
                    $"The action “{mail.What}” was due on {due} and is still open. Please update its status, or give the reason it will not be done.")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a mail about a decision's action."),
        };

        return new MailBody(to.Language, subject, subject)
            .Greeting(to.Name)
            .Paragraph(text)
            .Facts(
                (Pick("Åtgärd", "Action"), mail.What),
                (Pick("Beslut", "Decision"), decision),
                (Pick("Ansvarig", "Owner"), owner),
                (Pick("Klar senast", "Due by"), due))
            .Link(Pick("Följ upp åtgärden", "Follow up the action"), settings.Links.MyAction(mail.ActionId))
            .Build();
    }
}
