using System.Collections.Frozen;

namespace ClaimTracker.Extraction;

/// <summary>What kind of attribution a cue word introduces.</summary>
internal enum CueKind
{
    Say,        // say, add, confirm, warn, deny ... (clausal or NP complement)
    Tell,       // tell: recipient first ("told Reuters")
    Directive,  // urge, press, call on/for, demand: "NP to VP" or NP
    Thought,    // believe, hope, fear, expect, think, regard
    Quote,      // quoted ... as saying
}

internal readonly record struct Cue(CueKind Kind, string Lemma, bool Participle, bool Ambiguous);

/// <summary>
/// The reporting-verb lexicon: every inflected form maps to its lemma and kind. "Ambiguous" forms are also
/// common nouns ("reports", "calls", "hopes", "fears", "claims") and need verb context to count.
/// </summary>
internal static class Lexicon
{
    static readonly (string Lemma, CueKind Kind, string[] Forms, bool AmbiguousBase)[] Verbs =
    [
        ("say", CueKind.Say, ["say", "says", "said", "saying"], false),
        ("tell", CueKind.Tell, ["tell", "tells", "told", "telling"], false),
        ("add", CueKind.Say, ["add", "adds", "added", "adding"], false),
        ("confirm", CueKind.Say, ["confirm", "confirms", "confirmed", "confirming"], false),
        ("warn", CueKind.Say, ["warn", "warns", "warned", "warning"], false),
        ("deny", CueKind.Say, ["deny", "denies", "denied", "denying"], false),
        ("claim", CueKind.Say, ["claim", "claims", "claimed", "claiming"], true),
        ("announce", CueKind.Say, ["announce", "announces", "announced", "announcing"], false),
        ("explain", CueKind.Say, ["explain", "explains", "explained"], false),
        ("insist", CueKind.Say, ["insist", "insists", "insisted", "insisting"], false),
        ("argue", CueKind.Say, ["argue", "argues", "argued", "arguing"], false),
        ("assert", CueKind.Say, ["assert", "asserts", "asserted", "asserting"], false),
        ("stress", CueKind.Say, ["stresses", "stressed", "stressing", "stresed"], false),
        ("emphasise", CueKind.Say, ["emphasised", "emphasized", "emphasises", "emphasizes", "emphasising", "emphasizing"], false),
        ("note", CueKind.Say, ["noted", "notes", "noting"], true),
        ("report", CueKind.Say, ["reported", "reports", "reporting"], true),
        ("predict", CueKind.Say, ["predict", "predicts", "predicted", "predicting"], false),
        ("acknowledge", CueKind.Say, ["acknowledge", "acknowledges", "acknowledged", "acknowledging"], false),
        ("admit", CueKind.Say, ["admit", "admits", "admitted"], false),
        ("conclude", CueKind.Say, ["concluded", "concludes"], false),
        ("suggest", CueKind.Say, ["suggest", "suggests", "suggested", "suggesting"], false),
        ("indicate", CueKind.Say, ["indicated", "indicates", "indicating"], false),
        ("signal", CueKind.Say, ["signaled", "signalled", "signals"], true),
        ("disclose", CueKind.Say, ["disclosed", "discloses", "disclosing"], false),
        ("reveal", CueKind.Say, ["revealed", "reveals", "revealing"], false),
        ("caution", CueKind.Say, ["cautioned", "cautions", "cautioning"], false),
        ("complain", CueKind.Say, ["complained", "complains", "complaining"], false),
        ("concede", CueKind.Say, ["conceded", "concedes", "conceding"], false),
        ("allege", CueKind.Say, ["alleged", "alleges", "alleging"], false),
        ("vow", CueKind.Say, ["vowed", "vows", "vowing"], true),
        ("pledge", CueKind.Say, ["pledged", "pledges", "pledging"], true),
        ("promise", CueKind.Say, ["promised", "promises", "promising"], true),
        ("reiterate", CueKind.Say, ["reiterated", "reiterates", "reiterating"], false),
        ("repeat", CueKind.Say, ["repeated", "repeats"], false),
        ("declare", CueKind.Say, ["declared", "declares"], false),
        ("state", CueKind.Say, ["stated"], false),
        ("reaffirm", CueKind.Say, ["reaffirmed", "reaffirms", "reaffirming"], false),
        // written statements: "wrote on Twitter that ...", "tweeted that ..." (with a that-clause or a quotation only)
        ("write", CueKind.Say, ["wrote", "writes"], false),
        ("tweet", CueKind.Say, ["tweeted"], false),
        ("question", CueKind.Say, ["questioned", "questions"], true),
        ("oppose", CueKind.Say, ["opposed", "opposes"], false),
        ("reject", CueKind.Say, ["rejected", "rejects", "rejecting"], false),
        ("welcome", CueKind.Say, ["welcomed", "welcomes"], false),
        ("criticise", CueKind.Say, ["criticised", "criticized", "criticises", "criticizes", "criticising", "criticizing"], false),
        ("applaud", CueKind.Say, ["applauded", "applauds"], false),
        ("praise", CueKind.Say, ["praised", "praises"], false),
        ("recommend", CueKind.Say, ["recommended", "recommends"], false),
        ("propose", CueKind.Say, ["proposed", "proposes"], false),
        ("accuse", CueKind.Say, ["accused", "accuses", "accusing"], false),
        ("blame", CueKind.Say, ["blamed", "blames", "blaming"], false),
        ("cite", CueKind.Say, ["cited", "cites", "citing"], false),
        ("describe", CueKind.Say, ["described", "describes", "describing"], false),
        ("estimate", CueKind.Say, ["estimated", "estimates", "estimate"], true),
        ("forecast", CueKind.Say, ["forecast", "forecasts"], true),
        ("express", CueKind.Say, ["expressed", "expresses", "expressing"], false),
        ("rule out", CueKind.Say, ["ruled"], false),
        ("speculate", CueKind.Say, ["speculated", "speculates", "speculating"], false),
        // verbs that are reporting verbs only with a "that" clause ("maintained that", not "maintained its dividend")
        ("maintain", CueKind.Say, ["maintained", "maintains", "maintaining"], false),
        ("contend", CueKind.Say, ["contended", "contends", "contending"], false),
        ("observe", CueKind.Say, ["observed", "observes"], false),
        ("recall", CueKind.Say, ["recalled", "recalls"], false),
        ("reply", CueKind.Say, ["replied", "replies"], false),
        ("respond", CueKind.Say, ["responded", "responds"], false),
        ("testify", CueKind.Say, ["testified", "testifies"], false),
        ("remark", CueKind.Say, ["remarked"], false),
        ("comment", CueKind.Say, ["commented"], false),
        ("point out", CueKind.Say, ["pointed", "points"], false),
        ("feel", CueKind.Thought, ["feel", "feels", "felt"], false),
        ("anticipate", CueKind.Thought, ["anticipate", "anticipates", "anticipated"], false),
        // recipient first, then "that": "informed the exchange that ...", "assured investors that ..."
        ("inform", CueKind.Tell, ["informed", "informs"], false),
        ("notify", CueKind.Tell, ["notified", "notifies"], false),
        ("assure", CueKind.Tell, ["assured", "assures"], false),
        ("advise", CueKind.Tell, ["advised", "advises"], false),
        // phrase cues: only with the words that follow (checked in the extractor)
        ("sum up", CueKind.Say, ["summed", "sums"], false),
        ("raise the specter of", CueKind.Say, ["raised", "raises", "raising"], false),
        ("float the idea of", CueKind.Say, ["floated", "floats"], false),
        ("voice", CueKind.Say, ["voiced", "voices"], true),
        ("see little chance", CueKind.Thought, ["saw", "sees", "see"], false),
        ("hold out hope", CueKind.Thought, ["held", "holds", "hold"], false),
        ("have concerns", CueKind.Thought, ["concerns", "doubts"], true),
        ("urge", CueKind.Directive, ["urge", "urges", "urged", "urging"], false),
        ("press", CueKind.Directive, ["pressed", "presses", "pressing"], false),
        ("call", CueKind.Directive, ["called", "calls", "calling", "call"], true),
        ("demand", CueKind.Directive, ["demanded", "demands", "demanding"], true),
        ("request", CueKind.Directive, ["requested", "requests"], true),
        ("believe", CueKind.Thought, ["believe", "believes", "believed"], false),
        ("hope", CueKind.Thought, ["hope", "hopes", "hoped"], true),
        ("fear", CueKind.Thought, ["fear", "fears", "feared", "fearing"], true),
        ("expect", CueKind.Thought, ["expect", "expects", "expected"], false),
        ("think", CueKind.Thought, ["think", "thinks", "thought"], false),
        ("regard", CueKind.Thought, ["regard", "regards", "regarded"], false),
        ("worried", CueKind.Thought, ["worried", "concerned", "hopeful", "confident"], false),
        // "bankers worry that ...", "analysts doubt the plan will work" (not "no doubt", "worries that" as a noun)
        ("worry", CueKind.Thought, ["worry", "worries"], true),
        ("doubt", CueKind.Thought, ["doubt", "doubted"], true),
        ("quote", CueKind.Quote, ["quoted"], false),
    ];

