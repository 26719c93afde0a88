//! The word lists the clause rules match (lowercase). Kept apart from the rules so an
//! analyst can read and extend them.

/// Verbs that report speech ("X said", "X stressed that", "X pledged to").
pub(super) const REPORTING_VERBS: &[&str] = &[
    "say",
    "urge",
    "warn",
    "pledge",
    "vow",
    "agree",
    "stress",
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stressed",
    "stresses",
    "noted",
    "urged",
    "urges",
    "stated",
    "announced",
    "announces",
    "reiterated",
    "reiterates",
    "expressed",
    "expresses",
    "warned",
    "warns",
    "pledged",
    "pledges",
    "vowed",
    "vows",
    "promised",
    "promises",
    "agreed",
    "agrees",
    "declared",
    "declares",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "underlined",
    "underlines",
    "underscored",
    "underscores",
    "insisted",
    "insists",
    "affirmed",
    "affirms",
    "asserted",
    "asserts",
    "explained",
    "explains",
    "argued",
    "argues",
    "remarked",
    "commented",
    "wrote",
    "replied",
    "responded",
    "confirmed",
    "confirms",
    "acknowledged",
    "answered",
    "maintained",
    "highlighted",
    "highlights",
];

/// Reporting verbs that are speech acts only before "to", "that" or "on"
/// ("agreed to", "pledged that"); otherwise they are not a report ("agreed terms").
pub(super) const SPEECH_ACT_VERBS: &[&str] = &[
    "agree", "pledge", "vow", "agreed", "agrees", "pledged", "pledges", "vowed", "vows",
    "promised", "promises",
];

/// Verbs that make an actor's position known ("Brazil welcomed …", "the leaders
/// committed to …"): a statement when the sentence has no reporting verb.
pub(super) const POSITION_VERBS: &[&str] = &[
    "welcomed",
    "welcomes",
    "reaffirmed",
    "reaffirms",
    "condemned",
    "condemns",
    "praised",
    "praises",
    "commended",
    "commends",
    "recognised",
    "recognized",
    "recognises",
    "recognizes",
    "encouraged",
    "encourages",
    "decided",
    "decides",
    "endorsed",
    "endorses",
    "rejected",
    "rejects",
    "denied",
    "denies",
    "criticised",
    "criticized",
    "criticises",
    "criticizes",
    "hailed",
    "hails",
    "applauded",
    "applauds",
    "committed",
    "commits",
    "looked",
    "looks",
    "voiced",
    "voices",
    "appreciated",
    "appreciates",
    "opposes",
    "opposed",
    "supports",
    "supported",
    "upheld",
    "upholds",
    "deplored",
    "deplores",
    "denounced",
    "denounces",
    "thanked",
    "congratulated",
    "accused",
    "accuses",
    "briefed",
];

/// Verbs that report only with a particle: (verb, particles separated by `|`).
pub(super) const PHRASAL_CUES: &[(&str, &str)] = &[
    ("called", "on|for|upon"),
    ("calls", "on|for|upon"),
    ("pointed", "out"),
    ("points", "out"),
    ("notes", "that"),
];

/// ", adding that …": a second cue of the same speaker.
pub(super) const PARTICIPLE_CUES: &[&str] = &[
    "adding",
    "saying",
    "stressing",
    "noting",
    "urging",
    "calling",
    "warning",
    "emphasizing",
    "emphasising",
    "underlining",
    "reiterating",
    "stating",
    "insisting",
    "pointing",
];

pub(super) const PASSIVE_AUX: &[&str] = &["is", "was", "are", "were", "be", "been", "being"];

pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "my", "your",
];

/// Words allowed between a speaker and the cue ("Wang also said on Monday").
pub(super) const CUE_SKIP: &[&str] = &[
    "also",
    "further",
    "again",
    "later",
    "then",
    "has",
    "had",
    "have",
    "recently",
    "previously",
    "earlier",
    "once",
    "repeatedly",
    "publicly",
    "firmly",
    "strongly",
    "clearly",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "separately",
    "both",
    "jointly",
    "all",
    "explicitly",
    "night",
    "morning",
    "afternoon",
    "evening",
];

