using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using ClaimTracker.Domain;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ClaimTracker.Server.Features.Api;

/// <summary>
/// A serialized answer, ready to send as is: the JSON bytes and their entity tag (a hash of the bytes, so two equal
/// answers share a tag whichever way they were produced).
/// </summary>
public sealed class JsonAnswer(byte[] body)
{
    public byte[] Body { get; } = body;
    public string ETag { get; } = "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 12).Replace('+', '-').Replace('/', '_') + "\"";

    public static JsonAnswer Of<T>(T value, JsonSerializerOptions options) => new(JsonSerializer.SerializeToUtf8Bytes(value, options));

    /// <summary>200 with the bytes and the tag, or 304 when the client already holds this exact answer (If-None-Match).</summary>
    public IResult Send(HttpContext context)
    {
        context.Response.Headers.ETag = ETag;
        // A dashboard revalidates on every view; the answer can change with any commit, so it is never fresh by age.
        context.Response.Headers.CacheControl = "no-cache";
        var presented = context.Request.Headers.IfNoneMatch;
        if (presented.Count > 0 && EntityTagHeaderValue.TryParseList(presented, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(ETag)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(Body, "application/json; charset=utf-8");
    }
}

/// <summary>
/// The serialized answers of the document GETs (<c>GET /api/actors/{id}</c>, <c>GET /api/claims/{id}</c>) kept in
/// memory, dropped the moment a commit changes the documents they were made from (Marten listeners, below).
/// <para>
/// Never older than a committed write: a reader takes the key's generation BEFORE it loads, and its answer is kept
/// only if no invalidation of that key happened since (checked again after the store, so an invalidation that runs
/// between the check and the store still removes it). A reader that loaded before a commit can therefore not park
/// the old answer after the commit's invalidation. Invalidation runs after the database commit and, for inline
/// documents, inside <c>SaveChangesAsync</c>, so before the writer's HTTP response: the writer's next GET sees its write.
/// </para>
/// <para>
/// Bounded: at most <see cref="MaxBytes"/> of answers; past it, arbitrary entries are dropped (answers are rebuilt
/// from the database on the next miss, nothing is lost). Assumes this process sees every commit (the store runs in
/// Solo mode, one server per database); writes by another process (a CLI run against the same database while the
/// server runs) reach async documents through this process's daemon, inline claim documents through the live pump
/// (<c>LivePump.ForgetCachedClaims</c>: claim events only the daemon brought), so within the daemon's lag. Turn it off with <c>ClaimTracker:ReadCache=false</c>.
/// </para>
/// </summary>
public sealed class ReadCache(bool enabled = true, long maxBytes = ReadCache.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 64L * 1024 * 1024;
    private const int Stripes = 4096;

    private readonly ConcurrentDictionary<string, JsonAnswer> _answers = new();
    // Generations per stripe of keys, not per key: bounded memory; a bump in a stripe only costs other keys of the
    // stripe one store (their in-flight answer is not kept), never correctness.
    private readonly long[] _generations = new long[Stripes];
    private long _bytes;

    public bool Enabled { get; set; } = enabled;
    public long MaxBytes { get; } = maxBytes;
    public long Bytes => Interlocked.Read(ref _bytes);
    public int Count => _answers.Count;
    public long Hits;
    public long Misses;

    public static string ActorKey(string actorId) => "actor:" + actorId;
    public static string ClaimKey(Guid claimId) => "claim:" + claimId.ToString("N");

    /// <summary>Read before loading the documents an answer is made from.</summary>
    public long Generation(string key) => Volatile.Read(ref _generations[Stripe(key)]);

    public JsonAnswer? Find(string key)
    {
        if (!Enabled) return null;
        if (_answers.TryGetValue(key, out var answer)) { Interlocked.Increment(ref Hits); return answer; }
        Interlocked.Increment(ref Misses);
        return null;
    }

    /// <summary>Keeps the answer unless the key was invalidated since <paramref name="generation"/> was read.</summary>
    public void Keep(string key, long generation, JsonAnswer answer)
    {
        if (!Enabled || Generation(key) != generation) return;
        if (Bytes + answer.Body.Length > MaxBytes) Shed(answer.Body.Length);
        if (_answers.TryGetValue(key, out _) || !_answers.TryAdd(key, answer)) return;
        Interlocked.Add(ref _bytes, answer.Body.Length);
        // An invalidation between the check above and the add: it may have run its removal before our add.
        if (Generation(key) != generation) Remove(key, answer);
    }

    public void Invalidate(string key)
    {
        Interlocked.Increment(ref _generations[Stripe(key)]);   // first the generation, then the removal (see Keep)
        if (_answers.TryRemove(key, out var old)) Interlocked.Add(ref _bytes, -old.Body.Length);
    }

    public void Clear()
    {
        for (var i = 0; i < Stripes; i++) Interlocked.Increment(ref _generations[i]);
        foreach (var key in _answers.Keys) if (_answers.TryRemove(key, out var old)) Interlocked.Add(ref _bytes, -old.Body.Length);
    }

    private void Remove(string key, JsonAnswer answer)
    {
        if (_answers.TryRemove(new KeyValuePair<string, JsonAnswer>(key, answer))) Interlocked.Add(ref _bytes, -answer.Body.Length);
    }

    private void Shed(long room)
    {
        foreach (var (key, answer) in _answers)
        {
            if (Bytes + room <= MaxBytes * 3 / 4) return;   // drop a quarter at once, not one entry per store
            Remove(key, answer);
        }
    }

    private static int Stripe(string key) => (int)((uint)StringComparer.Ordinal.GetHashCode(key) % Stripes);
}

/// <summary>
/// Inline documents: the session listener runs after every commit of every session (HTTP endpoints, ingestion, the
/// claim matcher) with the documents the inline projections wrote: the claim page is <see cref="ClaimView"/>.
/// (Actor pages read from the statement views, after merges or beyond the ready-made list, are not kept at all.)
/// </summary>
public sealed class ReadCacheInlineListener(ReadCache cache) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var doc in commit.Updated.Concat(commit.Inserted))
        {
            if (doc is ClaimView claim) cache.Invalidate(ReadCache.ClaimKey(claim.Id));
        }
        foreach (var deletion in commit.Deleted)
        {
            if (deletion.DocumentType == typeof(ClaimView)) cache.Clear();   // not done by the API today; be safe
        }
        return Task.CompletedTask;
    }
}

