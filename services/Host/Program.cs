using KollegialtUtbyte.Feedback;
using KollegialtUtbyte.Gateway;
using KollegialtUtbyte.Host;
using KollegialtUtbyte.Identity;
using KollegialtUtbyte.Meetings;
using KollegialtUtbyte.Notifications;
using KollegialtUtbyte.Portal;
using KollegialtUtbyte.Regions;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Messaging;

// Every service module in one process: each keeps its own SQLite file and its own queues
// (prefixed by module name) on MassTransit's in-memory transport, and talks to the others
// only through events, exactly as in the distributed mode. The gateway module is mounted in
// front of them: the same rate limits and token check for /api as in the distributed mode.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("kollegialt-utbyte");
builder.AddGatewayModule(GatewayMount.InProcess);
builder.AddIdentityModule();
builder.AddRegionsModule();
builder.AddMeetingsModule();
builder.AddFeedbackModule();
builder.AddNotificationsModule();
builder.AddPortalModule();
builder.AddServiceMessaging("embedded");
builder.Services.AddHostedService<DemoBanner>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGatewayModule();
app.MapIdentityModule();
app.MapRegionsModule();
app.MapMeetingsModule();
app.MapFeedbackModule();
app.MapNotificationsModule();
app.MapPortalModule();
app.Run();
