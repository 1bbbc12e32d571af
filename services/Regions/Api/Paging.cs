using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Regions.Api;

/// <summary>Query parameters every list endpoint takes: <c>?page=&amp;pageSize=&amp;search=</c>.</summary>
public sealed record PageQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>1-based page number; 1 when omitted.</summary>
    [Range(1, 100_000)]
    public int? Page { get; init; }

    [Range(1, MaxPageSize)]
    public int? PageSize { get; init; }

    /// <summary>Case-insensitive text to look for (names, e-mail, titles, topics).</summary>
    [StringLength(100)]
    public string? Search { get; init; }

    public int PageNumber() => Page ?? 1;

    public int Size() => PageSize ?? DefaultPageSize;

    /// <summary>The search text in the form the entities' search column holds, or null for no filter.</summary>
    public string? SearchTerm() => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim().ToLowerInvariant();
}

/// <summary>One page of a list, with the total number of matches.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

internal static class PagingExtensions
{
    /// <summary>Counts the matches and reads one page of an ordered query.</summary>
    public static async Task<(List<T> Items, int Total)> PageAsync<T>(this IQueryable<T> ordered, PageQuery query, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((query.PageNumber() - 1) * query.Size()).Take(query.Size()).ToListAsync(cancellationToken);
        return (items, total);
    }

    public static PagedList<T> ToPage<T>(this IReadOnlyList<T> items, PageQuery query, int total) =>
        new(items, query.PageNumber(), query.Size(), total);
}
