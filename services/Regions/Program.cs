using KollegialtUtbyte.Regions;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(RegionsModule.Name);
builder.AddRegionsModule();
builder.AddServiceMessaging(RegionsModule.Name);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRegionsModule();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