/// <summary>Async documents: the daemon's listener runs after each batch it commits (actor document, statement list).</summary>
public sealed class ReadCacheAsyncListener(ReadCache cache) : IChangeListener
{
    public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var doc in commit.Updated.Concat(commit.Inserted))
        {
            switch (doc)
            {
                case ActorView actor: cache.Invalidate(ReadCache.ActorKey(actor.Id)); break;
                case ActorStatements list: cache.Invalidate(ReadCache.ActorKey(list.Id)); break;
            }
        }
        foreach (var deletion in commit.Deleted)
        {
            if (deletion.DocumentType == typeof(ActorView) || deletion.DocumentType == typeof(ActorStatements)) cache.Clear();
        }
        return Task.CompletedTask;
    }

    public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
}

public static class ReadCacheSetup
{
    public static IServiceCollection AddReadCache(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new ReadCache(config.GetValue("ClaimTracker:ReadCache", true),
            config.GetValue("ClaimTracker:ReadCacheMegabytes", ReadCache.DefaultMaxBytes / (1024 * 1024)) * 1024 * 1024));
        services.AddSingleton<ReadCacheInlineListener>();
        services.AddSingleton<ReadCacheAsyncListener>();
        return services;
    }

    /// <summary>Called from the event store configuration, next to the live push's listeners.</summary>
    public static void AddReadCache(this StoreOptions opts, IServiceProvider services)
    {
        opts.Listeners.Add(services.GetRequiredService<ReadCacheInlineListener>());
        opts.Projections.AsyncListeners.Add(services.GetRequiredService<ReadCacheAsyncListener>());
    }

    /// <summary>The JSON settings of the HTTP answers (what Results.Ok would use), for serializing ahead.</summary>
    public static JsonSerializerOptions JsonOf(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
}
