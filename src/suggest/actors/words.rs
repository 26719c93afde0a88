//! Word lists the mention rules use: titles, name particles, words that never belong to a
//! person's name, government words after demonyms, pronouns and epithet heads.
//! All comparisons ignore ASCII case unless said otherwise.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

type Set = OnceLock<HashSet<&'static [u8]>>;

/// `word` is in `list`, ignoring ASCII case (`list` is lower-case). The rules look words up
/// for every token of the text, so the lists become hash sets once and the word is
/// lower-cased on the stack.
fn folded_in(list: &'static [&'static str], set: &'static Set, word: &str) -> bool {
    const MAX: usize = 40;
    let bytes = word.as_bytes();
    if bytes.len() > MAX || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; MAX];
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    let set = set.get_or_init(|| list.iter().map(|w| w.as_bytes()).collect());
    set.contains(&buf[..bytes.len()])
}

/// `word` is in `list` exactly.
fn exactly_in(list: &'static [&'static str], set: &'static Set, word: &str) -> bool {
    set.get_or_init(|| list.iter().map(|w| w.as_bytes()).collect())
        .contains(word.as_bytes())
}

macro_rules! any_eq {
    ($list:ident, $word:expr) => {{
        static SET: Set = OnceLock::new();
        folded_in($list, &SET, $word)
    }};
}

macro_rules! exact {
    ($list:ident, $word:expr) => {{
        static SET: Set = OnceLock::new();
        exactly_in($list, &SET, $word)
    }};
}

/// Words that make a title by themselves ("Minister", "President", "spokesperson").
const TITLE_HEADS: &[&str] = &[
    "minister",
    "president",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "envoy",
    "chancellor",
    "premier",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sultan",
    "sheikh",
    "director",
    "governor",
    "senator",
    "representative",
    "commissioner",
    "councilor",
    "councillor",
    "counselor",
    "counsellor",
    "adviser",
    "advisor",
    "mayor",
    "general",
    "admiral",
    "leader",
    "chief",
    "pope",
    "speaker",
    "counterpart",
    "spokespeople",
    "coordinator",
    "negotiator",
    "diplomat",
    "undersecretary",
    "president-elect",
    "ruler",
    "monarch",
    "lawmaker",
    "official",
    "commander",
    "mediator",
    "aide",
    "officer",
    "judge",
    "prosecutor",
    "rapporteur",
];

/// Words that only qualify a title ("Foreign", "Vice", "of State").
const TITLE_MODIFIERS: &[&str] = &[
    "foreign",
    "prime",
    "vice",
    "deputy",
    "assistant",
    "state",
    "special",
    "defense",
    "defence",
    "national",
    "security",
    "trade",
    "finance",
    "permanent",
    "high",
    "crown",
    "executive",
    "first",
    "under",
    "affairs",
    "economy",
    "economic",
    "commerce",
    "interior",
    "home",
    "justice",
    "health",
    "energy",
    "climate",
    "external",
    "senior",
    "acting",
    "former",
    "elect",
    "supreme",
    "grand",
    "principal",
    "presidential",
    "treasury",
    "agriculture",
    "education",
    "environment",
    "development",
    "cooperation",
    "international",
    "public",
    "information",
    "federal",
    "majority",
    "minority",
    "top",
    "chief",
    "councilor",
    "relations",
    "european",
    "overseas",
    "commercial",
    "political",
    "military",
    "outgoing",
    "incoming",
    "interim",
    "transitional",
    "co-chair",
    "secretary-general",
    "policy",
];

/// Honorifics: a person title without a role ("Mr. Wang").
/// Abbreviated ranks and offices ("Gen.", "Sen.") count as honorifics too.
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Madam", "Madame", "Prof", "Gen", "Lt", "Col", "Maj", "Adm", "Capt",
    "Sgt", "Sen", "Rep", "Gov", "Amb", "H.E.", "H.E",
];

/// Some title words say the person's gender, which pronoun resolution uses.
const FEMALE_TITLES: &[&str] = &[
    "spokeswoman",
    "queen",
    "princess",
    "chairwoman",
    "mrs",
    "ms",
    "madam",
    "madame",
];
const MALE_TITLES: &[&str] = &[
    "spokesman",
    "king",
    "prince",
    "chairman",
    "mr",
    "emir",
    "sultan",
    "sheikh",
];

/// How a word can take part in a title.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TitleWord {
    Head,
    Modifier,
    Honorific,
}