    static readonly FrozenDictionary<string, Cue> Forms = Build();
    internal static readonly FrozenDictionary<string, Cue>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Forms.GetAlternateLookup<ReadOnlySpan<char>>();

    static FrozenDictionary<string, Cue> Build()
    {
        var d = new Dictionary<string, Cue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (lemma, kind, forms, amb) in Verbs)
            foreach (var f in forms)
            {
                bool participle = f.EndsWith("ing", StringComparison.Ordinal);
                // base and -s forms of noun-like verbs are ambiguous; past forms and participles are not
                bool ambiguous = amb && !f.EndsWith("ed", StringComparison.Ordinal) && !participle;
                d.TryAdd(f, new Cue(kind, lemma, participle, ambiguous));
            }
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    static WordSet Set(params string[] words) => new(words);

    /// <summary>Lemmas that report speech only with a "that" complement (after the recipient for tell-verbs).</summary>
    internal static readonly WordSet NeedThat = Set(
        "maintain", "contend", "observe", "recall", "reply", "respond", "testify", "point out", "feel", "anticipate",
        "remark", "comment", "inform", "notify", "assure", "advise", "worry",
        // "stated that ..." / "“...,” he stated." but not "stated target rates"; "reaffirmed that", not "reaffirmed its support"
        "state", "declare", "reaffirm",
        // "wrote a book", "tweeted a photo": only "wrote (on Twitter / in a letter) that ..." reports
        "write", "tweet");