/// Words allowed between a committer and the commitment cue ("China is always ready to").
pub(super) const COMMIT_SKIP: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "remains",
    "remain",
    "remained",
    "stands",
    "stand",
    "stood",
    "always",
    "also",
    "still",
    "further",
    "firmly",
    "fully",
    "actively",
    "has",
    "have",
    "had",
    "been",
    "truly",
    "sincerely",
    "indeed",
    "now",
    "therefore",
    "thus",
    "then",
    "all",
    "both",
    "each",
    "jointly",
    "together",
    "certainly",
    "definitely",
];

/// Words allowed between a stance holder and the stance cue ("China firmly opposes",
/// "China reiterated its support for").
pub(super) const STANCE_SKIP: &[&str] = &[
    "firmly",
    "strongly",
    "always",
    "also",
    "still",
    "fully",
    "highly",
    "resolutely",
    "consistently",
    "greatly",
    "warmly",
    "actively",
    "further",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "expressed",
    "voiced",
    "reiterated",
    "reaffirmed",
    "its",
    "their",
    "his",
    "her",
    "full",
    "firm",
    "strong",
    "warm",
    "once",
    "again",
    "categorically",
    "vehemently",
    "both",
    "all",
    "sincerely",
    "deeply",
    "unequivocally",
    "remains",
    "remain",
    "remained",
    "stays",
];

/// Finite auxiliaries and modals that follow a clause subject.
pub(super) const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "shall", "has", "have", "had", "can", "could",
    "should", "must", "may", "might", "remains", "stands", "does", "did",
];

/// "the Chinese side", "the Brazilian government": the demonym's state is the subject.
pub(super) const SIDE_NOUNS: &[&str] = &[
    "side",
    "government",
    "leadership",
    "authorities",
    "administration",
    "delegation",
];

/// Unnamed sources that still make a report a statement ("the spokesperson said").
pub(super) const SOURCE_NOUNS: &[&str] = &[
    "official",
    "officials",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "statement",
    "communique",
    "communiqué",
    "declaration",
    "readout",
    "sources",
    "source",
    "minister",
    "ministry",
    "diplomat",
    "diplomats",
    "ambassador",
    "envoy",
    "president",
    "leader",
    "leaders",
    "government",
    "report",
    "document",
    "premier",
    "chancellor",
    "secretary",
    "secretary-general",
    "commissioner",
    "letter",
];

/// Source nouns for a person ("the spokesperson said"): the last person whose role fits.
pub(super) const PERSON_SOURCE_NOUNS: &[&str] = &[
    "official",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "minister",
    "diplomat",
    "ambassador",
    "envoy",
    "president",
    "leader",
    "premier",
    "chancellor",
    "secretary",
    "secretary-general",
    "chief",
    "commissioner",
    "representative",
];

/// Collective subjects after "both" or "two" ("both sides", "the two leaders").
pub(super) const COLLECTIVE_NOUNS: &[&str] = &[
    "sides",
    "countries",
    "nations",
    "governments",
    "parties",
    "delegations",
    "leaders",
    "ministers",
    "officials",
    "presidents",
    "heads",
];

/// Collectives of people: the person who spoke last is one of them.
pub(super) const PERSON_COLLECTIVES: &[&str] =
    &["leaders", "ministers", "officials", "presidents", "heads"];

/// Source nouns for a document ("the statement said"): its author spoke last.
pub(super) const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "communique",
    "communiqué",
    "declaration",
    "readout",
    "report",
    "document",
    "letter",
];

/// Common nouns of bodies ("the council said"): the latest body with that word in its
/// name.
pub(super) const BODY_NOUNS: &[&str] = &[
    "council",
    "commission",
    "committee",
    "ministry",
    "department",
    "office",
    "agency",
    "mission",
    "secretariat",
    "parliament",
    "assembly",
    "court",
    "bank",
    "fund",
    "programme",
    "program",
    "organization",
    "organisation",
    "union",
    "alliance",
    "forces",
    "army",
    "movement",
    "front",
];

/// Words between "according to" and the source ("according to a statement issued by").
pub(super) const SOURCE_WORDS: &[&str] = &[
    "statement",
    "from",
    "by",
    "released",
    "issued",
    "published",
    "readout",
    "press",
    "release",
    "joint",
    "an",
];

