namespace KollegialtUtbyte.ServiceDefaults.Security;

/// <summary>Section <c>Auth</c>: whose tokens this service trusts.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The identity service's issuer URL; its discovery document and JWKS are read from there.</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// Where to read the discovery document when it is not under the authority (e.g. inside a
    /// cluster); the JWKS it names under the public authority is then read from this origin too.
    /// </summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Off only for development and tests on loopback http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
