// ClaimTracker live desk. Every piece of article text goes into the page as text nodes (el() below), never as markup.
"use strict";
(() => {
  const params = new URLSearchParams(location.search);
  const key = params.get("key") || localStorage.getItem("claimtracker-key") || null;   // only needed when reads are closed
  if (params.get("key")) localStorage.setItem("claimtracker-key", params.get("key"));
  // On first load, replay this many recent sequences so the wall is not empty. Generous: the claim matcher appends
  // hundreds of claim events after a batch of stories (after the seeds, the last 300 held no story at all).
  const BACKLOG = 5000;
  const MAX_FEED = 60;

  // ---- tiny DOM helper: strings become text nodes --------------------------------------------------------
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }
  const svgNs = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const e = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  const $ = id => document.getElementById(id);
  async function api(path) {
    const r = await fetch(path, { headers: key ? { Authorization: "Bearer " + key } : {} });
    if (!r.ok) throw new Error(path + " answered " + r.status);
    return r.json();
  }
  const when = t => t ? new Date(t).toLocaleString() : "";

  // ---- live connection: resume every topic from the last sequence seen -------------------------------------
  const lastSeq = new Map();     // topic -> last sequence received
  const handlers = new Map();    // topic -> function(update)
  let deferDraw = false, drawDeferred = false;   // while a digest is handled the share chart is drawn once, at its end
  const conn = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live", key ? { accessTokenFactory: () => key } : {})
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10000, 500 * (ctx.previousRetryCount + 1)) })
    .build();
  function setState(state, label) { const c = $("conn"); c.dataset.state = state; c.textContent = label; }
  conn.on("update", u => {
    const seen = lastSeq.get(u.topic) ?? -1;
    if (u.sequence <= seen) return;                // the server already guarantees this; cheap belt and braces
    lastSeq.set(u.topic, u.sequence);
    const h = handlers.get(u.topic);
    if (!h) return;
    // A page that redraws from HTTP takes a digest as one change: one fetch, not one per change it gathers.
    if (u.kind !== "digest" || h.wholeMessage) { h(u); return; }
    // Several changes of the topic in one message (a bulk import, a burst): each as if it had come alone, the
    // share chart drawn once at the end.
    deferDraw = true;
    try { for (const x of u.updates || []) h(x); } finally { deferDraw = false; }
    if (drawDeferred) drawShare();
  });
  // Resumes a topic from the last sequence seen. A server whose store was reset refuses a mark beyond its newest
  // event: then the topic starts again from now.
  async function resume(topic) {
    try { await conn.invoke("Subscribe", topic, lastSeq.get(topic)); }
    catch (e) {
      if (!String(e && e.message).includes("beyond the newest event")) throw e;
      lastSeq.set(topic, await conn.invoke("Subscribe", topic, null));
    }
  }
  async function subscribe(topic, handler, backlog) {
    handlers.set(topic, handler);
    if (conn.state !== signalR.HubConnectionState.Connected) return;
    if (lastSeq.has(topic)) { await resume(topic); return; }
    const mark = await conn.invoke("Subscribe", topic, null);     // live from `mark`
    if (backlog) { lastSeq.set(topic, Math.max(0, mark - backlog)); await conn.invoke("Subscribe", topic, lastSeq.get(topic)); }
    else lastSeq.set(topic, mark);
  }
  async function unsubscribe(topic) {
    handlers.delete(topic); lastSeq.delete(topic);
    if (conn.state === signalR.HubConnectionState.Connected) await conn.invoke("Unsubscribe", topic);
  }
  async function resubscribeAll() {
    for (const topic of handlers.keys())
      if (lastSeq.has(topic)) await resume(topic);
      else lastSeq.set(topic, await conn.invoke("Subscribe", topic, null));
  }
  conn.onreconnecting(() => setState("reconnecting", "reconnecting…"));
  conn.onreconnected(async () => { setState("live", "live"); await resubscribeAll(); });
  conn.onclose(() => { setState("offline", "offline — retrying"); setTimeout(start, 3000); });
  async function start() {
    try {
      setState("connecting", "connecting…");
      await conn.start();
      setState("live", "live");
      for (const [topic, h] of handlers) await subscribe(topic, h, topic === "feed" ? BACKLOG : 0);
      $("feed").dataset.empty = "No statements yet: they appear here as stories land.";
      window.claimTrackerReady = true;
    } catch (e) {
      setState("offline", "offline — retrying");
      setTimeout(start, 3000);
    }
  }

  // ---- the wall ---------------------------------------------------------------------------------------------
  let actorsTimer = 0;
  const storyShare = new Map();   // articleId -> {headline, named, anonymous}
  function statementItem(u) {
    const anon = !!u.anonymous;
    return el("li", { "data-id": u.id, "data-kind": "statement" },
      el("div", {},
        el("a", { class: "who", href: "#/actor/" + encodeURIComponent(u.actorId || "") }, u.speaker || "unknown"),
        el("span", { class: "tag " + (anon ? "anonymous" : "named") }, anon ? "anonymous" : "named"),
        u.retracted ? el("span", { class: "tag retracted" }, "retracted") : null,
        " ", el("span", { class: "cue" }, u.cue || "")),
      el("div", { class: "snippet" }, u.snippet || ""),
      el("div", { class: "meta" },
        el("a", { href: "#/article/" + (u.articleId || "") }, u.headline || "article"),
        anon && !u.anonymityReason ? " · no reason given for anonymity" : "",
        u.change && u.change !== "recorded" ? " · " + u.change : ""));
  }
  function onFeed(u) {
    if (u.kind === "article") {
      if (!storyShare.has(u.articleId)) storyShare.set(u.articleId, { headline: u.headline, named: 0, anonymous: 0 });
      for (const s of u.statements || []) onFeed(s);   // one message per story: its statements ride inside
      drawShare(); return;
    }
    if (u.kind !== "statement") return;
    const list = $("feed");
    const old = list.querySelector(`li[data-id="${CSS.escape(u.id)}"]`);
    const item = statementItem(u);
    if (old) old.replaceWith(item); else list.prepend(item);
    while (list.children.length > MAX_FEED) list.lastChild.remove();
    if (u.change === "recorded") {
      const s = storyShare.get(u.articleId) || { headline: u.headline, named: 0, anonymous: 0 };
      s.headline = u.headline || s.headline;
      if (u.anonymous) s.anonymous++; else s.named++;
      storyShare.set(u.articleId, s);
      drawShare();
      clearTimeout(actorsTimer); actorsTimer = setTimeout(loadTopActors, 1500);   // counts come from an async read model
    }
  }
  function claimItem(c) {
    return el("li", { "data-id": c.id, "data-kind": "claim" },
      el("a", { class: "claim-text", href: "#/claim/" + c.id }, c.text || "(claim)"),
      el("div", { class: "sides" },
        el("div", { class: "sup" }, "▲ asserts: ", (c.supporters || []).join(", ") || String(c.supportCount ?? 0)),
        el("div", { class: "dis" }, "▼ disputes: ", (c.disputers || []).join(", ") || String(c.disputeCount ?? 0))),
      el("div", { class: "meta" }, `${c.supportCount ?? 0} supporting · ${c.disputeCount ?? 0} disputing · v${c.version}`));
  }
  function onContested(u) {
    const list = $("contested");
    const old = list.querySelector(`li[data-id="${CSS.escape(u.id)}"]`);
    if (u.status !== "contested") { if (old) old.remove(); return; }
    const item = claimItem(u);
    if (old) old.remove();
    list.prepend(item);
  }
  // Named vs anonymous statements per story, newest stories on the right: a stacked bar chart in SVG.
  function drawShare() {
    drawDeferred = deferDraw;
    if (deferDraw) return;
    const stories = [...storyShare.values()].filter(s => s.named + s.anonymous > 0).slice(-12);
    const box = $("share-chart"); box.replaceChildren();
    if (!stories.length) { box.append(el("p", { class: "empty" }, "Waiting for statements…")); return; }
    const W = 320, H = 150, bw = W / stories.length;
    const g = svg("svg", { viewBox: `0 0 ${W} ${H + 22}`, role: "img", "aria-label": "Named versus anonymous statements per story" });
    stories.forEach((s, i) => {
      const total = s.named + s.anonymous, an = H * s.anonymous / total;
      const r1 = svg("rect", { x: i * bw + 2, y: 0, width: bw - 4, height: H - an, fill: "var(--named)" });
      const r2 = svg("rect", { x: i * bw + 2, y: H - an, width: bw - 4, height: an, fill: "var(--anon)" });
      r1.append(svg("title", {}, `${s.headline}: ${s.named} named, ${s.anonymous} anonymous`));
      g.append(r1, r2);
    });
    const totalAnon = stories.reduce((a, s) => a + s.anonymous, 0), total = stories.reduce((a, s) => a + s.named + s.anonymous, 0);
    g.append(svg("text", { x: 0, y: H + 16, fill: "var(--dim)", "font-size": 11 },
      `blue named · amber anonymous · ${Math.round(100 * totalAnon / total)}% anonymous`));
    box.append(g);
  }
  async function loadWall() {
    try {
      const claims = await api("/api/claims?status=contested&pageSize=30");
      for (const c of claims.items.slice().reverse()) onContested({ ...c, kind: "claim" });
      $("contested").dataset.empty = "No contested claims: a claim appears here once one source supports it and another disputes it.";
    } catch (e) { $("contested").dataset.empty = `Could not load the contested claims (${e.message}); new ones still arrive live.`; }
    await loadTopActors();
  }
  async function loadTopActors() {
    try {
      const actors = await api("/api/actors?pageSize=12");
      $("top-actors").replaceChildren(...actors.items.map(a => el("li", {},
        el("a", { href: "#/actor/" + encodeURIComponent(a.id) }, a.name, a.anonymous ? el("span", { class: "tag anonymous" }, "anon") : null),
        el("span", { class: "meta" }, String(a.statementCount)))));
      $("top-actors").dataset.empty = "No speakers yet.";
    } catch (e) { $("top-actors").dataset.empty = `Could not load the most quoted (${e.message}).`; }
  }
  setInterval(loadTopActors, 15000);   // the ranking is an async read model; a slow refresh is plenty

  // ---- pages: claim, actor, article, actors ------------------------------------------------------------------
  let pageTopic = null, shown = 0;
  async function show(route) {
    const mine = ++shown;   // a redraw still pending for a page the reader has left is dropped
    if (pageTopic) { await unsubscribe(pageTopic).catch(() => {}); pageTopic = null; }
    const [, kind, id] = route.split("/");
    const page = $("page"), wall = $("wall");
    if (!kind) { page.hidden = true; wall.hidden = false; return; }
    wall.hidden = true; page.hidden = false; page.replaceChildren(el("p", { class: "empty" }, "Loading…"));
    const render = { claim: renderClaim, actor: renderActor, article: renderArticle, actors: renderActors, articles: renderArticles }[kind];
    if (!render) { page.replaceChildren(el("p", {}, "Unknown page.")); return; }
    const draw = async () => { try { await render(page, decodeURIComponent(id || "")); } catch (e) { page.replaceChildren(el("p", { class: "empty" }, String(e.message))); } };
    // Changes that arrive while a redraw is under way ask for one more redraw after it, not one each.
    let drawing = null, again = false;
    const redraw = () => {
      if (mine !== shown) return;
      if (drawing) { again = true; return; }
      drawing = draw().finally(() => { drawing = null; if (again) { again = false; redraw(); } });
    };
    redraw.wholeMessage = true;
    // Listen first, then read: a change committed between the two still redraws the page.
    if (kind !== "actors" && kind !== "articles") {
      pageTopic = `${kind}:${decodeURIComponent(id)}`;
      // An id the hub refuses (not a GUID: the read below says "not found") still draws the page, without live updates.
      try { await subscribe(pageTopic, redraw, 0); } catch { handlers.delete(pageTopic); pageTopic = null; }
    }
    redraw();
    await drawing;
  }
  async function renderClaim(page, id) {
    const c = await api("/api/claims/" + id);
    const links = c.links || [];
    page.replaceChildren(
      el("h1", {}, c.text),
      el("div", { class: "stats" },
        el("div", { class: "stat" }, el("b", {}, c.status), el("span", {}, "status")),
        el("div", { class: "stat sup" }, el("b", {}, String(c.supportCount)), el("span", {}, "supporting")),
        el("div", { class: "stat dis" }, el("b", {}, String(c.disputeCount)), el("span", {}, "disputing")),
        el("div", { class: "stat" }, el("b", {}, Math.round(100 * (c.anonymousSupportShare || 0)) + "%"), el("span", {}, "anonymous support"))),
      // An old link to an absorbed claim must lead on to the claim that carries its sources now.
      c.mergedInto ? el("p", {}, "Merged into ", el("a", { href: "#/claim/" + c.mergedInto }, "the surviving claim"), ": its sources and timeline continue there.") : "",
      c.verdict ? el("p", {}, "Verdict: ", el("b", {}, c.verdict.rating), " — ", c.verdict.summary) : "",
      links.length ? el("h2", {}, "Support and dispute over time") : "", links.length ? timelineChart(c.timeline || []) : "",
      el("h2", {}, "Sources"),
      links.length || c.mergedInto ? "" : el("p", { class: "empty" }, "No statement is linked to this claim yet."),
      el("ol", { class: "items" }, links.map(l => el("li", {},
        el("span", { class: l.stance === "supports" ? "sup" : "dis" }, l.stance === "supports" ? "▲ " : "▼ "),
        el("a", { class: "who", href: "#/actor/" + encodeURIComponent(l.statement.actorId) }, l.statement.speaker),
        el("span", { class: "tag " + (l.statement.anonymous ? "anonymous" : "named") }, l.statement.anonymous ? "anonymous" : "named"),
        l.retracted ? el("span", { class: "tag retracted" }, "retracted") : null,
        el("div", { class: "snippet" }, l.statement.content),
        el("div", { class: "meta" }, el("a", { href: "#/article/" + l.statement.articleId }, l.statement.articleHeadline), " · ",
          l.automatic ? `matched automatically, score ${Number(l.score ?? 0).toFixed(2)}` : "linked by " + l.linkedBy),
        // A fact-checker reviews an automatic link by its reason: what it was linked through, the shared words, the stance cue.
        l.automatic && l.explanation ? el("div", { class: "meta why" }, "why: " + l.explanation) : null))),
      el("h2", {}, "Timeline"),
      el("ol", { class: "items" }, (c.timeline || []).slice().reverse().map(t => el("li", {},
        el("b", {}, t.kind), " ", t.speaker || "", t.stance ? ` (${t.stance})` : "", el("div", { class: "meta" }, when(t.at), " · ", t.by || "", t.detail ? " · " + t.detail : "")))));
  }
  // Running count of supporting (green, up) and disputing (red, down) links, one step per timeline entry.
  function timelineChart(timeline) {
    const W = 700, H = 160, mid = H / 2;
    let sup = 0, dis = 0; const pts = [[0, 0, 0]];
    for (const t of timeline) {
      const delta = /unlink|retract/i.test(t.kind) ? -1 : /link/i.test(t.kind) ? 1 : 0;
      if (t.stance === "supports") sup += delta; else if (t.stance === "disputes") dis += delta;
      pts.push([pts.length, sup, dis]);
    }
    const max = Math.max(1, ...pts.map(p => Math.max(p[1], p[2]))), sx = W / Math.max(1, pts.length - 1), sy = (mid - 10) / max;
    const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Support and dispute over time", style: "max-width:700px" });
    g.append(svg("line", { x1: 0, y1: mid, x2: W, y2: mid, stroke: "var(--line)" }));
    g.append(svg("polyline", { points: pts.map(p => `${p[0] * sx},${mid - p[1] * sy}`).join(" "), fill: "none", stroke: "var(--sup)", "stroke-width": 3 }));
    g.append(svg("polyline", { points: pts.map(p => `${p[0] * sx},${mid + p[2] * sy}`).join(" "), fill: "none", stroke: "var(--dis)", "stroke-width": 3 }));
    g.append(svg("text", { x: 4, y: 14, fill: "var(--sup)", "font-size": 12 }, `supporting ${sup}`));
    g.append(svg("text", { x: 4, y: H - 4, fill: "var(--dis)", "font-size": 12 }, `disputing ${dis}`));
    return g;
  }
  async function renderActor(page, id) {
    const d = await api("/api/actors/" + encodeURIComponent(id));
    const a = d.actor || d;
    const statements = d.statements || a.latestStatements || [];
    page.replaceChildren(
      el("h1", {}, a.name, el("span", { class: "tag " + (a.anonymous ? "anonymous" : "named") }, a.type)),
      el("div", { class: "stats" },
        el("div", { class: "stat" }, el("b", {}, String(a.statementCount)), el("span", {}, "statements")),
        el("div", { class: "stat" }, el("b", {}, String(a.articleCount ?? (a.articles || []).length)), el("span", {}, "stories")),
        el("div", { class: "stat" }, el("b", {}, String(a.claimCount ?? (a.claims || []).length)), el("span", {}, "claims"))),
      el("p", { class: "meta" }, [...(a.roles || []), ...(a.affiliations || [])].join(" · ")),
      (a.claims || []).length ? el("h2", {}, "Claims they bear on") : "",
      (a.claims || []).length ? el("ol", { class: "items" }, a.claims.map(c => el("li", {},
        el("a", { class: "claim-text", href: "#/claim/" + c.claimId }, c.text || "(claim)"),
        el("div", { class: "meta" }, c.supports ? el("span", { class: "sup" }, `▲ supports ×${c.supports} `) : "",
          c.disputes ? el("span", { class: "dis" }, `▼ disputes ×${c.disputes}`) : "")))) : "",
      el("h2", {}, "Everything they said"),
      // The answer carries one page (the newest first); say so when there are more.
      el("p", { class: "meta" }, d.total > statements.length ? `newest ${statements.length} of ${d.total}` : ""),
      el("ol", { class: "items" }, statements.map(s => {
        const at = s.current?.attribution || s.attribution || s;
        const date = when(s.publishedAt || s.recordedAt);
        return el("li", {}, el("span", { class: "cue" }, at.cue || ""), s.retracted ? el("span", { class: "tag retracted" }, "retracted") : null,
          el("div", { class: "snippet" }, at.content || s.content || ""),
          el("div", { class: "meta" }, el("a", { href: "#/article/" + (s.articleId || "") }, s.articleHeadline || "article"), date ? " · " + date : ""));
      })));
  }
  async function renderArticle(page, id) {
    const a = await api("/api/articles/" + id);
    const r = a.report || {};
    page.replaceChildren(
      el("h1", {}, a.headline),
      el("p", { class: "meta" }, [a.dateline, a.publishedAt ? "published " + when(a.publishedAt) : "no publication date; ingested " + when(a.ingestedAt)]
        .filter(Boolean).join(" · ")),
      el("div", { class: "stats" },
        el("div", { class: "stat" }, el("b", {}, String(r.statements ?? 0)), el("span", {}, "statements")),
        el("div", { class: "stat" }, el("b", {}, Math.round(100 * (r.anonymousShare || 0)) + "%"), el("span", {}, "anonymous share")),
        el("div", { class: "stat" }, el("b", {}, String(r.namedSources ?? 0)), el("span", {}, "named sources")),
        el("div", { class: "stat" }, el("b", {}, String(r.anonymousSources ?? 0)), el("span", {}, "anonymous sources"))),
      el("h2", {}, "Anonymous sources with no stated reason"),
      (r.anonymousWithoutReason || []).length
        ? el("ol", { class: "items" }, r.anonymousWithoutReason.map(s => el("li", {}, el("b", {}, s.speakerText || s.speaker), el("span", { class: "meta" }, ` paragraph ${s.paragraph}`))))
        : el("p", { class: "empty" }, r.anonymousStatements ? "None: every anonymous source comes with a reason." : "No anonymous sources in this story."),
      el("h2", {}, "Who speaks"),
      el("ol", { class: "items compact" }, (r.bySpeaker || []).map(s => el("li", {},
        el("a", { href: "#/actor/" + encodeURIComponent(s.actorId) }, s.speaker, el("span", { class: "tag " + (s.anonymous ? "anonymous" : "named") }, s.anonymous ? "anonymous" : "named")),
        el("span", { class: "meta" }, `${s.statements} (${s.direct} direct)`)))),
      el("h2", {}, "Statements"),
      (a.statements || []).length ? "" : el("p", { class: "empty" }, "No attributed statements found in this story."),
      el("ol", { class: "items" }, (a.statements || []).map(s => el("li", {},
        el("span", { class: "who" }, s.attribution.speaker), " ", el("span", { class: "cue" }, s.attribution.cue),
        el("div", { class: "snippet" }, s.attribution.content)))));
  }
  async function renderArticles(page) {
    const list = await api("/api/articles?pageSize=100");
    page.replaceChildren(el("h1", {}, "Stories"),
      el("p", { class: "meta" }, list.total > list.items.length ? `latest ${list.items.length} of ${list.total}` : ""),
      list.items.length ? el("ol", { class: "items" }, list.items.map(a => el("li", {},
        el("a", { class: "claim-text", href: "#/article/" + a.id }, a.headline),
        el("div", { class: "meta" }, [a.dateline, a.publishedAt ? when(a.publishedAt) : "ingested " + when(a.ingestedAt),
          `${a.statements} statement${a.statements === 1 ? "" : "s"}`, `${Math.round(100 * a.anonymousShare)}% anonymous`].filter(Boolean).join(" · ")))))
        : el("p", { class: "empty" }, "No stories yet."));
  }
  async function renderActors(page) {
    const actors = await api("/api/actors?pageSize=100");
    page.replaceChildren(el("h1", {}, "Most quoted"),
      el("ol", { class: "items compact" }, actors.items.map(a => el("li", {},
        el("a", { href: "#/actor/" + encodeURIComponent(a.id) }, a.name, el("span", { class: "tag " + (a.anonymous ? "anonymous" : "named") }, a.type)),
        el("span", { class: "meta" }, String(a.statementCount))))));
  }

  handlers.set("feed", onFeed);
  handlers.set("contested", onContested);
  window.addEventListener("hashchange", () => show(location.hash.slice(1) || "/"));
  loadWall();
  start().then(() => show(location.hash.slice(1) || "/"));
  drawShare();
})();
