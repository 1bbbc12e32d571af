using KollegialtUtbyte.Meetings;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(MeetingsModule.Name);
builder.AddMeetingsModule();
builder.AddServiceMessaging(MeetingsModule.Name);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapMeetingsModule();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