pub fn title_word(word: &str) -> Option<TitleWord> {
    // Headline short forms ("Chinese FM Wang Yi"), in capitals only.
    if matches!(word, "FM" | "PM") {
        return Some(TitleWord::Head);
    }
    if exact!(HONORIFICS, word) {
        Some(TitleWord::Honorific)
    } else if any_eq!(TITLE_HEADS, word) {
        Some(TitleWord::Head)
    } else if any_eq!(TITLE_MODIFIERS, word) {
        Some(TitleWord::Modifier)
    } else {
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a title implies, if any.
pub fn title_gender(title: &str) -> Option<Gender> {
    let mut found = None;
    for word in title.split(|c: char| !c.is_alphanumeric()) {
        if any_eq!(FEMALE_TITLES, word) {
            found = Some(Gender::Female);
        } else if any_eq!(MALE_TITLES, word) {
            found = Some(Gender::Male);
        }
    }
    found
}

/// Lower-case particles inside names ("da Silva", "von der Leyen", "al-Sisi").
pub const PARTICLES: &[&str] = &[
    "da", "de", "do", "dos", "das", "di", "del", "della", "der", "den", "van", "von", "la", "le",
    "du", "al", "el", "bin", "ibn", "bint", "ben", "abu", "ter", "y", "e", "zu", "af",
];

pub fn is_particle(word: &str) -> bool {
    exact!(PARTICLES, word)
}

/// Capitalised words that start sentences or name dates, never part of a person's name.
const NOT_NAME: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "And",
    "But",
    "Or",
    "He",
    "She",
    "It",
    "His",
    "Her",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "According",
    "After",
    "Before",
    "During",
    "While",
    "When",
    "Meanwhile",
    "However",
    "Also",
    "For",
    "With",
    "Under",
    "As",
    "If",
    "Since",
    "Both",
    "Two",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "To",
    "From",
    "By",
    "Of",
    "Speaking",
    "Asked",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Feb",
    "Mar",
    "Apr",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Xinhua",
    "Reuters",
    "AFP",
    "AP",
    "Beijing",
    "Today",
    "Tomorrow",
    "Yesterday",
    "Here",
    "There",
    "Such",
    "Some",
    "Many",
    "All",
    "Each",
    "Every",
    "Other",
    "Another",
    "Not",
    "No",
    "Yes",
    "Thank",
    "Thanks",
    "Dear",
    "Ladies",
    "Gentlemen",
    "Question",
    "Answer",
    "Q",
    "Follow",
    "Now",
    "Then",
    "Still",
    "Yet",
    "Even",
    "Only",
    "Joint",
    "Statement",
    "Press",
    "Conference",
    "Summit",
    "BEIJING",
    "WASHINGTON",
];

/// Words that show a capitalised sequence names an institution or event, not a person.
const INSTITUTION_WORDS: &[&str] = &[
    "Assembly",
    "Council",
    "Committee",
    "Ministry",
    "Department",
    "Office",
    "Organization",
    "Organisation",
    "Union",
    "Nations",
    "Republic",
    "Forum",
    "Summit",
    "Conference",
    "Agency",
    "Bank",
    "Fund",
    "Court",
    "House",
    "Party",
    "Day",
    "Week",
    "Affairs",
    "Group",
    "Association",
    "Commission",
    "Parliament",
    "Congress",
    "Senate",
    "Government",
    "News",
    "Times",
    "Post",
    "Press",
    "Road",
    "Initiative",
    "Agreement",
    "Treaty",
    "Declaration",
    "Charter",
    "Program",
    "Programme",
    "Cup",
    "Games",
    "University",
    "Institute",
    "Center",
    "Centre",
    "Corporation",
    "Company",
    "Airport",
    "Hall",
    "Palace",
    "Square",
    "Street",
    "Sea",
    "Ocean",
    "Strait",
    "River",
    "Island",
    "Islands",
    "Mountain",
    "Province",
    "City",
    "State",
    "States",
    "Kingdom",
    "Federation",
    "Community",
    "Area",
    "Zone",
    "Partnership",
    "Dialogue",
    "Framework",
    "Plan",
    "Strategy",
    "Act",
    "Law",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Guard",
    "Police",
    "Service",
    "Network",
    "Foundation",
    "Council's",
    "Era",
    "Belt",
    "Watch",
    "International",
    "Authority",
    "Bureau",
    "Movement",
    "Front",
    "Brigades",
    "Journal",
    "Daily",
    "Herald",
    "Review",
    "Television",
    "Radio",
    "TV",
    "Media",
    "Corp",
    "Inc",
    "Ltd",
    "Holdings",
    "Airlines",
    "Motors",
    "Technologies",
    "Club",
    "Hospital",
    "School",
    "Coalition",
    "Secretariat",
    "Tribunal",
    "Mission",
    "Embassy",
    "Silk",
    "Cooperation",
    "Development",
    "Security",
    "Peace",
    "Year",
    "Festival",
];

/// True for a capitalised word that cannot be part of a person's name.
pub fn not_name(word: &str) -> bool {
    exact!(NOT_NAME, word) || title_word(word).is_some()
}

pub fn is_institution_word(word: &str) -> bool {
    exact!(INSTITUTION_WORDS, word)
}

/// Words after a demonym that show it stands for the state ("Chinese officials").
const GOVERNMENT_WORDS: &[&str] = &[
    "government",
    "governments",
    "officials",
    "official",
    "authorities",
    "side",
    "sides",
    "delegation",
    "delegations",
    "leader",
    "leaders",
    "leadership",
    "diplomats",
    "diplomat",
    "diplomacy",
    "counterpart",
    "counterparts",
    "embassy",
    "embassies",
    "military",
    "army",
    "navy",
    "troops",
    "forces",
    "administration",
    "ministry",
    "ministries",
    "envoy",
    "envoys",
    "ambassador",
    "president",
    "premier",
    "minister",
    "foreign",
    "defense",
    "defence",
    "state",
    "regime",
    "cabinet",
    "parliament",
    "lawmakers",
    "negotiators",
    "position",
    "positions",
    "proposal",
    "proposals",
    "initiative",
    "policy",
    "policies",
    "stance",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "vice",
    "prime",
    "chancellor",
    "king",
    "counterpart",
    "team",
    "mission",
    "consulate",
    "statement",
    "sanctions",
    "foreign-policy",
    "intelligence",
    "coast",
    "warships",
    "aircraft",
    "officers",
    "secretary",
    "special",
    "top",
    "deputy",
    "permanent",
    "representative",
    "representatives",
    "senior",
    "national",
    "administration's",
    "commerce",
    "trade",
    "finance",
    "defence",
    "security",
    "navy's",
    "air",
    "central",
];

/// More words after a demonym that show it stands for the state ("Israeli strikes").
const STATE_ACTION_WORDS: &[&str] = &[
    "strikes",
    "airstrikes",
    "attacks",
    "soldiers",
    "operations",
    "offensive",
    "bombardment",
    "blockade",
    "presidency",
    "chairmanship",
    "chairship",
    "partners",
    "allies",
    "mediators",
    "mediation",
    "plan",
    "legislature",
    "consul",
    "counterpart's",
    "ministers",
    "officer",
    "agencies",
    "negotiator",
    "regulators",
    "prosecutors",
    "diplomatic",
    "naval",
    "warplanes",
    "drones",
    "missiles",
    "missile",
    "nuclear",
    "peacekeepers",
    "ceasefire",
    "embargo",
    "tariffs",
    "retaliation",
    "crackdown",
    "veto",
    "vote",
    "leader's",
    "aid",
    "vessel",
    "vessels",
    "ships",
    "ship",
    "police",
    "coastguard",
    "junta",
    "military's",
];

pub fn is_government_word(word: &str) -> bool {
    any_eq!(STATE_ACTION_WORDS, word) || any_eq!(GOVERNMENT_WORDS, word)
}

/// Words before a capital that show it is the place ("talks in Beijing").
const PLACE_WORDS: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "into",
    "near",
    "outside",
    "via",
    "around",
    "across",
    "toward",
    "towards",
    "visit",
    "visited",
    "visiting",
    "visits",
    "arrived",
    "arrive",
    "arriving",
    "arrives",
    "reached",
    "leaving",
    "left",
    "landed",
    "flew",
    "held",
    "of",
    "inside",
    "throughout",
    "downtown",
    "central",
    "suburban",
    "streets",
    "hosted",
    "hosting",
    "host",
    "within",
    "through",
    "return",
    "returned",
    "returning",
    "travel",
    "traveled",
    "travelled",
    "trip",
    "based",
    "where",
    "capital",
];

