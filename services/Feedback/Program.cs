using KollegialtUtbyte.Feedback;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(FeedbackModule.Name);
builder.AddFeedbackModule();
builder.AddServiceMessaging(FeedbackModule.Name);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapFeedbackModule();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