    /// <summary>Common nouns for a company or body named before: "the automaker said" is the company of the story.</summary>
    internal static readonly WordSet CompanyNouns = Set(
        "company", "firm", "group", "concern", "corporation", "utility", "airline", "carrier", "maker", "producer",
        "retailer", "insurer", "bank", "agency", "exchange", "union", "automaker", "carmaker", "brewer", "refiner",
        "lender", "thrift", "distributor", "manufacturer", "publisher", "railroad", "railway", "shipper", "operator",
        "developer", "supplier", "partnership", "conglomerate", "subsidiary", "unit", "division", "brokerage",
        "chain", "miner", "steelmaker", "chipmaker", "drugmaker", "builder", "giant");

    /// <summary>
    /// A noun for a person by its ending ("merchant", "lobbyist", "seaman", "grower", "stockbroker"): with "a"/"an"
    /// it describes one unnamed source even when it is in no list. Comparatives and common -er/-or nouns that are
    /// not people are excluded.
    /// </summary>
    internal static bool IsAgentNoun(ReadOnlySpan<char> w)
    {
        if (w.Length < 5 || NotAgents.Contains(w)) return false;
        return w.EndsWith("er") || w.EndsWith("or") || w.EndsWith("ist") || w.EndsWith("yst") || w.EndsWith("ant")
               || w.EndsWith("ent") && !w.EndsWith("ment") || w.EndsWith("ian") || w.EndsWith("man") || w.EndsWith("woman");
    }