pub fn is_place_word(word: &str) -> bool {
    any_eq!(PLACE_WORDS, word)
}

/// Words before "to" that make it a destination ("flew to Beijing").
pub fn is_movement_word(word: &str) -> bool {
    matches!(
        word,
        "travel"
            | "travels"
            | "traveled"
            | "travelled"
            | "traveling"
            | "travelling"
            | "flew"
            | "fly"
            | "flies"
            | "flying"
            | "went"
            | "go"
            | "goes"
            | "going"
            | "trip"
            | "visit"
            | "visits"
            | "return"
            | "returned"
            | "returns"
            | "returning"
            | "head"
            | "headed"
            | "heading"
            | "heads"
            | "moved"
            | "move"
            | "journey"
            | "way"
            | "back"
            | "on"
            | "flight"
            | "flights"
            | "drove"
            | "sailed"
            | "came"
            | "come"
            | "arrived"
            | "tour"
            | "mission"
            | "delegation"
            | "delegations"
            | "envoy"
            | "envoys"
    )
}

/// Third-person pronouns coded as mentions of a person, with the gender they imply.
pub fn pronoun(word: &str) -> Option<Gender> {
    match word {
        "he" | "He" | "him" | "his" | "His" | "HE" => Some(Gender::Male),
        "she" | "She" | "her" | "Her" | "hers" | "SHE" => Some(Gender::Female),
        _ => None,
    }
}

