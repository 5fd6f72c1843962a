namespace ClaimTracker.Server.Features.Api;

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    /// <summary>Items before the page. Counted in 64 bits: page 5,000,000 of 500 would wrap to a negative OFFSET (a 500).</summary>
    public static int Skip(int page, int pageSize) => (int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize);

    /// <summary>Items up to the end of the page, likewise.</summary>
    public static int Through(int page, int pageSize) => (int)Math.Min(int.MaxValue, (long)page * pageSize);
}