    static readonly WordSet NotAgents = Set(
        "larger", "smaller", "bigger", "higher", "lower", "greater", "stronger", "weaker", "wider", "older", "newer",
        "cheaper", "faster", "slower", "longer", "shorter", "better", "further", "earlier", "later", "other", "former",
        "latter", "senior", "junior", "major", "minor", "prior", "tender", "offer", "transfer", "order", "letter",
        "number", "quarter", "matter", "paper", "power", "border", "center", "corner", "barrier", "manner", "water",
        "winter", "summer", "chapter", "meter", "sector", "factor", "error", "floor", "interior", "exterior", "superior",
        "inferior", "favor", "favour", "labor", "labour", "rumor", "rumour", "honor", "vigor", "layer", "filter",
        "cluster", "parameter", "monster", "river", "silver", "copper", "rubber", "timber", "lumber", "sugar",
        "cover", "fever", "cancer", "answer", "powder", "banner", "dinner", "theater", "theatre", "disaster", "register",
        "charter", "shelter", "master", "poster", "proper", "sister", "brother", "mother", "father", "daughter",
        "percent", "event", "extent", "content", "intent", "talent", "patent", "accent", "recent", "current", "urgent",
        "decent", "silent", "ancient", "efficient", "sufficient", "different", "present", "absent", "consistent",
        "independent", "prominent", "permanent", "frequent", "apparent", "segment", "giant", "plant",
        "variant", "grant", "warrant", "pleasant", "relevant", "significant", "important", "constant", "distant",
        "vacant", "abundant", "elegant", "brilliant", "instant", "dominant", "reluctant", "radiant", "restaurant",
        "guardian", "median", "american", "canadian", "indian", "italian", "asian", "russian", "australian", "iranian",
        "german", "roman", "human", "indicator", "motor", "sensor", "reactor", "tractor", "elevator", "generator", "color",
        "colour", "calculator", "denominator", "multiplier", "container", "computer", "printer", "trailer", "tanker", "freighter",
        "steamer", "liner", "parameter", "meter", "diameter", "tower", "shower", "flower", "chapter", "folder",
        "binder", "marker", "counter", "headquarter", "quarter", "mover", "shaker");

    /// <summary>Auxiliaries and adverbs that may sit between a subject and its cue ("has always said").</summary>
    internal static readonly WordSet AuxAdverbs = Set(
        "has", "have", "had", "also", "always", "repeatedly", "cautiously", "only", "both", "already", "long", "again",
        "however", "meanwhile", "now", "previously", "earlier", "later", "further", "publicly", "privately", "once",
        "still", "never", "not", "do", "does", "did", "don't", "doesn't", "didn't", "would", "will", "could", "may",
        "might", "must", "should", "can", "all", "too", "then", "first", "openly", "strongly", "clearly", "recently",
        "explicitly", "flatly", "firmly", "immediately", "subsequently", "separately", "reportedly", "apparently",
        "formally", "officially", "widely", "generally", "usually", "often", "sometimes", "just", "even", "today",
        "yesterday", "is", "are", "was", "were", "be", "been", "being", "am", "has been", "quickly", "angrily",
        "bluntly", "sharply", "confidently", "personally", "jointly", "initially", "ultimately", "finally", "reiterated");

    internal static readonly WordSet BeForms = Set("is", "are", "was", "were", "be", "been", "being", "am", "'s");

    /// <summary>Words that end a subject when scanning back from a cue.</summary>
    internal static readonly WordSet SubjectStoppers = Set(
        "that", "but", "while", "as", "because", "since", "after", "when", "if", "although", "though", "whereas",
        "where", "so", "unless", "until", "before", "whether", "than", "and", "or", "nor", "yet", "what", "how",
        "said", "says", "say", "told", "added", "when", "whom");

