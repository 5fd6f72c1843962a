namespace ClaimTracker.Claims.Text;

/// <summary>
/// General word lists: English function words, negators, a country gazetteer (capitals, demonyms and
/// seats of government fold into the country, as the guidelines canonicalise speakers) and a few
/// newswire near-synonym groups. Nothing here names a particular article's people or events.
/// </summary>
internal static class Vocabulary
{
    public static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the","a","an","of","to","in","and","or","for","on","at","by","with","from","that","this","these","those",
        "is","are","was","were","be","been","being","am","has","have","had","having","it","its","their","theirs","they","them",
        "he","she","his","her","hers","him","we","our","ours","us","you","your","i","me","my","but","as","if","than","then",
        "so","would","will","could","can","may","might","must","should","shall","do","does","did","doing","done","which","who",
        "whom","whose","what","when","where","while","there","here","about","into","over","after","before","also","more",
        "most","other","others","such","only","just","all","any","some","very","said","says","say","saying","told","tell",
        "according","mr","mrs","ms","one","now","still","even","because","up","out","off","per","cent","pct","itself",
        "themselves","himself","herself","each","both","either","own","same","too","again","further","once","how","why",
        "get","got","go","going","make","made","take","took","way","well","really","much","many","lot","lots","thing",
        "things","like","re","ve","ll","s","t","d","m","let","yet","though","although","however","whether","since",
        "until","among","against","through","during","without","within","around","between","under","above","below",
        "upon","via","per","next","last","week","weeks","day","days","year","years","month","months","time","times",
        "monday","tuesday","wednesday","thursday","friday","saturday","sunday","today","yesterday","tomorrow",
        "january","february","march","april","june","july","august","september","october","november","december",
        "jan","feb","mar","apr","jun","jul","aug","sep","sept","oct","nov","dec","clear","fact","certainly","obviously",
        "think","believe","added","adding","statement","reporters","reuters",
    };

    public static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not","no","never","nothing","none","neither","nor","n't","cannot","nobody","nowhere","without",
        "don't","doesn't","didn't","won't","wouldn't","isn't","aren't","wasn't","weren't","hasn't","haven't","hadn't",
        "can't","couldn't","shouldn't",
    };

    /// <summary>Word -> country key. Capitals and seats of government stand for the country in wire copy.</summary>
    public static readonly Dictionary<string, string> Places = Build(
    [
        ("russia", "russia russian russians moscow kremlin soviet soviets ussr"),
        ("usa", "u.s. u.s.a. america american americans washington usa"),
        ("britain", "britain british uk u.k. london england english"),
        ("france", "france french paris"),
        ("germany", "germany german germans berlin bonn"),
        ("china", "china chinese beijing peking"),
        ("japan", "japan japanese tokyo"),
        ("turkey", "turkey turkish turks ankara"),
        ("syria", "syria syrian syrians damascus"),
        ("iraq", "iraq iraqi iraqis baghdad"),
        ("iran", "iran iranian iranians tehran"),
        ("israel", "israel israeli israelis"),
        ("egypt", "egypt egyptian egyptians cairo"),
        ("saudi", "saudi saudis riyadh"),
        ("jordan", "jordan jordanian amman"),
        ("lebanon", "lebanon lebanese beirut"),
        ("afghanistan", "afghanistan afghan afghans kabul"),
        ("pakistan", "pakistan pakistani islamabad"),
        ("india", "india indian indians delhi"),
        ("italy", "italy italian rome"),
        ("spain", "spain spanish madrid"),
        ("canada", "canada canadian ottawa"),
        ("mexico", "mexico mexican"),
        ("brazil", "brazil brazilian brasilia"),
        ("argentina", "argentina argentine buenos"),
        ("australia", "australia australian canberra"),
        ("netherlands", "netherlands dutch hague amsterdam"),
        ("belgium", "belgium belgian brussels"),
        ("switzerland", "switzerland swiss bern geneva"),
        ("sweden", "sweden swedish stockholm"),
        ("norway", "norway norwegian oslo"),
        ("greece", "greece greek athens"),
        ("poland", "poland polish warsaw"),
        ("ukraine", "ukraine ukrainian kiev kyiv"),
        ("korea", "korea korean seoul pyongyang"),
        ("nigeria", "nigeria nigerian lagos abuja"),
        ("colombia", "colombia colombian bogota"),
        ("venezuela", "venezuela venezuelan caracas"),
        ("indonesia", "indonesia indonesian jakarta"),
        ("malaysia", "malaysia malaysian kuala"),
        ("kuwait", "kuwait kuwaiti"),
        ("libya", "libya libyan tripoli"),
        ("yemen", "yemen yemeni sanaa"),
        ("qatar", "qatar qatari doha"),
        ("europe", "europe european europeans eu e.u."),
        ("un", "u.n. un"),
    ]);

    /// <summary>Two-word names -> country key.</summary>
    public static readonly Dictionary<string, string> Phrases = new(StringComparer.Ordinal)
    {
        ["united states"] = "usa", ["united kingdom"] = "britain", ["saudi arabia"] = "saudi",
        ["white house"] = "usa", ["united nations"] = "un", ["european union"] = "europe",
        ["european community"] = "europe", ["soviet union"] = "russia", ["new delhi"] = "india",
        ["south korea"] = "korea", ["north korea"] = "korea",
    };

    /// <summary>Stem -> concept key: near-synonyms that newswire uses interchangeably for one proposition.</summary>
    public static readonly Dictionary<string, string> Concepts = BuildConcepts(
    [
        "bomb bombing bombard bombardment airstrike airstrikes strike strikes raid raids shelling",
        "troops forces soldiers",
        "ceasefire truce",
        "negotiate negotiation negotiating negotiated talks",
        "kill killed killing dead deaths death",
        "mainly mostly principal primarily largely chiefly",
        "insurgent insurgents rebel rebels",
        "aim aims goal goals objective objectives",
        "permanent endless forever",
        "border borders frontier",
        "refugee refugees migrants",
        "rise rises rose increase increased",
        "fall falls fell decline declined drop dropped",
        "price prices",
        "profit profits earnings",
    ]);

    private static Dictionary<string, string> Build((string Key, string Words)[] rows)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, words) in rows)
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[w] = key;
        return d;
    }

    private static Dictionary<string, string> BuildConcepts(string[] groups)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            var words = g.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var key = ClaimTerms.Stem(words[0]);
            foreach (var w in words) d[ClaimTerms.Stem(w)] = key;
        }
        return d;
    }
}