/// Lowercase words of a title before an inverted speaker ("said foreign ministry
/// spokesperson Mao Ning").
pub(super) const TITLE_WORDS: &[&str] = &[
    "the",
    "a",
    "foreign",
    "minister",
    "ministry",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "deputy",
    "vice",
    "prime",
    "president",
    "secretary",
    "state",
    "general",
    "official",
    "ambassador",
    "envoy",
    "chief",
    "senior",
    "top",
    "diplomat",
    "councilor",
    "counselor",
    "of",
    "affairs",
    "for",
    "special",
    "representative",
    "director",
    "head",
    "national",
    "security",
    "adviser",
    "advisor",
];

/// "political will", "the will of": "will" as a noun.
pub(super) const WILL_NOUN_BEFORE: &[&str] = &[
    "political",
    "the",
    "good",
    "strong",
    "own",
    "free",
    "common",
    "firm",
    "popular",
    "people",
    "collective",
    "a",
    "his",
    "her",
    "their",
    "its",
    "our",
    "shared",
    "mutual",
];

/// "pledge to", "commit to": certain commitments.
pub(super) const CERTAIN_TO: &[&str] = &[
    "pledge",
    "pledges",
    "pledged",
    "vow",
    "vows",
    "vowed",
    "commit",
    "commits",
    "committed",
    "promise",
    "promises",
    "promised",
];

pub(super) const PROBABLE_TO: &[&str] = &[
    "expect",
    "expects",
    "expected",
    "intend",
    "intends",
    "intended",
    "intending",
    "plan",
    "plans",
    "planned",
    "planning",
    "aim",
    "aims",
    "aimed",
    "aiming",
];

pub(super) const POSSIBLE_TO: &[&str] = &[
    "willing", "ready", "hope", "hopes", "hoped", "hoping", "prepared",
];

/// Adverbs between the cue and the action's verb, left out of the action.
pub(super) const ACTION_SKIP: &[&str] = &[
    "further",
    "also",
    "jointly",
    "actively",
    "continuously",
    "always",
    "firmly",
    "fully",
    "still",
    "together",
    "then",
    "soon",
    "now",
    "vigorously",
    "steadily",
];

/// Words that end the action phrase.
pub(super) const ACTION_STOP: &[&str] = &[
    "with",
    "to",
    "in",
    "on",
    "for",
    "at",
    "by",
    "from",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "if",
    "as",
    "under",
    "through",
    "between",
    "among",
    "across",
    "within",
    "into",
    "so",
    "because",
    "provided",
    "unless",
    "while",
    "when",
    "amid",
    "against",
    "toward",
    "towards",
    "during",
    "including",
    "based",
    "via",
    "after",
    "before",
    "than",
    "where",
    "of",
];

/// Verbs whose infinitive belongs to the action ("continue to deepen").
pub(super) const CONTINUING: &[&str] = &[
    "continue",
    "continues",
    "strive",
    "seek",
    "try",
    "work",
    "help",
    "endeavour",
    "endeavor",
    "make",
    "need",
];

pub(super) const ADDRESSEE_PREPOSITIONS: &[&str] = &["with", "to", "for", "toward", "towards"];

/// Prepositions whose object is not the clause's subject.
pub(super) const OBJECT_PREPOSITIONS: &[&str] = &[
    "with", "to", "for", "of", "in", "on", "from", "by", "and", "toward", "towards", "at",
    "against", "between", "among",
];

pub(super) const ADDRESSEE_SKIP: &[&str] = &[
    "the", "all", "other", "fellow", "its", "their", "our", "his", "her", "both",
];

/// Condition markers; `true` when the condition may be a comma-separated list
/// ("on the basis of mutual respect, equality and mutual benefit").
pub(super) const CONDITION_MARKERS: &[(&str, bool)] = &[
    ("on the basis of", true),
    ("on the condition that", false),
    ("on condition that", false),
    ("provided that", false),
    ("providing that", false),
    ("as long as", false),
    ("if", false),
    ("unless", false),
    ("until", false),
];

/// Words after a comma that start a new clause rather than continue a list.
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "the", "which", "who", "that", "we", "he", "she", "they", "it", "both", "as", "while", "but",
    "and", "so", "adding", "saying", "i",
];