    /// <summary>
    /// Words that open a sentence capitalised but never start a name: "But Ogpin denied ...", "Today Reagan said ...".
    /// A capitalised run that starts with one is a name only after it.
    /// </summary>
    internal static readonly WordSet SentenceOpeners = Set(
        "but", "and", "yet", "so", "also", "still", "now", "then", "today", "yesterday", "tonight", "meanwhile",
        "however", "finally", "earlier", "later", "separately", "instead", "moreover", "thus", "hence", "nevertheless",
        "nonetheless", "indeed", "often", "even", "only", "although", "though", "while", "when", "if", "because",
        "once", "since", "after", "before", "besides", "furthermore", "currently", "previously", "recently");

    internal static readonly WordSet Weekdays = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend");

    internal static readonly WordSet Determiners = Set(
        "a", "an", "the", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "another",
        "several", "some", "most", "many", "other", "two", "both", "these", "those", "this", "that", "any", "all",
        "their", "its", "his", "her", "our", "various", "numerous", "few", "three");

    internal static readonly WordSet CountWords = Set(
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "another", "several");

    internal static readonly WordSet Pronouns = Set("he", "she", "it", "they", "we", "i", "you");

    internal static readonly WordSet Prepositions = Set(
        "on", "in", "at", "after", "before", "during", "from", "to", "near", "by", "for", "with", "without", "over",
        "via", "through", "into", "about", "late", "early", "earlier", "later", "last", "this", "next", "following",
        "ahead", "amid", "despite", "against", "outside", "inside", "under", "according", "when", "while", "as", "since",
        "using", "referring", "speaking", "in", "upon", "toward", "towards", "alongside", "among");

    /// <summary>Nouns for individual sources: with an indefinite determiner they make an anonymous source.</summary>
    internal static readonly WordSet PersonNouns = Set(
        "diplomat", "official", "source", "spokesman", "spokeswoman", "spokesperson", "commander", "representative",
        "leader", "analyst", "envoy", "adviser", "advisor", "aide", "officer", "executive", "banker", "trader", "dealer",
        "economist", "expert", "lawmaker", "member", "resident", "witness", "activist", "doctor", "worker", "employee",
        "minister", "negotiator", "delegate", "strategist", "manager", "director", "chief", "head", "president",
        "chairman", "chairwoman", "secretary", "ambassador", "general", "colonel", "officer", "investigator",
        "insider", "person", "man", "woman", "resident", "farmer", "student", "engineer", "lawyer", "judge",
        "prosecutor", "inspector", "monitor", "observer", "soldier", "fighter", "militant", "rebel", "politician",
        "legislator", "senator", "congressman", "governor", "mayor", "consultant", "specialist", "scientist",
        "researcher", "professor", "broker", "administrator", "director-general", "chairperson", "premier", "king",
        "emir", "prince", "sheikh", "cleric", "mediator", "coordinator", "attache", "trustee", "regulator", "staffer",
        "planner", "planners", "commentator", "vice", "deputy", "undersecretary", "president-elect", "agent");

    /// <summary>Plural nouns for unnamed groups (collective sources), and plurals that stay anonymous ("sources").</summary>
    internal static readonly WordSet CollectiveNouns = Set(
        "officials", "diplomats", "countries", "powers", "rebels", "analysts", "experts", "workers", "members",
        "allies", "doctors", "investigators", "groups", "sides", "residents", "activists", "producers", "delegates",
        "traders", "dealers", "economists", "bankers", "governments", "states", "nations", "leaders", "ministers",
        "commanders", "fighters", "militants", "lawmakers", "legislators", "witnesses", "observers", "monitors",
        "critics", "opponents", "supporters", "backers", "people", "critics", "executives", "sources", "authorities",
        "police", "campaigners", "protesters", "organizers", "organisers", "negotiators", "participants", "scientists",
        "researchers", "farmers", "employees", "managers", "brokers", "unions", "companies", "firms", "banks",
        "spokesmen", "forces", "parties", "agencies", "groups", "consumers", "importers", "exporters", "miners",
        "representatives", "planners", "insiders", "industry", "partners", "neighbors", "neighbours", "troops",
        "inspectors", "advisers", "advisors", "aides", "envoys", "senators", "engineers", "students", "lawyers", "others", "agents");

