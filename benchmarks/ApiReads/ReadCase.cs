namespace KollegialtUtbyte.Benchmarks.ApiReads;

/// <summary>
/// One list read measured three ways against the same database: through the service (an HTTP
/// request to the service in-process, signed in), as raw ADO.NET (the same rows read by hand),
/// and, for the breakdown, the service's own EF Core queries and response mapping called
/// directly (no HTTP, no token). Each returns the ids of the listed items in order, so they can
/// be checked to agree.
/// </summary>
public sealed record ReadCase(
    string Endpoint,
    string Provider,
    int PageSize,
    Func<CancellationToken, Task> Service,
    Func<CancellationToken, Task<IReadOnlyList<Guid>>> ServiceIds,
    Func<CancellationToken, Task<IReadOnlyList<Guid>>> Raw,
    Func<CancellationToken, Task<IReadOnlyList<Guid>>> EfCore);
