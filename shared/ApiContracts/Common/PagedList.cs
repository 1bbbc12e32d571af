namespace KollegialtUtbyte.ApiContracts;

/// <summary>One page of a list, with the total number of matches (every list endpoint answers this).</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
