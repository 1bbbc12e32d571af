using KollegialtUtbyte.Contracts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KollegialtUtbyte.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    /// <summary>The only signing algorithm the identity service uses; pinned so no token can choose another (HS256, none).</summary>
    public const string SigningAlgorithm = SecurityAlgorithms.RsaSha256;

    /// <summary>The <c>typ</c> of access tokens (RFC 9068), so that no other JWT of the issuer passes as one.</summary>
    public const string AccessTokenType = "at+jwt";

    /// <summary>
    /// JWT bearer validation against the identity service's discovery document and JWKS: issuer,
    /// lifetime, RS256, <c>typ</c> <c>at+jwt</c> and an audience this process serves
    /// (<see cref="TokenAudiences.AcceptAccessTokensFor"/>). Every endpoint requires a signed-in
    /// user unless it says <c>AllowAnonymous()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceAuthentication(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = settings.Authority;
                if (!string.IsNullOrWhiteSpace(settings.MetadataAddress))
                {
                    options.MetadataAddress = settings.MetadataAddress;
                    if (Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority) &&
                        Uri.TryCreate(settings.MetadataAddress, UriKind.Absolute, out var metadata))
                    {
                        options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                            settings.MetadataAddress,
                            new OpenIdConnectConfigurationRetriever(),
                            new InternalMetadataRetriever(authority, metadata, settings.RequireHttpsMetadata));
                    }
                }

                options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = ClaimNames.Name,
                    RoleClaimType = ClaimNames.Role,
                    ValidateAudience = true,
                    ValidAlgorithms = [SigningAlgorithm],
                    ValidTypes = [AccessTokenType],
                    ValidateIssuer = true,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        builder.Services.AddOptions<AcceptedAudiences>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AcceptedAudiences>>((options, accepted) =>
                options.TokenValidationParameters.ValidAudiences = accepted.Value.Audiences.ToList());

        // Misconfiguration (e.g. an http authority without RequireHttpsMetadata=false) stops the
        // service at start instead of failing every request with a 500.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).ValidateOnStart();

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Facilitator, p => p.RequireRole(Roles.Facilitator, Roles.Administrator))
            .AddPolicy(Policies.TeamMember, p => p.RequireRole(Roles.ProjectLeader, Roles.TeamMember).RequireClaim(ClaimNames.Region))
            .AddPolicy(Policies.ProjectLeader, p => p.RequireRole(Roles.ProjectLeader).RequireClaim(ClaimNames.Region))
            .AddPolicy(Policies.Politician, p => p.RequireRole(Roles.Politician).RequireClaim(ClaimNames.Region));

        return builder;
    }
}

/// <summary>
/// Authorization policy names, each naming exactly the roles it admits; resource checks (own
/// region, own invitation) stay in the endpoints.
/// </summary>
public static class Policies
{
    public const string Administrator = "administrator";

    /// <summary>Facilitators, and administrators who can do what facilitators do.</summary>
    public const string Facilitator = "facilitator";

    /// <summary>
    /// Those who work in a region's team: project leaders and key officials (with a region).
    /// Not politicians, who sit in the team but do not do its work.
    /// </summary>
    public const string TeamMember = "team-member";

    /// <summary>A region's project leader (with a region).</summary>
    public const string ProjectLeader = "project-leader";

    /// <summary>Politicians and substitutes of a region's team (with a region).</summary>
    public const string Politician = "politician";
}
