using KollegialtUtbyte.Identity.Api;
using KollegialtUtbyte.Identity.ApiContracts;
using KollegialtUtbyte.Identity.Application.OpenId;
using KollegialtUtbyte.Identity.Application.Retention;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.Retention;
using KollegialtUtbyte.ServiceDefaults.Security;

namespace KollegialtUtbyte.Identity;

/// <summary>
/// The identity service as a module: what it registers and the endpoints it maps. Its own host
/// (Program.cs) and the embedded host both compose it the same way.
/// </summary>
public static class IdentityModule
{
    public const string Name = "identity";

    public static IHostApplicationBuilder AddIdentityModule(this IHostApplicationBuilder builder)
    {
        builder.AddServiceModule<IdentityDb>(Name, TokenAudiences.Identity);
        builder.AddDatabaseSeeder<IdentityDb, IdentityBootstrap>();
        builder.Services.AddValidation();

        var settings = builder.Configuration.GetSection(IdentityOptions.SectionName);
        builder.Services.AddOptions<IdentityOptions>().Bind(settings)
            .Validate(s => s.AccessTokenLifetime > TimeSpan.Zero && s.RefreshTokenLifetime > TimeSpan.Zero
                    && s.ActivationLinkLifetime > TimeSpan.Zero && s.PasswordResetLinkLifetime > TimeSpan.Zero
                    && s.EmailChangeLinkLifetime > TimeSpan.Zero,
                "Identity: every token and link lifetime must be positive.")
            .Validate(s => s.MaxFailedSignIns >= 1 && s.LockoutDuration > TimeSpan.Zero && s.MaxLockoutDuration >= s.LockoutDuration,
                "Identity: MaxFailedSignIns must be at least 1, LockoutDuration positive and MaxLockoutDuration at least LockoutDuration.")
            .Validate(s => s.Throttle is { AttemptsPerAccount: >= 1, AttemptsPerAddress: >= 1, ResetLinksPerAccount: >= 1, ResetRequestsPerAddress: >= 1 }
                    && s.Throttle.AccountWindow > TimeSpan.Zero && s.Throttle.AddressWindow > TimeSpan.Zero && s.Throttle.ResetWindow > TimeSpan.Zero,
                "Identity:Throttle: every limit must be at least 1 and every window positive.")
            .Validate(s => s.MinimumPasswordLength >= 8, "Identity: MinimumPasswordLength must be at least 8.")
            .ValidateOnStart();

        // ASP.NET Core Identity for accounts, passwords and roles only: no cookies, no default
        // schemes, so every request is still authenticated by the JWT bearer of the service defaults.
        builder.Services
            .AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = "";
                o.Password.RequiredLength = settings.GetValue(nameof(IdentityOptions.MinimumPasswordLength), new IdentityOptions().MinimumPasswordLength);
                o.Password.RequiredUniqueChars = 4;

                // Length protects better than composition rules, which only make passwords harder to remember.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<IdentityDb>()
            .AddUserStore<AccountStore>()
            .AddPasswordValidator<NotTheUserNameValidator>();

        builder.AddOpenIdServer();
        builder.AddDatabaseSeeder<IdentityDb, ClientRegistration>();
        builder.Services.AddHostedService<SigningKeyCheck>();
        builder.AddRetention<OpenIdTokenRetention>();
        builder.AddRetention<AccountLinkRetention>();
        builder.AddRetention<EmailChangeRetention>();
        builder.Services.AddScoped<SignInSessions>();
        builder.Services.AddScoped<Passwords>();
        builder.Services.AddScoped<AccountAccess>();
        builder.Services.AddScoped<AccountLinks>();
        builder.Services.AddScoped<AccountOpening>();
        builder.Services.AddScoped<LinkRedemption>();
        builder.Services.AddScoped<DirectorySync>();
        builder.Services.AddScoped<ExchangeRoleHolders>();
        builder.Services.AddScoped<EmailChanges>();
        builder.Services.AddScoped<ExternalSignIns>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder app)
    {
        app.MapOpenIdEndpoints();
        app.MapSignInPage();
        app.MapAccountPages();
        app.MapEmailChangePages();
        // Every endpoint needs a token: without one the answer is a 401 problem.
        app.MapGroup(IdentityRoutes.Prefix)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .MapAccountAdministration()
            .MapMyAccount()
            .MapServiceAdministration<IdentityDb>();
        return app;
    }
}
