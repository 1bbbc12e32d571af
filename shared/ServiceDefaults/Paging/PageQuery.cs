using System.ComponentModel.DataAnnotations;

namespace KollegialtUtbyte.ServiceDefaults.Paging;

/// <summary>
/// Query parameters every list endpoint takes: <c>?page=&amp;pageSize=&amp;search=</c>. Bound with
/// <c>[AsParameters]</c>; the service's <c>AddValidation()</c> answers out-of-range values with a 400
/// naming the field, and <see cref="PagingExtensions.PageAsync{T}"/> refuses them again in case it did not.
/// </summary>
public sealed record PageQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The last page anyone can ask for: with the largest page size it skips ten million rows at most.</summary>
    public const int MaxPage = 100_000;

    /// <summary>1-based page number; 1 when omitted.</summary>
    [Range(1, MaxPage)]
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

    /// <summary>How many rows come before the page; computed in long so no page number can overflow it.</summary>
    public int Skip()
    {
        if (PageNumber() is < 1 or > MaxPage)
        {
            throw new PageOutOfRangeException("page", $"The page must be between 1 and {MaxPage}.");
        }

        if (Size() is < 1 or > MaxPageSize)
        {
            throw new PageOutOfRangeException("pageSize", $"The page size must be between 1 and {MaxPageSize}.");
        }

        return checked((int)((PageNumber() - 1L) * Size()));
    }
}

/// <summary>A page or page size outside the bounds reached the query; answered as a 400 naming the field.</summary>
public sealed class PageOutOfRangeException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