pub(super) const FAVOR_VERBS: &[&str] = &[
    "support",
    "supports",
    "supported",
    "welcome",
    "welcomes",
    "welcomed",
    "appreciate",
    "appreciates",
    "appreciated",
    "uphold",
    "upholds",
    "upheld",
    "reaffirm",
    "reaffirms",
    "reaffirmed",
    "praise",
    "praises",
    "praised",
    "endorse",
    "endorses",
    "endorsed",
    "commend",
    "commends",
    "commended",
    "applaud",
    "applauds",
    "applauded",
    "hail",
    "hails",
    "hailed",
    "backs",
    "backed",
    "thanked",
];

/// "provide support", "financial support": aid, not a position.
pub(super) const SUPPORT_AS_AID: &[&str] = &[
    "provide",
    "provides",
    "provided",
    "offer",
    "offers",
    "offered",
    "give",
    "gives",
    "gave",
    "mutual",
    "financial",
    "technical",
    "military",
    "humanitarian",
    "economic",
    "material",
];

pub(super) const AGAINST_VERBS: &[&str] = &[
    "oppose",
    "opposes",
    "opposed",
    "reject",
    "rejects",
    "rejected",
    "condemn",
    "condemns",
    "condemned",
    "deny",
    "denies",
    "denied",
    "criticise",
    "criticises",
    "criticised",
    "criticize",
    "criticizes",
    "criticized",
    "deplore",
    "deplores",
    "deplored",
    "denounce",
    "denounces",
    "denounced",
    "slam",
    "slams",
    "slammed",
    "accuse",
    "accuses",
    "accused",
];

/// Words before the head of a stance's object ("opposes any external interference").
pub(super) const OBJECT_SKIP: &[&str] = &[
    "the",
    "a",
    "an",
    "any",
    "all",
    "its",
    "their",
    "his",
    "her",
    "our",
    "so-called",
    "what",
    "external",
    "foreign",
    "outside",
    "such",
    "continued",
    "further",
];

/// Two-word topic names → `Topics` key.
pub(super) const TOPIC_PHRASES: &[(&str, &str)] = &[
    ("human rights", "human_rights"),
    ("internal affairs", "sovereignty"),
    ("territorial integrity", "sovereignty"),
    ("one-china principle", "sovereignty"),
    ("international order", "international_order"),
    ("world order", "international_order"),
    ("cold war", "international_order"),
    ("bloc confrontation", "international_order"),
    ("global governance", "governance"),
    ("rule of", "governance"),
    ("political system", "governance"),
    ("climate change", "climate"),
    ("paris agreement", "climate"),
    ("free trade", "trade"),
    ("economic globalization", "trade"),
    ("economic globalisation", "trade"),
    ("regional integration", "regional_integration"),
    ("peaceful settlement", "peace"),
    ("peace talks", "peace"),
    ("nuclear weapons", "security"),
];

/// Single topic words → `Topics` key.
pub(super) const TOPIC_WORDS: &[(&str, &str)] = &[
    ("multilateralism", "multilateralism"),
    ("multilateral", "multilateralism"),
    ("unilateralism", "multilateralism"),
    ("unilateral", "multilateralism"),
    ("sovereignty", "sovereignty"),
    ("non-interference", "sovereignty"),
    ("interference", "sovereignty"),
    ("interfering", "sovereignty"),
    ("meddling", "sovereignty"),
    ("separatism", "sovereignty"),
    ("secession", "sovereignty"),
    ("trade", "trade"),
    ("tariff", "trade"),
    ("tariffs", "trade"),
    ("protectionism", "trade"),
    ("investment", "trade"),
    ("decoupling", "trade"),
    ("peace", "peace"),
    ("peaceful", "peace"),
    ("ceasefire", "peace"),
    ("stability", "peace"),
    ("conflict", "peace"),
    ("war", "peace"),
    ("violence", "peace"),
    ("escalation", "peace"),
    ("rights", "human_rights"),
    ("climate", "climate"),
    ("emissions", "climate"),
    ("decarbonization", "climate"),
    ("environmental", "climate"),
    ("security", "security"),
    ("terrorism", "security"),
    ("terrorist", "security"),
    ("military", "security"),
    ("nuclear", "security"),
    ("arms", "security"),
    ("weapons", "security"),
    ("militarization", "security"),
    ("development", "development"),
    ("poverty", "development"),
    ("connectivity", "development"),
    ("infrastructure", "development"),
    ("industrialization", "development"),
    ("modernization", "development"),
    ("hegemony", "international_order"),
    ("hegemonism", "international_order"),
    ("bullying", "international_order"),
    ("multipolarity", "international_order"),
    ("multipolar", "international_order"),
    ("unipolar", "international_order"),
    ("justice", "international_order"),
    ("fairness", "international_order"),
    ("injustice", "international_order"),
    ("integration", "regional_integration"),
    ("unity", "regional_integration"),
    ("regionalism", "regional_integration"),
    ("governance", "governance"),
    ("democracy", "governance"),
    ("corruption", "governance"),
    ("authoritarianism", "governance"),
];

