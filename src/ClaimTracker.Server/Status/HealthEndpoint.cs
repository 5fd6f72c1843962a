using ClaimTracker.Server.Hosting;
using Npgsql;

namespace ClaimTracker.Server.Status;

/// <summary>What GET /health answers: "healthy" only when the database answers a query.</summary>
public sealed record HealthReport(string Status, string Database, string Postgres, string? Error);

public static class HealthEndpoint
{
    /// <summary>
    /// A plain minimal-API endpoint on purpose: it needs no Wolverine code generation, so it answers as soon as
    /// the host has started, and keeps answering even if handler compilation is broken.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync)
            .WithName("Health")
            .WithTags("System")
            .WithSummary("Is the server up and can it reach its database?")
            .Produces<HealthReport>(StatusCodes.Status200OK)
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    static async Task<IResult> CheckAsync(PostgresServer postgres, CancellationToken ct)
    {
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(await postgres.GetConnectionStringAsync(ct))
            {
                Timeout = 3, CommandTimeout = 3, Pooling = false,
            };
            await using var conn = new NpgsqlConnection(cs.ConnectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("select 1", conn);
            await cmd.ExecuteScalarAsync(ct);
            return Results.Json(new HealthReport("healthy", "up", postgres.Mode, null));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or EmbeddedPostgresException)
        {
            return Results.Json(new HealthReport("unhealthy", "down", postgres.Mode, e.Message),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