    /// <summary>Words that make a capitalised phrase an organisation.</summary>
    internal static readonly WordSet OrgWords = Set(
        "agency", "organization", "organisation", "council", "ministry", "department", "association", "bank", "group",
        "corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.", "co", "co.", "plc", "party", "front", "committee",
        "nations", "union", "programme", "program", "commission", "observatory", "alliance", "federation", "company",
        "institute", "fund", "office", "court", "parliament", "congress", "senate", "house", "army", "navy", "police",
        "forces", "network", "league", "movement", "news", "press", "times", "post", "journal", "reuters", "tv",
        "television", "radio", "center", "centre", "foundation", "board", "authority", "cross", "crescent", "exchange",
        "university", "church", "assembly", "secretariat", "nv", "ag", "sa", "gmbh", "bv", "spa", "llc", "lp", "l.p", "l.p.",
        "ab", "oy", "bhd", "industries", "holdings", "airlines", "airways", "petroleum", "oil", "motors", "trust", "society", "mission",
        "brigade", "brigades", "coalition", "administration", "cabinet", "government", "military", "service",
        "services", "club", "panel", "team", "unit", "directorate", "bureau", "chamber", "institution", "partners",
        "securities", "capital", "inquiry", "investments", "energy", "telecom", "communications", "systems", "technologies",
        "division", "subsidiary",
        // institutions named by their head noun ("The U.S. Mint", "the Paris Bourse", "the Customs")
        "mint", "treasury", "customs", "tribunal", "legislature", "inspectorate", "embassy", "consulate", "exchequer",
        "reserve", "bourse", "academy", "hospital", "college", "museum", "laboratory", "laboratories");

    /// <summary>Organisation words for public institutions and places, which are never "the company" of a story.</summary>
    internal static readonly WordSet InstitutionWords = Set(
        "mint", "treasury", "customs", "tribunal", "legislature", "inspectorate", "embassy", "consulate", "exchequer",
        "reserve", "bourse", "academy", "hospital", "college", "museum");

    /// <summary>Singular nouns for bodies that speak ("the army said", "a monitoring group said").</summary>
    internal static readonly WordSet OrgNouns = Set(
        "government", "army", "military", "ministry", "group", "body", "agency", "organization", "organisation", "company",
        "firm", "union", "newspaper", "paper", "bank", "committee", "council", "commission", "panel", "court", "police",
        "administration", "opposition", "alliance", "coalition", "federation", "association", "party", "board", "embassy",
        "regime", "cabinet", "parliament", "department", "office", "observatory", "movement", "network", "channel",
        "broadcaster", "daily", "website", "exchange", "authority", "navy", "institute", "centre", "center", "fund",
        "concern", "corporation", "utility", "airline", "carrier", "maker", "producer", "retailer", "insurer", "automaker",
        "carmaker", "brewer", "refiner", "lender", "thrift", "distributor", "manufacturer", "publisher", "railroad",
        "shipper", "operator", "developer", "supplier", "partnership", "conglomerate", "subsidiary", "unit", "division",
        "brokerage", "steelmaker", "chipmaker", "drugmaker", "giant", "bureau", "magazine", "weekly", "journal", "tabloid", "team", "delegation", "mission");

