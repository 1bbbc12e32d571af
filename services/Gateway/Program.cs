using KollegialtUtbyte.Gateway;
using KollegialtUtbyte.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(GatewayModule.Name);
builder.AddGatewayModule();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGatewayModule();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