/// Who speaks for a state in meetings coverage without being named ("the representative
/// of France", "Denmark's delegate", "the speaker for the Russian Federation").
pub fn is_delegate_noun(word: &str) -> bool {
    matches!(word, "representative" | "delegate" | "speaker" | "observer")
}

/// Object pronouns: never the subject of their own clause.
pub fn is_object_pronoun(word: &str) -> bool {
    matches!(word, "him")
}

/// Heads of epithets ("the top diplomat", "the minister").
const EPITHET_HEADS: &[&str] = &[
    "chief",
    "minister",
    "diplomat",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "president",
    "envoy",
    "ambassador",
    "premier",
    "chancellor",
    "secretary",
    "secretary-general",
    "leader",
    "chairman",
    "chairwoman",
    "king",
    "queen",
    "emir",
    "commissioner",
    "representative",
    "official",
    "counselor",
    "councilor",
];

/// Words allowed between "the" and an epithet's head.
const EPITHET_MODIFIERS: &[&str] = &[
    "top",
    "chief",
    "foreign",
    "prime",
    "vice",
    "deputy",
    "special",
    "senior",
    "visiting",
    "former",
    "veteran",
    "new",
    "state",
    "defense",
    "defence",
    "trade",
    "finance",
    "high",
    "permanent",
    "u.s.",
    "european",
    "chinese",
    "american",
    "brazilian",
    "russian",
    "indian",
    "french",
    "british",
    "german",
    "japanese",
    "korean",
];

/// Epithet modifiers that must appear in the person's role ("the foreign minister").
pub const ROLE_MODIFIERS: &[&str] = &[
    "foreign",
    "prime",
    "vice",
    "deputy",
    "special",
    "defense",
    "defence",
    "trade",
    "finance",
    "high",
    "permanent",
];

pub fn is_epithet_head(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase) && any_eq!(EPITHET_HEADS, word)
        || matches!(
            word,
            "President"
                | "Premier"
                | "Minister"
                | "Secretary-General"
                | "Chairperson"
                | "Chairman"
                | "Chairwoman"
        )
}

pub fn is_epithet_modifier(word: &str) -> bool {
    any_eq!(EPITHET_MODIFIERS, word)
}

/// The kind of office a role (lower-case) is, for matching counterparts: heads of state
/// or government meet each other, foreign ministers meet each other.
pub fn office_kind(role: &str) -> Option<&'static str> {
    const LEADERS: &[&str] = &[
        "president",
        "prime minister",
        "premier",
        "chancellor",
        "king",
        "emir",
        "sultan",
    ];
    if role.contains("foreign") || role.contains("secretary of state") {
        Some("foreign")
    } else if role.contains("vice") || role.contains("deputy") {
        None
    } else if LEADERS.iter().any(|l| role.contains(l)) {
        Some("leader")
    } else if role.contains("defen") {
        Some("defence")
    } else {
        None
    }
}

