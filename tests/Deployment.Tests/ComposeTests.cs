using System.Diagnostics;

namespace KollegialtUtbyte.Deployment.Tests;

/// <summary>
/// docker-compose.yml cannot be run here (no Docker engine), so it is validated by Debian's
/// docker-compose and its resolved form is checked for every service and its settings.
/// </summary>
public sealed class ComposeTests
{
    /// <summary>What an operator sets before starting: the file has no default for any of them.</summary>
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["POSTGRES_PASSWORD"] = "postgres-secret-from-the-environment",
        ["RABBITMQ_PASSWORD"] = "rabbitmq-secret-from-the-environment",
        ["ADMINISTRATOR_PASSWORD"] = "administrator-secret-from-the-environment",
    };

    private static readonly Lazy<YamlMappingNode> Resolved = new(() => Yaml.ParseMapping(RunDockerCompose(Secrets, "config")));

    /// <summary>The suite on SQL Server: the sqlserver profile and its override (deploy/compose/sqlserver.yaml).</summary>
    private static readonly string[] OnSqlServer = ["-f", "docker-compose.yml", "-f", "deploy/compose/sqlserver.yaml", "--profile", "sqlserver"];

    private const string SqlServerPassword = "sqlserver-secret-from-the-environment";

    private static readonly Lazy<YamlMappingNode> ResolvedOnSqlServer = new(() => Yaml.ParseMapping(
        RunDockerCompose(new Dictionary<string, string>(Secrets) { ["SQLSERVER_PASSWORD"] = SqlServerPassword }, [.. OnSqlServer, "config"])));

    private static YamlNode Service(string name) =>
        Resolved.Value.At("services", name) ?? throw new Xunit.Sdk.XunitException($"docker-compose.yml has no service '{name}'.");

    [Fact]
    public void The_file_is_valid_for_docker_compose()
    {
        RunDockerCompose(Secrets, "config", "--quiet");
    }

    [Theory]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("RABBITMQ_PASSWORD")]
    [InlineData("ADMINISTRATOR_PASSWORD")]
    public void Without_a_secret_in_the_environment_the_file_does_not_resolve_and_says_which(string secret)
    {
        var without = Secrets.Where(s => s.Key != secret).ToDictionary();

        var (exitCode, error) = TryDockerCompose(without, "config", "--quiet");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"set {secret}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_password_is_the_one_from_the_environment()
    {
        var database = Service("identity").Text("environment", "Database__ServerConnectionString");
        Assert.EndsWith($"Password={Secrets["POSTGRES_PASSWORD"]}", database, StringComparison.Ordinal);
        Assert.Equal(Secrets["POSTGRES_PASSWORD"], Service("postgres").Text("environment", "POSTGRES_PASSWORD"));
        Assert.Contains($":{Secrets["RABBITMQ_PASSWORD"]}@", Service("identity").Text("environment", "Messaging__RabbitMqUri"), StringComparison.Ordinal);
        Assert.Equal(Secrets["RABBITMQ_PASSWORD"], Service("rabbitmq").Text("environment", "RABBITMQ_DEFAULT_PASS"));
        Assert.Equal(Secrets["ADMINISTRATOR_PASSWORD"], Service("identity").Text("environment", "Identity__Administrator__Password"));
    }

    [Theory]
    [MemberData(nameof(Services.All), MemberType = typeof(Services))]
    public void With_the_sqlserver_profile_every_service_uses_sql_server_with_the_password_from_the_environment(string service)
    {
        var entry = ResolvedOnSqlServer.Value.At("services", Services.Lower(service))!;

        Assert.Equal("SqlServer", entry.Text("environment", "Database__Provider"));
        Assert.Equal(
            $"Server=sqlserver;User ID=sa;Password={SqlServerPassword};TrustServerCertificate=true",
            entry.Text("environment", "Database__ServerConnectionString"));
        Assert.Equal("service_healthy", entry.Text("depends_on", "sqlserver", "condition"));
    }

    [Fact]
    public void The_sql_server_takes_its_password_from_the_environment_and_reports_its_health()
    {
        var sqlServer = ResolvedOnSqlServer.Value.At("services", "sqlserver")!;

        Assert.StartsWith("mcr.microsoft.com/mssql/server:", sqlServer.Text("image"), StringComparison.Ordinal);
        Assert.Equal(SqlServerPassword, sqlServer.Text("environment", "MSSQL_SA_PASSWORD"));
        Assert.NotNull(sqlServer.At("healthcheck", "test"));
        Assert.Empty(ResolvedOnSqlServer.Value.Items("services", "sqlserver", "ports"));
    }

    [Fact]
    public void Without_its_password_the_sqlserver_profile_does_not_resolve_and_says_which()
    {
        var (exitCode, error) = TryDockerCompose(Secrets, [.. OnSqlServer, "config", "--quiet"]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("set SQLSERVER_PASSWORD", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rabbitmq")]
    [InlineData("jaeger")]
    [InlineData("mailpit")]
    public void The_tools_user_interfaces_are_published_on_loopback_only(string tool)
    {
        var ports = Resolved.Value.Items("services", tool, "ports").ToList();

        Assert.NotEmpty(ports);
        Assert.All(ports, port =>
        {
            var hostAddress = port is YamlScalarNode scalar ? scalar.Value!.Split(':')[0] : port.Text("host_ip");
            Assert.Equal("127.0.0.1", hostAddress);
        });
    }

    [Fact]
    public void The_portal_names_the_authority_responsible_for_it()
    {
        var portal = Service("portal");

        Assert.False(string.IsNullOrWhiteSpace(portal.Text("environment", "Portal__Publisher__Name")));
        Assert.True(System.Net.Mail.MailAddress.TryCreate(portal.Text("environment", "Portal__Publisher__Email"), out _));
    }

    [Fact]
    public void The_portal_keeps_its_key_ring_in_a_volume_encrypted_with_a_certificate_made_for_the_installation()
    {
        var portal = Service("portal");

        Assert.False(string.IsNullOrEmpty(portal.Text("environment", "DataProtection__KeysPath")));
        Assert.False(string.IsNullOrEmpty(portal.Text("environment", "DataProtection__Certificate__Path")));
        Assert.Equal("service_completed_successfully", portal.Text("depends_on", "portal-key-ring-certificate", "condition"));
    }

    [Theory]
    [MemberData(nameof(Services.All), MemberType = typeof(Services))]
    public void Every_service_is_built_from_the_shared_Dockerfile(string service)
    {
        var entry = Service(Services.Lower(service));

        Assert.Equal("services/Dockerfile", entry.Text("build", "dockerfile"));
        Assert.Equal(service, entry.Text("build", "args", "SERVICE"));
    }

    [Theory]
    [MemberData(nameof(Services.All), MemberType = typeof(Services))]
    public void Every_service_waits_for_healthy_dependencies_and_is_configured_for_the_distributed_mode(string service)
    {
        var entry = Service(Services.Lower(service));

        var dependencies = entry.Keys("depends_on").ToList();
        Assert.NotEmpty(dependencies);
        Assert.Contains(dependencies, d => entry.Text("depends_on", d, "condition") == "service_healthy");
        foreach (var setting in new[] { "Database__Provider", "Messaging__Transport", "Auth__Authority", "OTEL_EXPORTER_OTLP_ENDPOINT" })
        {
            Assert.False(string.IsNullOrEmpty(entry.Text("environment", setting)), $"{service} lacks {setting}");
        }

        Assert.Equal("Postgres", entry.Text("environment", "Database__Provider"));
        Assert.Equal("RabbitMq", entry.Text("environment", "Messaging__Transport"));
    }

    [Fact]
    public void Only_the_gateway_and_the_tools_user_interfaces_are_published()
    {
        var published = Resolved.Value.Keys("services")
            .Where(name => Resolved.Value.Items("services", name, "ports").Any())
            .Order()
            .ToList();

        Assert.Equal(["gateway", "jaeger", "mailpit", "rabbitmq"], published);
    }

    [Fact]
    public void The_infrastructure_is_there_with_health_checks()
    {
        foreach (var name in new[] { "rabbitmq", "postgres" })
        {
            Assert.NotNull(Service(name).At("healthcheck", "test"));
        }

        Assert.NotNull(Service("otel-collector"));
        Assert.NotNull(Service("jaeger"));
        Assert.NotNull(Service("mailpit"));
    }

    [Fact]
    public void The_Dockerfile_builds_in_stages_runs_as_non_root_and_checks_health()
    {
        var dockerfile = File.ReadAllText(RepositoryRoot.Combine("services", "Dockerfile"));

        Assert.True(dockerfile.Split('\n').Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)) >= 2, "multi-stage");
        Assert.Contains("USER $APP_UID", dockerfile, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", dockerfile, StringComparison.Ordinal);
        // Windows-only native libraries under Microsoft's own terms (SQL Server's SNI) stay out of the image.
        Assert.Contains("--os linux", dockerfile, StringComparison.Ordinal);
    }

    private static string RunDockerCompose(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var (exitCode, error, output) = Execute(environment, arguments);
        Assert.True(exitCode == 0, $"docker-compose {string.Join(' ', arguments)} failed:\n{error}");
        return output;
    }

    private static (int ExitCode, string Error) TryDockerCompose(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var (exitCode, error, _) = Execute(environment, arguments);
        return (exitCode, error);
    }

    /// <summary>Runs docker-compose with exactly the given secrets: whatever the machine has set is removed first.</summary>
    private static (int ExitCode, string Error, string Output) Execute(IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        const string executable = "/usr/bin/docker-compose";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException("docker-compose is not installed: `sudo apt-get install -y docker-compose` (the README's test command does this).");
        }

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var secret in Secrets.Keys.Append("SQLSERVER_PASSWORD"))
        {
            start.Environment.Remove(secret);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error, output.Result);
    }
}