    /// <summary>Title words that precede a person's name ("U.S. Secretary of State John Kerry"); a hyphenated
    /// compound of title words ("Vice-President", "Deputy-Governor") is one too.</summary>
    internal static readonly WordSet TitleWords = new WordSet(hyphenCompounds: true,
        "president", "prime", "minister", "secretary", "state", "defense", "defence", "foreign", "general", "brigadier",
        "ambassador", "commander", "chairman", "chairwoman", "chair", "director", "governor", "senator", "sen.", "rep.", "sen", "rep",
        "gov.", "adm.", "cmdr.", "rev.",
        "spokesman", "spokeswoman", "king", "queen", "prince", "princess", "sheikh", "chancellor", "mayor", "chief",
        "executive", "officer", "deputy", "vice", "envoy", "coordinator", "adviser", "advisor", "head", "interior",
        "information", "finance", "economy", "trade", "agriculture", "justice", "health", "energy", "oil", "labour",
        "labor", "treasury", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen.", "lt.", "col.", "maj.",
        "capt.", "sgt.", "admiral", "colonel", "major", "captain", "lieutenant", "sergeant", "judge", "justice",
        "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam", "ayatollah", "emir", "crown", "premier",
        "speaker", "leader", "opposition", "national", "reconciliation", "member", "panel", "representative",
        "secretary-general", "director-general", "u.n.", "u.s.", "nato", "eu", "chairperson", "economics",
        "industry", "transport", "education", "environment", "development", "commerce", "security", "intelligence",
        "assistant", "undersecretary", "under", "attorney", "solicitor", "professor", "prof.", "analyst", "economist",
        "strategist", "manager", "managing", "partner", "founder", "co-founder", "dean", "consul", "consul-general",
        "commissioner", "president-elect", "conflicts", "former", "acting", "senior", "top", "new", "then", "board",
        "central", "bank", "federal", "reserve", "council", "army", "navy", "air", "force", "military", "of", "the",
        "for", "and", "to", "affairs", "exchequer", "governor-general", "spokesman", "spokeswoman", "party", "general", "sir", "lord", "lady", "dame", "saint", "st.");

    internal static readonly WordSet NameParticles = Set(
        "al", "al-", "bin", "ibn", "de", "del", "della", "der", "van", "von", "la", "le", "da", "di", "du", "dos",
        "el", "abu", "bint", "ter", "ten", "y");

    /// <summary>Nouns naming a document that "says" something: its author is the speaker, the document the medium.</summary>
    internal static readonly WordSet DocumentNouns = Set(
        "report", "statement", "communique", "study", "survey", "document", "letter", "forecast", "forecasts",
        "figures", "data", "estimates", "findings", "memo", "filing", "release", "bulletin", "review", "analysis",
        "assessment", "newsletter", "resolution", "declaration", "announcement", "projections", "poll");

    /// <summary>Recipients/venues after "told" that make the medium even when lower-case.</summary>
    internal static readonly WordSet MediumNouns = Set(
        "reporters", "journalists", "newspaper", "paper", "daily", "weekly", "magazine", "tv", "television", "radio",
        "agency", "conference", "briefing", "interview", "subcommittee", "committee", "parliament", "lawmakers",
        "audience", "meeting", "delegates", "crowd", "supporters", "broadcaster", "channel", "station", "website",
        "newswire", "legislators", "senators", "congress", "hearing", "forum", "summit", "rally", "session",
        "investors", "analysts", "shareholders", "staff", "reuters", "students", "officials", "ministers", "speech", "statement",
        "interviewers", "correspondents", "viewers", "listeners", "network", "seminar", "symposium", "luncheon", "dinner");
}

/// <summary>A case-insensitive word set that answers for spans too, so token checks allocate nothing.</summary>
internal sealed class WordSet
{
    readonly FrozenSet<string> _set;
    readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _span;

    readonly bool _hyphenCompounds;

    public WordSet(IEnumerable<string> words) : this(false, words) { }

    /// <param name="hyphenCompounds">also answer for "a-b" when both a and b are in the set</param>
    public WordSet(bool hyphenCompounds, params IEnumerable<string> words)
    {
        _set = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _span = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        _hyphenCompounds = hyphenCompounds;
    }

    public bool Contains(string w) => Contains(w.AsSpan());
    public bool Contains(ReadOnlySpan<char> w)
    {
        if (_span.Contains(w)) return true;
        if (!_hyphenCompounds) return false;
        int dash = w.IndexOf('-');
        if (dash <= 0 || dash == w.Length - 1) return false;
        foreach (var part in w.Split('-'))
            if (part.Start.Value == part.End.Value || !_span.Contains(w[part])) return false;
        return true;
    }
}