/// True when an epithet's head fits a person's role (both lower-case).
pub fn role_fits(head: &str, role: &str) -> bool {
    match head {
        "diplomat" => [
            "foreign",
            "secretary of state",
            "state councilor",
            "ambassador",
            "envoy",
        ]
        .iter()
        .any(|r| role.contains(r)),
        "leader" => [
            "president",
            "premier",
            "prime minister",
            "chancellor",
            "king",
            "chairman",
            "leader",
            "emir",
            "sultan",
        ]
        .iter()
        .any(|r| role.contains(r)),
        "spokesperson" | "spokesman" | "spokeswoman" => role.contains("spokes"),
        "chief" => ["chief", "secretary-general", "director", "head"]
            .iter()
            .any(|r| role.contains(r)),
        "official" => !role.is_empty(),
        "president" => role.contains("president") && !role.contains("vice"),
        "premier" => role.contains("premier") || role.contains("prime minister"),
        _ => role.contains(head),
    }
}

/// What a collective reference ("both sides", "the two leaders") refers to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Collective {
    States,
    People,
    /// States if two are clear, otherwise people.
    Sides,
    /// Ministries ("the two foreign ministries").
    Ministries,
}

/// `word` in any case ("Presidents" in "the two Presidents").
pub fn collective_head(word: &str) -> Option<Collective> {
    if word.len() > 12 || !word.is_ascii() {
        return None;
    }
    match word.to_ascii_lowercase().as_str() {
        "countries" | "nations" | "governments" | "states" | "neighbours" | "neighbors"
        | "juntas" => Some(Collective::States),
        "leaders" | "presidents" | "ministers" | "diplomats" | "envoys" | "heads" | "officials" => {
            Some(Collective::People)
        }
        "sides" | "parties" | "delegations" => Some(Collective::Sides),
        "ministries" => Some(Collective::Ministries),
        _ => None,
    }
}

/// "the two …", "the three …": how many referents a collective has.
pub fn count_word(word: &str) -> Option<usize> {
    match word {
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        _ => None,
    }
}

/// Words between "the two" and "sides" / "parties" ("the two warring parties").
pub fn is_side_modifier(word: &str) -> bool {
    matches!(
        word,
        "warring" | "rival" | "negotiating" | "opposing" | "feuding" | "conflicting"
    )
}

/// Words that make "the … group" an armed group ("the militant group").
pub fn is_armed_modifier(word: &str) -> bool {
    matches!(
        word,
        "militant"
            | "paramilitary"
            | "rebel"
            | "armed"
            | "insurgent"
            | "jihadist"
            | "islamist"
            | "Islamist"
            | "separatist"
    )
}

/// How a common noun can name a body met before ("the mission", "army", "the Council").
#[derive(Clone, Copy)]
pub struct BodyNoun {
    /// Capitalised, it is a short name ("the Council", "the Forum"); otherwise only in
    /// lower case.
    pub short_name: bool,
    /// The mention keeps "the" ("the confederation", "the council" as the rules always
    /// spanned it).
    pub with_article: bool,
    /// A state's body by CAMEO suffix ("army" → "MIL"), found from the state.
    pub state_body: Option<&'static str>,
    /// Only capitalised ("the Organization" for the UN; "the organization" is a group
    /// word).
    pub capital_only: bool,
}

/// `body_noun` of `word` in any ASCII case, without allocating.
pub fn body_noun_folded(word: &str) -> Option<BodyNoun> {
    const MAX: usize = 16;
    let bytes = word.as_bytes();
    if bytes.len() > MAX || bytes.len() < 4 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; MAX];
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    body_noun(std::str::from_utf8(&buf[..bytes.len()]).ok()?)
}

/// Common nouns that name a body met before (`word` in lower case).
pub fn body_noun(word: &str) -> Option<BodyNoun> {
    let noun = |short_name, with_article, state_body| {
        Some(BodyNoun {
            short_name,
            with_article,
            state_body,
            capital_only: false,
        })
    };
    match word {
        // "the Union" after the African Union, "the Assembly" after the General Assembly.
        "organization" | "organisation" | "union" | "assembly" => Some(BodyNoun {
            short_name: true,
            with_article: false,
            state_body: None,
            capital_only: true,
        }),
        // "the Government", capitalised as official and UN texts write it.
        "government" => noun(true, false, None),
        "coast" => noun(false, false, None),
        "army" => noun(false, false, Some("MIL")),
        "parliament" => noun(true, false, Some("LEG")),
        "mission" | "force" => noun(true, false, None),
        "council" | "commission" | "forum" | "committee" => noun(true, true, None),
        "confederation" | "movement" => noun(false, true, None),
        _ => None,
    }
}

