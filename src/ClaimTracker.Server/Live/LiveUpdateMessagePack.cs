using System.Globalization;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.SignalR;

namespace ClaimTracker.Server.Live;

/// <summary>
/// The MessagePack shape of an update is the JSON shape: the same camelCase keys, fields that do not apply left
/// out, `at` as an ISO 8601 string. So one contract (docs/api.md) holds for both protocols and the map stays small
/// (MessagePack's contractless default would write every null and PascalCase keys).
/// </summary>
public sealed class LiveUpdateFormatter : IMessagePackFormatter<LiveUpdate?>
{
    /// <summary>
    /// `at` exactly as System.Text.Json writes it for the JSON protocol: ISO 8601 with the fraction's trailing zeros
    /// left out ("O" would always write seven digits, so the two protocols differed whenever the last one was 0).
    /// </summary>
    public static string? IsoTime(DateTimeOffset? at) =>
        at?.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static readonly (string Key, Func<LiveUpdate, object?> Get)[] Fields =
    [
        ("topic", u => u.Topic), ("sequence", u => u.Sequence), ("kind", u => u.Kind), ("id", u => u.Id), ("version", u => u.Version),
        ("change", u => u.Change), ("at", u => IsoTime(u.At)),
        ("speaker", u => u.Speaker), ("speakerType", u => u.SpeakerType), ("anonymous", u => u.Anonymous), ("anonymityReason", u => u.AnonymityReason),
        ("cue", u => u.Cue), ("mode", u => u.Mode), ("snippet", u => u.Snippet), ("actorId", u => u.ActorId), ("articleId", u => u.ArticleId),
        ("headline", u => u.Headline), ("retracted", u => u.Retracted),
        ("text", u => u.Text), ("status", u => u.Status), ("supportCount", u => u.SupportCount), ("disputeCount", u => u.DisputeCount),
        ("supporters", u => u.Supporters), ("disputers", u => u.Disputers), ("stance", u => u.Stance),
        ("name", u => u.Name), ("statementCount", u => u.StatementCount), ("directCount", u => u.DirectCount), ("indirectCount", u => u.IndirectCount),
        ("mixedCount", u => u.MixedCount), ("retractedCount", u => u.RetractedCount), ("articleCount", u => u.ArticleCount),
        ("claimCount", u => u.ClaimCount), ("mergedInto", u => u.MergedInto),
        ("statements", u => u.Statements), ("count", u => u.Count), ("updates", u => u.Updates),
    ];

    public void Serialize(ref MessagePackWriter writer, LiveUpdate? value, MessagePackSerializerOptions options)
    {
        if (value is null) { writer.WriteNil(); return; }
        Span<bool> present = stackalloc bool[Fields.Length];
        var values = new object?[Fields.Length];
        var count = 0;
        for (var i = 0; i < Fields.Length; i++)
            if ((values[i] = Fields[i].Get(value)) is not null) { present[i] = true; count++; }
        writer.WriteMapHeader(count);
        for (var i = 0; i < Fields.Length; i++)
        {
            if (!present[i]) continue;
            writer.Write(Fields[i].Key);
            switch (values[i])
            {
                case string s: writer.Write(s); break;
                case long l: writer.Write(l); break;
                case int n: writer.Write(n); break;
                case bool b: writer.Write(b); break;
                case IReadOnlyList<string> list:
                    writer.WriteArrayHeader(list.Count);
                    foreach (var s in list) writer.Write(s);
                    break;
                case IReadOnlyList<LiveUpdate> updates:
                    writer.WriteArrayHeader(updates.Count);
                    foreach (var u in updates) Serialize(ref writer, u, options);
                    break;
                default: throw new InvalidOperationException($"No MessagePack shape for {values[i]!.GetType()}");
            }
        }
    }

    // The server only sends updates; clients read them into their own types.
    public LiveUpdate? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        throw new NotSupportedException("Updates are sent by the server, never received.");

    /// <summary>SignalR's MessagePack options with this formatter in front of its default resolvers.</summary>
    public static void Use(MessagePackHubProtocolOptions options) =>
        options.SerializerOptions = options.SerializerOptions.WithResolver(
            CompositeResolver.Create([new LiveUpdateFormatter()], [options.SerializerOptions.Resolver]));
}
