using KollegialtUtbyte.Notifications;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(NotificationsModule.Name);
builder.AddNotificationsModule();
builder.AddServiceMessaging(NotificationsModule.Name);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNotificationsModule();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
