using System.Diagnostics;
using KollegialtUtbyte.Testing;
using YamlDotNet.RepresentationModel;

namespace KollegialtUtbyte.Deployment.Tests;

/// <summary>
/// docker-compose.yml cannot be run here (no Docker engine), so it is validated by Debian's
/// docker-compose and its resolved form is checked for every service and its settings.
/// </summary>
public sealed class ComposeTests
{
    private static readonly Lazy<YamlMappingNode> Resolved = new(() => Yaml.ParseMapping(RunDockerCompose("config")));

    private static YamlNode Service(string name) =>
        Resolved.Value.At("services", name) ?? throw new Xunit.Sdk.XunitException($"docker-compose.yml has no service '{name}'.");

    [Fact]
    public void The_file_is_valid_for_docker_compose()
    {
        RunDockerCompose("config", "--quiet");
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
    }

    private static string RunDockerCompose(params string[] arguments)
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

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"docker-compose {string.Join(' ', arguments)} failed:\n{error}");
        return output.Result;
    }
}
