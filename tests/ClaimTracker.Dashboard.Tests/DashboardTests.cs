using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace ClaimTracker.Dashboard.Tests;

/// <summary>The dashboard in a real browser: it loads, goes live, and shows what is posted over HTTP without a reload.</summary>
public sealed class DashboardTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    public static string ArtifactsFolder => Path.Combine(AppContext.BaseDirectory, "artifacts");

    private async Task<(string ArticleId, List<string> Statements)> PostStory(string headline, string body)
    {
        var response = await app.Http.PostAsJsonAsync("/api/articles", new { headline, body });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var articleId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articles")[0].GetProperty("id").GetString()!;
        var article = await app.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}");
        return (articleId, article.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("statementId").GetString()!).ToList());
    }

    /// <summary>The wall in a new page, live; script errors collect in the list. <paramref name="before"/> runs before it loads.</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenWall(Action<IPage>? before = null)
    {
        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        before?.Invoke(page);
        await page.GotoAsync(app.BaseAddress.ToString());
        await Assertions.Expect(page.Locator("#conn")).ToHaveTextAsync("live", new() { Timeout = 20_000 });
        return (page, errors);
    }

    [Fact]
    public async Task The_wall_shows_new_statements_and_contested_claims_live_without_a_reload()
    {
        var (page, errors) = await OpenWall();

        // Hostile text must show up as text, never as markup.
        var (_, first) = await PostStory("Ministers clash over <b>border</b> talks",
            "GENEVA (Reuters) - Foreign Minister Anna Berg said on Monday that the border talks would resume next week <img src=x onerror=alert(1)>.\n" +
            "A senior diplomat, who declined to be named, said the talks had stalled over security guarantees.");
        await Assertions.Expect(page.Locator($"#feed li[data-id='{first[0]}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#feed")).ToContainTextAsync("Berg");
        Assert.Equal(0, await page.Locator("#feed img").CountAsync());

        var (_, second) = await PostStory("Opposition says talks collapsed",
            "ROME (Reuters) - Opposition leader Carl Moss said on Tuesday that the border talks had collapsed and would not resume.");
        var claim = await (await app.Http.PostAsJsonAsync("/api/claims", new { text = "The border talks will resume next week" })).Content.ReadFromJsonAsync<JsonElement>();
        var claimId = claim.GetProperty("id").GetString()!;
        Assert.True((await app.Http.PostAsJsonAsync($"/api/claims/{claimId}/statements", new { statementId = first[0], stance = "supports" })).IsSuccessStatusCode);
        // The dispute comes as the claim matcher would link it: automatic, with a score and its reason.
        Assert.True((await app.Http.PostAsJsonAsync($"/api/claims/{claimId}/statements", new
        {
            statementId = second[0], stance = "disputes", automatic = true, score = 0.62,
            explanation = "shared: border, talks, resume; negated restatement",
        })).IsSuccessStatusCode);

        var contested = page.Locator($"#contested li[data-id='{claimId}']");
        await Assertions.Expect(contested).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(contested).ToContainTextAsync("Moss");
        await Assertions.Expect(page.Locator("#share-chart svg rect").First).ToBeVisibleAsync();
        // Top actors come from an async read model; the wall refreshes them shortly after statements land.
        await Assertions.Expect(page.Locator("#top-actors")).ToContainTextAsync("Anna Berg", new() { Timeout = 15_000 });

        Directory.CreateDirectory(ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, "dashboard-wall.png"), FullPage = true });

        // The claim page with its support/dispute timeline, live too.
        await contested.Locator("a.claim-text").ClickAsync();
        await Assertions.Expect(page.Locator("#page h1")).ToHaveTextAsync("The border talks will resume next week");
        await Assertions.Expect(page.Locator("#page svg polyline").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#page")).ToContainTextAsync("matched automatically, score 0.62");
        await Assertions.Expect(page.Locator("#page .why")).ToHaveTextAsync("why: shared: border, talks, resume; negated restatement");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, "dashboard-claim.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_bulk_import_of_several_stories_reaches_the_open_wall_as_one_digest_with_every_statement()
    {
        // Counts the `feed` update messages the page's SignalR connection receives: records of the JSON hub protocol
        // (a WebSocket frame may carry several, each ended by 0x1E), not frames; `contested` has its own.
        var frames = 0;
        var (page, errors) = await OpenWall(p => p.WebSocket += (_, ws) => ws.FrameReceived += (_, f) =>
        {
            foreach (var record in (f.Text ?? "").Split('\u001e'))
                if (record.Contains("\"target\":\"update\"") && record.Contains("\"topic\":\"feed\"")) Interlocked.Increment(ref frames);
        });
        // Ready once every topic is subscribed: the feed's first-load replay came before that answer.
        await page.WaitForFunctionAsync("() => window.claimTrackerReady === true", null, new() { Timeout = 20_000 });
        await Task.Delay(500);
        var before = Volatile.Read(ref frames);

        // Three stories in one request, in the seed layout: one page of events, so one digest.
        var body = string.Join("\n\n", Enumerable.Range(1, 3).Select(i =>
            $"Harbour talks round {i} ends\n\nOSLO (Reuters) - Harbour master Ola Nordmann{i} said on Friday that round {i} of the harbour talks had ended without a deal."));
        var response = await app.Http.PostAsync("/api/articles", new StringContent(body, System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var articles = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.Equal(3, articles.Count);
        foreach (var id in articles)
        {
            var article = await app.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
            var statementId = Assert.Single(article.GetProperty("statements").EnumerateArray()).GetProperty("statementId").GetString()!;
            await Assertions.Expect(page.Locator($"#feed li[data-id='{statementId}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
        await Assertions.Expect(page.Locator("#feed")).ToContainTextAsync("Ola Nordmann2");
        Assert.Equal(1, Volatile.Read(ref frames) - before);   // one `update` for the three stories
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_open_actor_page_redraws_once_per_message_not_once_per_change_a_digest_gathers()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var speaker = $"Harbour master Kari Redraw{run}";
        var (articleId, _) = await PostStory($"Harbour talks {run} open", $"OSLO (Reuters) - {speaker} said on Monday that the harbour talks would open on Friday.");
        var actorId = (await app.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}")).GetProperty("statements")[0].GetProperty("actorId").GetString()!;

        // What the page's connection receives on the actor's topic (messages, and the changes they carry) and how
        // often the page reads the actor over HTTP.
        int messages = 0, changes = 0, fetches = 0;
        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Request += (_, r) => { if (r.Url.Contains("/api/actors/" + actorId)) Interlocked.Increment(ref fetches); };
        page.WebSocket += (_, ws) => ws.FrameReceived += (_, f) =>
        {
            foreach (var record in (f.Text ?? "").Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
            {
                using var doc = JsonDocument.Parse(record);
                if (!doc.RootElement.TryGetProperty("target", out var target) || target.GetString() != "update") continue;
                var u = doc.RootElement.GetProperty("arguments")[0];
                if (u.GetProperty("topic").GetString() != "actor:" + actorId) continue;
                Interlocked.Increment(ref messages);
                Interlocked.Add(ref changes, u.GetProperty("kind").GetString() == "digest" ? u.GetProperty("count").GetInt32() : 1);
            }
        };
        await page.GotoAsync(app.BaseAddress + "#/actor/" + actorId);
        await Assertions.Expect(page.Locator("#conn")).ToHaveTextAsync("live", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#page h1")).ToContainTextAsync($"Kari Redraw{run}", new() { Timeout = 15_000 });   // the name, without its title
        await Task.Delay(1000);
        var (messagesBefore, changesBefore, fetchesBefore) = (Volatile.Read(ref messages), Volatile.Read(ref changes), Volatile.Read(ref fetches));

        // Three stories by the speaker in one request: one page of events, so one digest on the actor's topic.
        var body = string.Join("\n\n", Enumerable.Range(1, 3).Select(i =>
            $"Harbour talks {run} round {i}\n\nOSLO (Reuters) - {speaker} said on Friday that round {i} of the harbour talks had ended."));
        var response = await app.Http.PostAsync("/api/articles", new StringContent(body, System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Assertions.Expect(page.Locator("#page .stat").First).ToContainTextAsync("4", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#page .snippet")).ToHaveCountAsync(4);
        await Task.Delay(1500);   // a redraw still queued would show up here

        var received = Volatile.Read(ref messages) - messagesBefore;
        var gathered = Volatile.Read(ref changes) - changesBefore;
        var redraws = Volatile.Read(ref fetches) - fetchesBefore;
        Assert.True(gathered > received, $"no digest reached the page: {received} messages, {gathered} changes");
        Assert.InRange(redraws, 1, received);   // before: one fetch per change, i.e. {gathered}
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_freshly_opened_wall_shows_the_latest_story_even_after_hundreds_of_claim_events()
    {
        // After the seeds, the claim matcher appends hundreds of claim events behind the last story. The wall's
        // first-load replay of the feed must reach past them: it replayed 300 sequences and showed an empty feed.
        var (_, statements) = await PostStory("Port reopens after strike",
            "HAMBURG (Reuters) - Port director Jan Vogt said on Wednesday the container terminals would reopen on Thursday.");
        for (var i = 0; i < 400; i++)
            (await app.Http.PostAsJsonAsync("/api/claims", new { text = $"the port handled {i} ships last week" })).EnsureSuccessStatusCode();

        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        await page.GotoAsync(app.BaseAddress.ToString());
        await Assertions.Expect(page.Locator($"#feed li[data-id='{statements[0]}']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#share-chart svg")).ToBeVisibleAsync();
    }

    /// <summary>Elements that stick out past the right edge of their box (a panel, the page), as "tag.class: text".</summary>
    private static Task<string[]> Overflowing(IPage page, string boxes) => page.EvaluateAsync<string[]>(@"sel => {
        const bad = [];
        for (const box of document.querySelectorAll(sel)) {
            const edge = box.getBoundingClientRect().right + 1;
            for (const e of box.querySelectorAll('*')) {
                const r = e.getBoundingClientRect();
                if (r.width > 0 && r.right > edge) bad.push(e.tagName.toLowerCase() + '.' + e.getAttribute('class') + ': ' + (e.textContent || '').slice(0, 50));
            }
        }
        if (document.documentElement.scrollWidth > window.innerWidth) bad.push('the page scrolls sideways');
        return bad;
    }", boxes);

    [Fact]
    public async Task Very_long_names_and_headlines_RTL_and_emoji_stay_inside_their_panels_and_hostile_text_stays_text()
    {
        const string longName = "Maximiliana Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflege";
        var (longStory, longStatements) = await PostStory(string.Concat(Enumerable.Repeat("Supercalifragilistic", 12)) + " ministers meet again",
            $"GENEVA (Reuters) - Finance Minister {longName} said on Monday that the talks would resume at https://example.com/{new string('a', 150)}.\n" +
            $"\"We will not accept this,\" {longName} told reporters.");
        var (_, rtl) = await PostStory("وزير الخارجية يقول إن المحادثات ستستأنف 🙂🔥",
            "CAIRO (Reuters) - Foreign Minister Sameh Shoukry said on Monday that المحادثات ستستأنف الأسبوع المقبل 🔥.\n\"نحن لن نقبل هذا,\" Shoukry told reporters.");
        var (_, hostile) = await PostStory("<img src=x onerror=window.__pwned=1> <script>window.__pwned=2</script>",
            "LONDON (Reuters) - Trade Minister Joan Smith said on Monday that <img src=x onerror=window.__pwned=3> tariffs would rise.");
        var (silent, none) = await PostStory("A story in which nobody says anything", "PARIS (Reuters) - The weather in Paris was mild on Monday, with light rain in the evening.");
        Assert.Empty(none);
        // Many contested claims, one with the long name on both sides.
        var all = longStatements.Concat(rtl).Concat(hostile).ToList();
        for (var i = 0; i < 30; i++)
        {
            var claim = await (await app.Http.PostAsJsonAsync("/api/claims", new { text = $"Claim {i}: " + string.Concat(Enumerable.Repeat("the border reopens for trade and aid convoys ", 1 + i % 4)) + new string('Z', i % 5 == 0 ? 90 : 0) }))
                .Content.ReadFromJsonAsync<JsonElement>();
            var id = claim.GetProperty("id").GetString()!;
            Assert.True((await app.Http.PostAsJsonAsync($"/api/claims/{id}/statements", new { statementId = all[i % all.Count], stance = "supports" })).IsSuccessStatusCode);
            Assert.True((await app.Http.PostAsJsonAsync($"/api/claims/{id}/statements", new { statementId = all[(i + 1) % all.Count], stance = "disputes" })).IsSuccessStatusCode);
        }

        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(app.BaseAddress.ToString());
        await Assertions.Expect(page.Locator($"#feed li[data-id='{longStatements[0]}']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#contested li").Nth(20)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#top-actors")).ToContainTextAsync("Wolfeschlegel", new() { Timeout = 20_000 });
        Directory.CreateDirectory(ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, "dashboard-odd-wall.png") });
        Assert.Empty(await Overflowing(page, "#wall .panel"));

        foreach (var route in new[] { $"#/article/{longStory}", $"#/actors", $"#/articles" })
        {
            await page.GotoAsync(app.BaseAddress + route);
            await Assertions.Expect(page.Locator("#page h1")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, $"dashboard-odd-{route.Split('/')[1]}.png"), FullPage = true });
            Assert.Empty(await Overflowing(page, "#page"));
        }
        await page.GotoAsync(app.BaseAddress + "#/actors");
        await page.Locator("#page a", new() { HasText = "Wolfeschlegel" }).ClickAsync();
        await Assertions.Expect(page.Locator("#page h1")).ToContainTextAsync("Wolfeschlegel", new() { Timeout = 20_000 });
        Assert.Empty(await Overflowing(page, "#page"));

        // A story with no statements says so instead of showing empty headings.
        await page.GotoAsync(app.BaseAddress + $"#/article/{silent}");
        await Assertions.Expect(page.Locator("#page")).ToContainTextAsync("No attributed statements", new() { Timeout = 20_000 });

        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, await page.Locator("#wall img, #page img").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_page_of_a_merged_claim_leads_to_the_claim_that_absorbed_it()
    {
        async Task<string> Open(string text) =>
            (await (await app.Http.PostAsJsonAsync("/api/claims", new { text })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var surviving = await Open("the ferry service resumes in June");
        var absorbed = await Open("ferries back in June");
        Assert.True((await app.Http.PostAsJsonAsync($"/api/claims/{surviving}/merge", new { claimId = absorbed, reason = "same proposition" })).IsSuccessStatusCode);

        var page = await app.Browser.NewPageAsync();
        await page.GotoAsync(app.BaseAddress + $"#/claim/{absorbed}");
        await Assertions.Expect(page.Locator("#page h1")).ToHaveTextAsync("ferries back in June", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator($"#page a[href='#/claim/{surviving}']")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#page svg").CountAsync());   // no support/dispute chart with nothing to draw
        await page.Locator($"#page a[href='#/claim/{surviving}']").ClickAsync();
        await Assertions.Expect(page.Locator("#page h1")).ToHaveTextAsync("the ferry service resumes in June");
    }
}
