using KollegialtUtbyte.ApiContracts;

namespace KollegialtUtbyte.ServiceDefaults.Paging;

public static class PagingExtensions
{
    /// <summary>Counts the matches and reads one page of an ordered query.</summary>
    public static async Task<(List<T> Items, int Total)> PageAsync<T>(this IQueryable<T> ordered, PageQuery query, CancellationToken cancellationToken)
    {
        var skip = query.Skip();
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip(skip).Take(query.Size()).ToListAsync(cancellationToken);
        return (items, total);
    }

    public static PagedList<T> ToPage<T>(this IReadOnlyList<T> items, PageQuery query, int total) =>
        new(items, query.PageNumber(), query.Size(), total);
}
