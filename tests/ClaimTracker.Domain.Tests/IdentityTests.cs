namespace ClaimTracker.Domain.Tests;

public class IdentityTests
{
    [Fact]
    public void Content_hash_ignores_typography_whitespace_and_case_but_not_words()
    {
        var a = ContentHash.Of("Kerry says “talks” will resume", ["GENEVA (Reuters) – Talks   will resume,\n Kerry said."]);
        var b = ContentHash.Of("kerry says \"talks\" will resume ", ["GENEVA (Reuters) - talks will resume, kerry said."]);
        var c = ContentHash.Of("Kerry says talks will not resume", ["GENEVA (Reuters) - Talks will not resume, Kerry said."]);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(64, a.Length);
    }

    [Fact]
    public void Deterministic_ids_are_stable_and_distinct_per_scope()
    {
        var first = Ids.Deterministic("article", "abc");
        Assert.Equal(first, Ids.Deterministic("article", "abc"));
        Assert.NotEqual(first, Ids.Deterministic("statement", "abc"));
        Assert.Equal(8, first.Version);
        Assert.NotEqual(Ids.Statement(first, 1), Ids.Statement(first, 2));
    }

    [Fact]
    public void Named_actor_ids_are_slugs_of_type_and_name()
    {
        Assert.Equal("person-john-kerry", ActorIds.For("John Kerry", "person", false, Guid.NewGuid()));
        Assert.Equal("government-russia", ActorIds.For("Russia", "government", false, Guid.NewGuid()));
        Assert.Equal("organization-medecins-sans-frontieres", ActorIds.For("Médecins Sans Frontières", "organization", false, Guid.NewGuid()));
        Assert.Equal("person-assads-adviser", ActorIds.For("Assad's adviser", "person", false, Guid.NewGuid()));
    }

    [Fact]
    public void Anonymous_actor_ids_are_scoped_to_their_article()
    {
        var article1 = Guid.NewGuid();
        var article2 = Guid.NewGuid();
        var inFirst = ActorIds.For("a diplomat", "anonymous", true, article1);
        Assert.StartsWith("anonymous-a-diplomat-", inFirst);
        Assert.Equal(inFirst, ActorIds.For("a diplomat", "anonymous", true, article1));
        Assert.NotEqual(inFirst, ActorIds.For("a diplomat", "anonymous", true, article2));
    }

    [Fact]
    public void Directory_follows_aliases_and_merges_and_stops_on_cycles()
    {
        var map = new Dictionary<string, string> { ["a"] = "b", ["b"] = "c", ["x"] = "y", ["y"] = "x" };
        Assert.Equal("c", ActorDirectory.Resolve("a", id => map.GetValueOrDefault(id)));
        Assert.Equal("z", ActorDirectory.Resolve("z", id => map.GetValueOrDefault(id)));
        Assert.Equal("y", ActorDirectory.Resolve("x", id => map.GetValueOrDefault(id)));
    }
}