/// Actions that describe a future event, not an actor's conduct ("will be held").
pub(super) const FUTURE_FACTS: &[&str] = &[
    "be held",
    "take place",
    "be attended",
    "be hosted",
    "be convened",
    "be chaired",
    "be opened",
    "be released",
    "be published",
    "mark",
    "last",
    "coincide",
    "see ",
    "begin",
    "start",
    "end ",
    "run",
    "feature",
    "include",
];

/// Word classes as bits, so each token is looked up once instead of scanned against
/// every list.
pub(super) mod class {
    pub const REPORTING: u32 = 1;
    pub const SPEECH_ACT: u32 = 1 << 1;
    pub const PARTICIPLE: u32 = 1 << 2;
    pub const PHRASAL: u32 = 1 << 3;
    pub const PASSIVE: u32 = 1 << 4;
    pub const DETERMINER: u32 = 1 << 5;
    pub const FAVOR: u32 = 1 << 6;
    pub const AGAINST: u32 = 1 << 7;
    /// Any word a stance cue can start with.
    pub const STANCE_START: u32 = 1 << 8;
    /// Any word a condition marker starts with.
    pub const CONDITION_START: u32 = 1 << 9;
    pub const POSITION: u32 = 1 << 10;
}

static CLASSES: std::sync::LazyLock<std::collections::HashMap<&'static str, u32>> =
    std::sync::LazyLock::new(|| {
        let phrasal: Vec<&'static str> = PHRASAL_CUES.iter().map(|(v, _)| *v).collect();
        let conditions: Vec<&'static str> = CONDITION_MARKERS
            .iter()
            .filter_map(|(m, _)| m.split(' ').next())
            .collect();
        let stance_starts: &[&str] = &[
            "support",
            "happy",
            "pleased",
            "glad",
            "speaks",
            "spoke",
            "spoken",
            "warn",
            "warns",
            "warned",
            "warning",
            "object",
            "objects",
            "objected",
            "has",
            "have",
            "had",
            "neutral",
            "neutrality",
            "impartial",
            "opposition",
            "condemnation",
            "take",
            "takes",
            "taking",
            "concern",
            "concerns",
            "concerned",
            "appreciation",
            "welcoming",
        ];
        let lists: [(&[&'static str], u32); 11] = [
            (POSITION_VERBS, class::POSITION),
            (REPORTING_VERBS, class::REPORTING),
            (SPEECH_ACT_VERBS, class::SPEECH_ACT),
            (PARTICIPLE_CUES, class::PARTICIPLE),
            (&phrasal, class::PHRASAL),
            (PASSIVE_AUX, class::PASSIVE),
            (DETERMINERS, class::DETERMINER),
            (FAVOR_VERBS, class::FAVOR | class::STANCE_START),
            (AGAINST_VERBS, class::AGAINST | class::STANCE_START),
            (stance_starts, class::STANCE_START),
            (&conditions, class::CONDITION_START),
        ];
        let mut map = std::collections::HashMap::new();
        for (list, flag) in lists {
            for word in list {
                *map.entry(*word).or_insert(0) |= flag;
            }
        }
        map
    });

/// The classes of a lowercase word (0 when it is in no list).
pub(super) fn classes(word: &str) -> u32 {
    CLASSES.get(word).copied().unwrap_or(0)
}