/// "the council", "the ministry": an organisation or body named just before.
pub fn is_office_noun(word: &str) -> bool {
    matches!(
        word,
        "council"
            | "commission"
            | "union"
            | "agency"
            | "bank"
            | "court"
            | "ministry"
            | "department"
            | "assembly"
            | "parliament"
            | "forum"
            | "fund"
            | "secretariat"
            | "office"
            | "tribunal"
            | "committee"
            | "congress"
            | "senate"
    )
}

/// "the bloc", "the group": the most recent organisation or grouping.
pub fn is_group_word(word: &str) -> bool {
    matches!(
        word,
        "bloc" | "group" | "grouping" | "alliance" | "organization" | "organisation"
    )
}

/// Words before a name that show a person is meant ("met Kassym-Jomart Tokayev").
pub fn is_meeting_word(word: &str) -> bool {
    matches!(
        word,
        "met"
            | "meets"
            | "meeting"
            | "thanked"
            | "congratulated"
            | "invited"
            | "received"
            | "hosted"
            | "welcomed"
            | "counterpart"
    )
}

/// Last words of event and place names that contain a state's name ("China-Central Asia
/// Summit", "China International Import Expo").
pub fn is_event_word(word: &str) -> bool {
    matches!(
        word,
        "Summit"
            | "Forum"
            | "Expo"
            | "Exposition"
            | "Initiative"
            | "Games"
            | "Fair"
            | "Festival"
            | "Corridor"
            | "Railway"
            | "Bridge"
            | "Port"
            | "Park"
            | "Zone"
            | "Centre"
            | "Center"
            | "University"
            | "Institute"
            | "Sea"
            | "Airport"
            | "Daily"
            | "Times"
            | "Post"
            | "Cup"
            | "Week"
            | "Day"
            | "Conference"
            | "Road"
            | "Strait"
            | "Peninsula"
            | "Basin"
            | "Mechanism"
            | "Pipeline"
            | "Hospital"
            | "School"
            | "Museum"
            | "Stadium"
            | "Hall"
            | "Square"
            | "Street"
            | "Avenue"
            | "Expressway"
    )
}

/// Last words of documents named after an organisation ("United Nations Convention on
/// the Law of the Sea", "UN Charter"): no mention of it, even right after the name.
pub fn is_document_word(word: &str) -> bool {
    matches!(
        word,
        "Convention" | "Charter" | "Treaty" | "Protocol" | "Declaration" | "Statute"
    )
}

/// Lower-case nouns after a capital that make it the name of a process or an accord
/// ("the Doha process", "the Washington accord"): the place, not the government.
pub fn is_process_noun(word: &str) -> bool {
    matches!(
        word,
        "process"
            | "track"
            | "round"
            | "accord"
            | "accords"
            | "format"
            | "framework"
            | "declaration"
            | "consensus"
            | "communique"
            | "communiqué"
            | "talks"
            | "negotiations"
            | "summit"
            | "conference"
            | "agreement"
            | "roadmap"
            | "channel"
            | "mechanism"
    )
}

/// Verbs a person's name is the subject of in diplomatic copy ("Tokayev welcomed …").
pub fn is_speaker_verb(word: &str) -> bool {
    matches!(
        word,
        "pledged"
            | "expressed"
            | "called"
            | "welcomed"
            | "praised"
            | "hailed"
            | "reaffirmed"
            | "thanked"
            | "congratulated"
            | "insisted"
            | "argued"
            | "acknowledged"
            | "vowed"
            | "promised"
            | "proposed"
            | "highlighted"
            | "spoke"
            | "condemned"
            | "criticised"
            | "criticized"
            | "rejected"
            | "denied"
            | "accused"
            | "signed"
            | "visited"
            | "arrived"
            | "held"
            | "met"
            | "declined"
            | "confirmed"
            | "insists"
            | "believes"
    )
}

/// Verbs that follow or precede a speaker's name ("Wang Yi said", "said Wang Yi"): the
/// reporting verbs of the English rule set, the same list the statement rules read.
pub fn is_reporting_verb(word: &str) -> bool {
    crate::suggest::lexicon::Lexicon::for_language("en")
        .is_some_and(|lex| lex.reporting_verbs.contains(&word))
}
