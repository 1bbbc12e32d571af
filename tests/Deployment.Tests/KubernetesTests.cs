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

    [Fact]
    public void Every_pod_in_the_namespace_refuses_connections_no_policy_allows()
    {
        var policies = Manifests.Where(m => m.Text("kind") == "NetworkPolicy").ToList();
        var defaultDeny = policies.Where(p => !p.Keys("spec", "podSelector").Any()).ToList();

        var policy = Assert.Single(defaultDeny);
        Assert.Contains(policy.Items("spec", "policyTypes"), t => ((YamlScalarNode)t).Value == "Ingress");
        Assert.Empty(policy.Items("spec", "ingress"));
    }

    [Theory]
    [MemberData(nameof(Services.All), MemberType = typeof(Services))]
    public void Every_service_lets_in_only_the_gateway(string service)
    {
        var name = Services.Lower(service);
        var policies = PoliciesSelecting("app.kubernetes.io/name", name);
        Assert.NotEmpty(policies);

        foreach (var peer in policies.SelectMany(p => p.Items("spec", "ingress")).SelectMany(rule => rule.Items("from")))
        {
            Assert.Null(peer.At("ipBlock"));
            var allowed = (name, peer) switch
            {
                // The ingress controller reaches the gateway; the portal calls the services through it.
                ("gateway", _) when peer.Text("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name") == "ingress-nginx" && peer.At("podSelector") is null => true,
                ("gateway", _) => peer.Text("podSelector", "matchLabels", "app.kubernetes.io/name") == "portal",

                // Every pod of the suite reads the discovery document and the signing keys.
                ("identity", _) when peer.Text("podSelector", "matchLabels", "app.kubernetes.io/part-of") == "kollegialt-utbyte" => peer.At("namespaceSelector") is null,
                _ => peer.Text("podSelector", "matchLabels", "app.kubernetes.io/name") == "gateway" && peer.At("namespaceSelector") is null,
            };
            Assert.True(allowed, $"{name} lets in {Describe(peer)}");
        }
    }

    [Theory]
    [InlineData("app.kubernetes.io/name", "rabbitmq", "5672")]
    [InlineData("cnpg.io/cluster", "postgres", "5432")]
    public void The_broker_and_the_database_take_connections_from_the_services_that_use_them(string label, string name, string port)
    {
        var rules = PoliciesSelecting(label, name).SelectMany(p => p.Items("spec", "ingress")).ToList();

        var fromServices = rules.Single(rule => rule.Items("from").Any(peer => peer.At("podSelector", "matchExpressions") is not null));
        Assert.Equal([port], fromServices.Items("ports").Select(p => p.Text("port")));
        var services = fromServices.Items("from").Single().Items("podSelector", "matchExpressions").Single().Items("values").Select(v => ((YamlScalarNode)v).Value).Order();
        Assert.Equal(["feedback", "identity", "meetings", "notifications", "regions"], services);
        Assert.DoesNotContain(rules.SelectMany(rule => rule.Items("from")), peer => peer.At("ipBlock") is not null);
    }

    [Fact]
    public void The_metadata_address_is_https_or_says_plainly_that_it_is_not()
    {
        var common = Resource("ConfigMap", "kollegialt-utbyte-common");
        var authority = common.Text("data", "Auth__Authority")!;
        var metadata = common.Text("data", "Auth__MetadataAddress") ?? authority + "/.well-known/openid-configuration";

        Assert.StartsWith("https://", authority, StringComparison.Ordinal);
        var requireHttps = common.Text("data", "Auth__RequireHttpsMetadata") ?? "true";
        Assert.Equal(metadata.StartsWith("https://", StringComparison.Ordinal) ? "true" : "false", requireHttps.ToLowerInvariant());
    }

    [Theory]
    [InlineData("gateway-settings", "Gateway__TrustedProxies__0")]
    [InlineData("portal-settings", "Portal__TrustedProxies__0")]
    public void The_gateway_and_the_portal_believe_the_proxy_in_front_of_them(string configMap, string setting)
    {
        var network = Resource("ConfigMap", configMap).Text("data", setting);

        Assert.True(System.Net.IPNetwork.TryParse(network, out _), $"{setting}: '{network}' is not a network in CIDR notation");
    }

    [Fact]
    public void The_portal_names_the_authority_responsible_for_it()
    {
        var settings = Resource("ConfigMap", "portal-settings");

        Assert.False(string.IsNullOrWhiteSpace(settings.Text("data", "Portal__Publisher__Name")));
        Assert.True(System.Net.Mail.MailAddress.TryCreate(settings.Text("data", "Portal__Publisher__Email"), out _));
    }

    [Fact]
    public void The_portals_replicas_share_one_key_ring_encrypted_at_rest()
    {
        var settings = Resource("ConfigMap", "portal-settings");
        var keysPath = settings.Text("data", "DataProtection__KeysPath");
        var certificatePath = settings.Text("data", "DataProtection__Certificate__Path");
        Assert.False(string.IsNullOrEmpty(keysPath));
        Assert.False(string.IsNullOrEmpty(certificatePath));

        var pod = Resource("Deployment", "portal").At("spec", "template", "spec")!;
        var mounts = pod.Items("containers").Single().Items("volumeMounts").ToList();
        var volumes = pod.Items("volumes").ToList();
        string VolumeAt(string path) => mounts.Single(m => path.StartsWith(m.Text("mountPath")! + "/", StringComparison.Ordinal) || path == m.Text("mountPath")).Text("name")!;

        var keys = volumes.Single(v => v.Text("name") == VolumeAt(keysPath!));
        var claim = Resource("PersistentVolumeClaim", keys.Text("persistentVolumeClaim", "claimName")!);
        Assert.Contains(claim.Items("spec", "accessModes"), m => ((YamlScalarNode)m).Value == "ReadWriteMany");
        Assert.NotNull(volumes.Single(v => v.Text("name") == VolumeAt(certificatePath!)).Text("secret", "secretName"));
    }

    private static List<YamlMappingNode> PoliciesSelecting(string label, string value) =>
        Manifests.Where(m => m.Text("kind") == "NetworkPolicy" && m.Text("spec", "podSelector", "matchLabels", label) == value).ToList();

    private static string Describe(YamlNode peer)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(peer)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
