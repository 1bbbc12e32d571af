using KollegialtUtbyte.Identity;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(IdentityModule.Name);
builder.AddIdentityModule();
builder.AddServiceMessaging(IdentityModule.Name);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIdentityModule();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
