using ClaimTracker.Domain;
using ClaimTracker.Server.Features.Api;
using Marten;

namespace ClaimTracker.Server.Features.Claims;

/// <summary>
/// The one way a claim is written: load it for writing (with the caller's expected version when given, so a stale
/// one fails with 409 instead of overwriting someone's work), run the pure decision, append its events, commit,
/// and answer with the claim as it now stands.
/// </summary>
public static class ClaimWrites
{
    public static async Task<IResult> WriteAsync(IDocumentSession session, Guid claimId, long? expectedVersion,
        Func<ClaimView, Task<Decision>> decide, CancellationToken ct, int successStatus = StatusCodes.Status200OK)
    {
        if (expectedVersion is < 1)
            return Problems.BadRequest("version-invalid", $"expectedVersion must be 1 or more (the claim's 'version'), not {expectedVersion}.");
        var current = await session.LoadAsync<ClaimView>(claimId, ct);
        if (current is null) return Problems.NotFound("claim", claimId);
        if (expectedVersion is { } expected && expected != current.Version)
            return StaleVersion(expected, current.Version);

        var stream = expectedVersion is { } v
            ? await session.Events.FetchForWriting<ClaimView>(claimId, v, ct)
            : await session.Events.FetchForWriting<ClaimView>(claimId, ct);
        var decision = await decide(stream.Aggregate ?? current);
        if (!decision.Succeeded) return Problems.For(decision.Error!);
        stream.AppendMany(decision.Events.ToArray());
        await session.SaveChangesAsync(ct);
        var updated = await session.LoadAsync<ClaimView>(claimId, ct);
        return Results.Json(updated, statusCode: successStatus);
    }

    public static IResult StaleVersion(long expected, long actual) => Problems.Problem(StatusCodes.Status409Conflict, "version-conflict",
        $"You sent version {expected} but the claim is at version {actual}: someone changed it since you read it. Reload and try again.");
}
