using KollegialtUtbyte.Portal;
using KollegialtUtbyte.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(PortalModule.Name);
builder.AddPortalModule();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPortalModule();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
