namespace ClaimTracker.Domain;

// Actor curation stream (stream id = Ids.ActorStream(actorId)). Statements are credited to actors by the ingestion
// using the extractor's resolved speaker; these events let an editor say that two spellings are one actor.

/// <summary>
/// An editor declared that another name (as the extractor would resolve it) refers to this actor, e.g.
/// "Zekeria Karsli" is "Zekeriya Karsli". Statements ingested later under the alias are credited to the actor.
/// </summary>
public sealed record ActorAliasAdded(
    string ActorId,
    string Alias,
    string AliasActorId,
    string AddedBy,
    DateTimeOffset AddedAt);

/// <summary>What an actor had accumulated when it was merged into another; moved in one piece.</summary>
public sealed record ActorTally(
    int StatementCount,
    int DirectCount,
    int IndirectCount,
    int MixedCount,
    int RetractedCount,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Affiliations,
    IReadOnlyList<string> Media,
    IReadOnlyList<Guid> Articles,
    IReadOnlyList<Guid> StatementIds,
    IReadOnlyList<ActorStatement> LatestStatements,
    IReadOnlyList<ActorClaim> Claims,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen);

/// <summary>
/// Two actor ids turned out to be one actor. Appended to the survivor's curation stream; the absorbed actor's
/// statements, claims and names move to the survivor (<see cref="Moved"/> records exactly what moved), and new
/// statements resolved to the absorbed id are credited to the survivor from then on.
/// </summary>
public sealed record ActorsMerged(
    string SurvivingActorId,
    string AbsorbedActorId,
    string AbsorbedName,
    ActorTally Moved,
    string MergedBy,
    DateTimeOffset MergedAt,
    string? Reason);
