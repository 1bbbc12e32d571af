using KollegialtUtbyte.Testing;
using YamlDotNet.RepresentationModel;

namespace KollegialtUtbyte.Deployment.Tests;

/// <summary>The Kubernetes manifests in deploy/: parsed and checked for what running in a cluster needs.</summary>
public sealed class KubernetesTests
{
    private static readonly IReadOnlyList<YamlMappingNode> Manifests = Directory
        .GetFiles(RepositoryRoot.Combine("deploy"), "*.yaml", SearchOption.AllDirectories)
        .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}compose{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Where(path => Path.GetFileName(path) != "kustomization.yaml")
        .SelectMany(Yaml.Documents)
        .ToList();

    private static YamlMappingNode Resource(string kind, string name) =>
        Manifests.SingleOrDefault(m => m.Text("kind") == kind && m.Text("metadata", "name") == name)
        ?? throw new Xunit.Sdk.XunitException($"No {kind} named '{name}' in deploy/.");

    [Theory]
    [MemberData(nameof(Services.All), MemberType = typeof(Services))]
    public void Every_service_has_a_deployment_with_probes_resources_an_image_and_a_non_root_context(string service)
    {
        var deployment = Resource("Deployment", Services.Lower(service));
        var pod = deployment.At("spec", "template", "spec")!;
        var container = pod.Items("containers").Single();

        Assert.StartsWith($"ghcr.io/kollegialt-utbyte/{Services.Lower(service)}:", container.Text("image"), StringComparison.Ordinal);
        Assert.Equal("/health/ready", container.Text("readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", container.Text("livenessProbe", "httpGet", "path"));
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.NotNull(container.Text("resources", kind, "cpu"));
            Assert.NotNull(container.Text("resources", kind, "memory"));
        }

        Assert.Equal("true", pod.Text("securityContext", "runAsNonRoot"));
        Assert.Equal("false", container.Text("securityContext", "allowPrivilegeEscalation"));
        Assert.Contains(container.Items("envFrom"), e => e.Text("configMapRef", "name") == "kollegialt-utbyte-common");
    }

    [Theory]
    [MemberData(nameof(Services.All), MemberType = typeof(Services))]
    public void Every_service_has_a_service_selecting_its_pods(string service)
    {
        var name = Services.Lower(service);
        var kubernetesService = Resource("Service", name);

        Assert.Equal(name, kubernetesService.Text("spec", "selector", "app.kubernetes.io/name"));
        Assert.Equal(name, Resource("Deployment", name).Text("spec", "template", "metadata", "labels", "app.kubernetes.io/name"));
    }

    [Theory]
    [MemberData(nameof(Services.All), MemberType = typeof(Services))]
    public void Stateless_services_scale_and_keep_a_replica_through_disruptions(string service)
    {
        var name = Services.Lower(service);
        if (name == "notifications")
        {
            // One sender: its schedule runs in a single replica.
            Assert.DoesNotContain(Manifests, m => m.Text("kind") == "HorizontalPodAutoscaler" && m.Text("metadata", "name") == name);
            return;
        }

        Assert.Equal(name, Resource("HorizontalPodAutoscaler", name).Text("spec", "scaleTargetRef", "name"));
        Assert.Equal(name, Resource("PodDisruptionBudget", name).Text("spec", "selector", "matchLabels", "app.kubernetes.io/name"));
    }

    [Fact]
    public void Only_the_gateway_is_exposed_through_the_ingress()
    {
        var ingress = Manifests.Single(m => m.Text("kind") == "Ingress");
        var backends = ingress.Items("spec", "rules").SelectMany(r => r.Items("http", "paths")).Select(p => p.Text("backend", "service", "name")).Distinct();

        Assert.Equal(["gateway"], backends);
    }

    [Fact]
    public void RabbitMQ_and_PostgreSQL_run_as_three_node_clusters_by_their_operators()
    {
        Assert.Equal("3", Resource("RabbitmqCluster", "rabbitmq").Text("spec", "replicas"));
        Assert.Equal("3", Resource("Cluster", "postgres").Text("spec", "instances"));
        Assert.Contains("quorum", Resource("RabbitmqCluster", "rabbitmq").Text("spec", "rabbitmq", "additionalConfig"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_kustomization_includes_every_service()
    {
        var kustomization = Yaml.Documents(RepositoryRoot.Combine("deploy", "base", "kustomization.yaml")).Single();
        var resources = kustomization.Items("resources").Select(r => ((YamlScalarNode)r).Value).ToList();

        foreach (var service in Services.Names)
        {
            Assert.Contains(Services.Lower(service), resources);
        }

        foreach (var resource in resources)
        {
            Assert.True(File.Exists(RepositoryRoot.Combine("deploy", "base", resource!)) || Directory.Exists(RepositoryRoot.Combine("deploy", "base", resource!)), resource);
        }
    }
}
