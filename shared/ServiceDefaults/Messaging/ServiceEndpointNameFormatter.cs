using MassTransit;

namespace KollegialtUtbyte.ServiceDefaults.Messaging;

/// <summary>
/// Kebab-case endpoint names prefixed with the owning service: Meetings' consumer of
/// <c>TeamMemberJoined</c> listens on <c>meetings-team-member-joined</c>, so every service
/// gets its own queue of every event and no two services compete for one message.
/// </summary>
internal sealed class ServiceEndpointNameFormatter(ConsumerRegistry registry, string hostName, string? queuePrefix) : IEndpointNameFormatter
{
    private readonly string _prefix = string.IsNullOrWhiteSpace(queuePrefix) ? "" : queuePrefix.TrimEnd('-') + "-";

    private static readonly KebabCaseEndpointNameFormatter Plain = new(false);

    public string Separator => Plain.Separator;

    /// <summary>An endpoint name as every deployment knows it: without this deployment's queue prefix.</summary>
    public string WithoutPrefix(string endpointName) =>
        _prefix.Length > 0 && endpointName.StartsWith(_prefix, StringComparison.Ordinal) ? endpointName[_prefix.Length..] : endpointName;

    public string TemporaryEndpoint(string tag) => Plain.TemporaryEndpoint($"{_prefix}{hostName}-{tag}");

    public string Consumer<T>()
        where T : class, IConsumer =>
        $"{_prefix}{registry.ServiceOf(typeof(T)) ?? hostName}-{Plain.Consumer<T>()}";

    public string Message<T>()
        where T : class =>
        $"{_prefix}{hostName}-{Plain.Message<T>()}";

    public string Saga<T>()
        where T : class, ISaga =>
        $"{_prefix}{hostName}-{Plain.Saga<T>()}";

    public string ExecuteActivity<T, TArguments>()
        where T : class, IExecuteActivity<TArguments>
        where TArguments : class =>
        $"{_prefix}{hostName}-{Plain.ExecuteActivity<T, TArguments>()}";

    public string CompensateActivity<T, TLog>()
        where T : class, ICompensateActivity<TLog>
        where TLog : class =>
        $"{_prefix}{hostName}-{Plain.CompensateActivity<T, TLog>()}";

    public string SanitizeName(string name) => Plain.SanitizeName(name);
}
