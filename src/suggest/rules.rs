//! The names of the suggestion rules, one table for all: every suggestion carries the
//! name of the rule that made it (shown in its tooltip and the inspector, printed by
//! `demarche suggest` as `rule`, counted by `demarche suggest --stats`).
//!
//! Each rule has an example it must fire on and a near miss it must not fire on; the
//! tests run both through the whole pipeline, so a name here is a rule that works.

use super::SuggestionKind;

/// One rule: its name, what it proposes, and its two examples.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub name: &'static str,
    pub kind: SuggestionKind,
    /// What it looks for, in a line.
    pub what: &'static str,
    /// A text it fires on; `marked`: words of the suggestion it makes there.
    pub fires_on: &'static str,
    pub marked: &'static str,
    /// A near miss: a text it must not fire on.
    pub not_on: &'static str,
}

pub mod mention {
    pub const REGISTRY: &str = "mention.registry";
    pub const KNOWN_PERSON: &str = "mention.known-person";
    pub const KNOWN_BODY: &str = "mention.known-body";
    pub const GAZETTEER: &str = "mention.gazetteer";
    pub const INTRODUCED_ORGANISATION: &str = "mention.introduced-organisation";
    pub const BODY: &str = "mention.body";
    pub const COMMON_NOUN_BODY: &str = "mention.common-noun-body";
    pub const COLLECTIVE: &str = "mention.collective";
    pub const THE_27: &str = "mention.the-27";
    pub const THE_COUNTRY: &str = "mention.the-country";
    pub const STATE_GOVERNMENT: &str = "mention.state-government";
    pub const GROUP: &str = "mention.group";
    pub const TITLE_AND_NAME: &str = "mention.title-and-name";
    pub const UNNAMED_COUNTERPART: &str = "mention.unnamed-counterpart";
    pub const SCRIPT_ALIAS: &str = "mention.script-alias";
    pub const UNTITLED_PERSON: &str = "mention.untitled-person";
    pub const SPOKESPERSON_LABEL: &str = "mention.spokesperson-label";
    pub const PLURAL_PRONOUN: &str = "mention.plural-pronoun";
    pub const DELEGATE_PRONOUN: &str = "mention.delegate-pronoun";
    pub const PRONOUN: &str = "mention.pronoun";
    pub const EPITHET: &str = "mention.epithet";
    pub const EARLIER_PERSON: &str = "mention.earlier-person";
    pub const EARLIER_BODY: &str = "mention.earlier-body";
}

pub mod statement {
    pub const REPORTING_VERB: &str = "statement.reporting-verb";
    pub const ACCORDING_TO: &str = "statement.according-to";
    pub const POSITION_VERB: &str = "statement.position-verb";
    pub const QUOTE_CONTINUATION: &str = "statement.quote-continuation";
    pub const TRANSCRIPT: &str = "statement.transcript";
    pub const IN_A_STATEMENT: &str = "statement.in-a-statement";
    pub const ISSUER_VOICE: &str = "statement.issuer-voice";
}

pub mod commitment {
    pub const WILL: &str = "commitment.will";
    pub const PLEDGED_THING: &str = "commitment.pledged-thing";
    pub const WOULD_LIKE_TO: &str = "commitment.would-like-to";
    pub const REPORTED_WOULD: &str = "commitment.reported-would";
    pub const READINESS_TO: &str = "commitment.readiness-to";
    pub const AGREE_TO: &str = "commitment.agree-to";
    pub const CERTAIN_TO: &str = "commitment.certain-to";
    pub const PROBABLE_TO: &str = "commitment.probable-to";
    pub const POSSIBLE_TO: &str = "commitment.possible-to";
}

pub mod stance {
    pub const CONCERN: &str = "stance.concern";
    pub const APPRECIATION: &str = "stance.appreciation";
    pub const WELCOMING: &str = "stance.welcoming";
    pub const REFUSAL: &str = "stance.refusal";
    pub const SUPPORT_FOR: &str = "stance.support-for";
    pub const FAVOR_WORD: &str = "stance.favor-word";
    pub const PLEASED_TO_SEE: &str = "stance.pleased-to-see";
    pub const SPEAKS_HIGHLY: &str = "stance.speaks-highly";
    pub const OPPOSITION_TO: &str = "stance.opposition-to";
    pub const AGAINST_WORD: &str = "stance.against-word";
    pub const WARN_AGAINST: &str = "stance.warn-against";
    pub const OBJECT_TO: &str = "stance.object-to";
    pub const HAS_NEVER: &str = "stance.has-never";
    pub const NEUTRAL_WORD: &str = "stance.neutral-word";
    pub const NOT_TAKE_SIDES: &str = "stance.not-take-sides";
    pub const VOICE_SPEECH_ACT: &str = "stance.voice-speech-act";
    pub const VOICE_PHRASE: &str = "stance.voice-phrase";
}

/// The rule named `name`.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

const fn rule_of(
    name: &'static str,
    kind: SuggestionKind,
    what: &'static str,
    fires_on: &'static str,
    marked: &'static str,
    not_on: &'static str,
) -> Rule {
    Rule {
        name,
        kind,
        what,
        fires_on,
        marked,
        not_on,
    }
}

use SuggestionKind::{Commitment as C, Mention as M, Stance as P, Statement as S};

/// Every rule, by kind, in the order the pipeline runs them.
pub static RULES: &[Rule] = &[
    rule_of(
        mention::REGISTRY,
        M,
        "an actor of the project, by its name or an alias",
        "The Acme Alliance met on Monday.",
        "Acme Alliance",
        "The alliance met on Monday.",
    ),
    rule_of(
        mention::KNOWN_PERSON,
        M,
        "a person the text introduced, named again",
        "Foreign Minister Wang Yi arrived in Lima. Wang said the talks were useful.",
        "Wang",
        "Wang said the talks were useful.",
    ),
    rule_of(
        mention::KNOWN_BODY,
        M,
        "an organisation the text introduced, named again",
        "Fighters of the Northern Liberation Forces (NLF) attacked the town. The NLF said they would withdraw.",
        "NLF",
        "Fighters attacked the town. The northern forces said they would withdraw.",
    ),
    rule_of(
        mention::GAZETTEER,
        M,
        "a state, organisation or capital the bundled gazetteer lists",
        "China said on Monday that the talks were useful.",
        "China",
        "The china cabinet was sold on Monday.",
    ),
    rule_of(
        mention::INTRODUCED_ORGANISATION,
        M,
        "an organisation introduced with its acronym, and the acronym later",
        "Fighters of the Northern Liberation Forces (NLF) attacked the town on Monday.",
        "Northern Liberation Forces",
        "Fighters of the northern liberation forces attacked the town on Monday.",
    ),
    rule_of(
        mention::BODY,
        M,
        "a ministry or other government body (\"China's Foreign Ministry\")",
        "China's Foreign Ministry said on Monday that the talks were useful.",
        "Foreign Ministry",
        "A ministry would say so.",
    ),
    rule_of(
        mention::COMMON_NOUN_BODY,
        M,
        "a body named by its common noun after its name (\"the ministry\")",
        "Peru's government said on Monday that the talks were useful.",
        "government",
        "The talks were useful for any government.",
    ),
    rule_of(
        mention::COLLECTIVE,
        M,
        "\"the two countries\", \"both sides\": the states just named",
        "China and Peru signed a deal on Monday. The two countries agreed to expand trade.",
        "The two countries",
        "The two countries agreed to expand trade.",
    ),
    rule_of(
        mention::THE_27,
        M,
        "\"the 27\": the European Union's member states",
        "The European Union met in Brussels. The 27 agreed to extend the sanctions.",
        "The 27",
        "The 27 passengers left on Monday.",
    ),
    rule_of(
        mention::THE_COUNTRY,
        M,
        "\"the country\": the state just mentioned",
        "Peru held elections on Sunday. The country will vote again in June.",
        "The country",
        "The country will vote again in June.",
    ),
    rule_of(
        mention::STATE_GOVERNMENT,
        M,
        "\"the Chinese government\": a state's government",
        "Sudan's army said on Monday that it would not accept any arrangement that treats the RSF as an equal of the government.",
        "government",
        "The army said it would not accept any arrangement.",
    ),
    rule_of(
        mention::GROUP,
        M,
        "a grouping of states named by a word of its name (\"the bloc\")",
        "The European Union met in Brussels. The bloc agreed to extend the sanctions.",
        "The bloc",
        "The bloc agreed to extend the sanctions.",
    ),
    rule_of(
        mention::TITLE_AND_NAME,
        M,
        "a person with a title (\"Foreign Minister Wang Yi\", \"Mr. Lula\")",
        "Foreign Minister Wang Yi arrived in Lima on Monday.",
        "Wang Yi",
        "The foreign minister arrived in Lima on Monday.",
    ),
    rule_of(
        mention::UNNAMED_COUNTERPART,
        M,
        "\"his Peruvian counterpart\": the person of that state named before",
        "Foreign Minister Wang Yi met Peru's Foreign Minister Javier Gonzalez-Olaechea. Wang said his Peruvian counterpart agreed.",
        "counterpart",
        "Wang said his counterpart agreed.",
    ),
    rule_of(
        mention::SCRIPT_ALIAS,
        M,
        "a name in its own script right after the name (\"Wang Yi (王毅)\")",
        "Foreign Minister Wang Yi (王毅) arrived in Lima on Monday.",
        "王毅",
        "Foreign Minister Wang Yi (Beijing) arrived in Lima on Monday.",
    ),
    rule_of(
        mention::UNTITLED_PERSON,
        M,
        "a name a reporting verb introduces (\"Wang Yi said\", \"said Wang Yi\")",
        "The talks were useful, said Javier Gonzalez.",
        "Javier Gonzalez",
        "The talks were useful, said the report.",
    ),
    rule_of(
        mention::SPOKESPERSON_LABEL,
        M,
        "a transcript's label (\"Spokesperson Mao Ning:\")",
        "The following is a transcript of the briefing by Stéphane Dujarric, Spokesman for the Secretary-General.\n\nSpokesman: The Secretary-General welcomes the agreement.",
        "Spokesman",
        "The spokesman said nothing.",
    ),
    rule_of(
        mention::PLURAL_PRONOUN,
        M,
        "\"they\" after two people named in the sentence",
        "Foreign Minister Hakan Fidan met Foreign Minister Sergei Lavrov in Ankara. Both ministers confirmed their commitment to the Istanbul format.",
        "their",
        "The ships left Ankara. Both ships confirmed their course.",
    ),
    rule_of(
        mention::DELEGATE_PRONOUN,
        M,
        "\"we\" or \"our\" in a delegate's quotation: the state they speak for",
        "The representative of France said his country supported the plan.",
        "his country",
        "The owner said his country house was sold.",
    ),
    rule_of(
        mention::PRONOUN,
        M,
        "\"he\", \"she\": the person last named who fits",
        "Foreign Minister Wang Yi arrived in Lima. He said the talks were useful.",
        "He",
        "The ship arrived in Lima. It was late.",
    ),
    rule_of(
        mention::EPITHET,
        M,
        "\"the top diplomat\": the person last named whose role fits",
        "Foreign Minister Wang Yi arrived in Lima. The top diplomat said the talks were useful.",
        "The top diplomat",
        "The top diplomat said the talks were useful.",
    ),
    rule_of(
        mention::EARLIER_PERSON,
        M,
        "a person named before the sentence that introduces them (a headline)",
        "Lula meets Wang\n\nBrazilian President Luiz Inácio Lula da Silva met Foreign Minister Wang Yi on Monday.",
        "Lula",
        "Lula meets Wang",
    ),
    rule_of(
        mention::EARLIER_BODY,
        M,
        "an organisation named before the sentence that introduces it",
        "NLF attacks town\n\nFighters of the Northern Liberation Forces (NLF) attacked the town on Monday.",
        "NLF",
        "NLF attacks town",
    ),
    rule_of(
        statement::REPORTING_VERB,
        S,
        "a sentence with a reporting verb and its speaker (\"X said\", \"X told\")",
        "China said on Monday that the talks were useful.",
        "China said on Monday that the talks were useful.",
        "The talks were useful on Monday.",
    ),
    rule_of(
        statement::ACCORDING_TO,
        S,
        "\"according to X\": X is the speaker",
        "The talks were useful, according to China.",
        "The talks were useful, according to China.",
        "The talks were useful, according to plan.",
    ),
    rule_of(
        statement::POSITION_VERB,
        S,
        "a named actor making a position known (\"welcomed\", \"reaffirmed\")",
        "China welcomed the ceasefire in Gaza.",
        "China welcomed the ceasefire in Gaza.",
        "The ceasefire in Gaza was welcomed.",
    ),
    rule_of(
        statement::QUOTE_CONTINUATION,
        S,
        "a quotation's further sentences, the speaker of its cue",
        "\"We will help,\" China said. \"We expect results.\"",
        "\"We expect results.\"",
        "\"We will help,\" China said. The talks ended.",
    ),
    rule_of(
        statement::TRANSCRIPT,
        S,
        "a transcript's answer: every sentence is the labelled speaker's",
        "Spokesperson Mao Ning: China welcomes the talks. Peru is a friend.\n\nQuestion: What about Peru?",
        "Peru is a friend.",
        "Question: What about Peru?",
    ),
    rule_of(
        statement::IN_A_STATEMENT,
        S,
        "\"In a statement, the ministry condemned …\"",
        "In a statement, the Foreign Ministry of Peru described the attack as a crime.",
        "In a statement, the Foreign Ministry of Peru described the attack as a crime.",
        "In a statement of accounts, the bank described the fees.",
    ),
    rule_of(
        statement::ISSUER_VOICE,
        S,
        "an official text's sentence in its issuer's own voice (\"The Parties agree to …\")",
        "Joint Statement of the United States and Japan\n\nMedia Note\n\nOffice of the Spokesperson\n\nThe United States and Japan held talks in Tokyo on May 2. The United States will continue to support the efforts of Japan to strengthen its energy security.",
        "The United States will continue to support the efforts of Japan to strengthen its energy security.",
        "Joint Statement of the United States and Japan\n\nMedia Note\n\nOffice of the Spokesperson\n\nThe weather in Tokyo was fine on May 2.",
    ),
    rule_of(
        commitment::WILL,
        C,
        "\"will\" or \"shall\" before an action: certain",
        "China said it will deepen cooperation with Peru.",
        "will deepen cooperation",
        "China said the political will was lacking.",
    ),
    rule_of(
        commitment::PLEDGED_THING,
        C,
        "\"pledged $2 billion\": a promise of a thing, certain",
        "China said it pledged $2 billion in aid to Peru.",
        "pledged $2 billion",
        "China said the pledge was generous.",
    ),
    rule_of(
        commitment::WOULD_LIKE_TO,
        C,
        "\"would like to\": possible",
        "China said it would like to expand trade with Peru.",
        "would like to expand trade",
        "China said it would like tea.",
    ),
    rule_of(
        commitment::REPORTED_WOULD,
        C,
        "a reported future, \"said China would …\": certain",
        "Wang Yi said China would expand trade with Peru.",
        "would expand trade",
        "China would expand trade with Peru, analysts thought.",
    ),
    rule_of(
        commitment::READINESS_TO,
        C,
        "\"reaffirmed its readiness to\": possible",
        "China said it reaffirmed its readiness to expand trade with Peru.",
        "readiness to expand trade",
        "China said its readiness was doubted.",
    ),
    rule_of(
        commitment::AGREE_TO,
        C,
        "\"agreed to\": certain, category AGREE",
        "China said it agreed to expand trade with Peru.",
        "agreed to expand trade",
        "China said the agreed terms were fair.",
    ),
    rule_of(
        commitment::CERTAIN_TO,
        C,
        "\"pledged to\", \"vowed to\", \"committed to\": certain",
        "China said it pledged to expand trade with Peru.",
        "pledged to expand trade",
        "China said the plan to expand trade was old.",
    ),
    rule_of(
        commitment::PROBABLE_TO,
        C,
        "\"plans to\", \"intends to\", \"expects to\": probable",
        "China said it plans to expand trade with Peru.",
        "plans to expand trade",
        "China said the plans were old.",
    ),
    rule_of(
        commitment::POSSIBLE_TO,
        C,
        "\"is willing to\", \"stands ready to\": possible",
        "China said it is willing to expand trade with Peru.",
        "willing to expand trade",
        "China said the willing buyers were few.",
    ),
    rule_of(
        stance::CONCERN,
        P,
        "\"expressed concern\", \"is deeply concerned\": against",
        "China said it expressed concern over the sanctions.",
        "concern",
        "China said the concern was a company.",
    ),
    rule_of(
        stance::APPRECIATION,
        P,
        "\"expressed appreciation for\": favor",
        "China said it expressed appreciation for the mediation by Qatar.",
        "appreciation for",
        "China said the appreciation was slow.",
    ),
    rule_of(
        stance::WELCOMING,
        P,
        "\", welcoming …\": favor",
        "China said it signed the deal on Monday, welcoming the progress.",
        "welcoming",
        "China said the welcoming ceremony was long.",
    ),
    rule_of(
        stance::REFUSAL,
        P,
        "\"would not support\": against",
        "China said it would not support the resolution.",
        "support",
        "China said it would support the resolution.",
    ),
    rule_of(
        stance::SUPPORT_FOR,
        P,
        "\"support for\": favor",
        "Kenya said it expressed support for a longer extension of the trade preferences.",
        "support for",
        "Kenya said the support office was closed.",
    ),
    rule_of(
        stance::FAVOR_WORD,
        P,
        "a word of favour (\"supports\", \"welcomed\", \"praised\")",
        "China said it supports the resolution.",
        "supports",
        "China said it will support the resolution.",
    ),
    rule_of(
        stance::PLEASED_TO_SEE,
        P,
        "\"is pleased to see\": favor",
        "China said it is pleased to see the progress.",
        "pleased to see",
        "China said it is pleased to attend.",
    ),
    rule_of(
        stance::SPEAKS_HIGHLY,
        P,
        "\"spoke highly of\": favor",
        "China said it spoke highly of the mediation by Qatar.",
        "spoke highly of",
        "China said it spoke at the meeting.",
    ),
    rule_of(
        stance::OPPOSITION_TO,
        P,
        "\"opposition to\", \"condemnation of\": against",
        "Brazil’s Mauro Vieira reaffirmed Brasília’s opposition to any military intervention in the region.",
        "opposition to",
        "Brazil’s Mauro Vieira met the opposition in the region.",
    ),
    rule_of(
        stance::AGAINST_WORD,
        P,
        "a word of opposition (\"opposes\", \"condemned\", \"rejects\")",
        "China said it opposes the sanctions.",
        "opposes",
        "China said it would oppose the sanctions.",
    ),
    rule_of(
        stance::WARN_AGAINST,
        P,
        "\"warned against\": against",
        "China said it warned against new sanctions.",
        "warned against",
        "China said it warned Peru.",
    ),
    rule_of(
        stance::OBJECT_TO,
        P,
        "\"objects to\": against",
        "China said it objects to the sanctions.",
        "objects to",
        "China said the objects were old.",
    ),
    rule_of(
        stance::HAS_NEVER,
        P,
        "\"has never …\": against",
        "China said it has never accepted the ruling.",
        "has never",
        "China said it has accepted the ruling.",
    ),
    rule_of(
        stance::NEUTRAL_WORD,
        P,
        "\"neutral\", \"impartial\": neutral",
        "China said it remains neutral in the conflict.",
        "neutral",
        "China said it remains in the conflict.",
    ),
    rule_of(
        stance::NOT_TAKE_SIDES,
        P,
        "\"does not take sides\": neutral",
        "China said it does not take sides in the conflict.",
        "take sides",
        "China said it will take part in the talks.",
    ),
    rule_of(
        stance::VOICE_SPEECH_ACT,
        P,
        "in the issuer's voice, a speech act that takes a position (\"congratulated\")",
        "Readout\n\nOffice of the Spokesperson\n\nSecretary of State Antony J. Blinken spoke today with Peruvian Foreign Minister Javier Gonzalez-Olaechea. Secretary Blinken congratulated Peru on its elections.",
        "congratulated",
        "Readout\n\nOffice of the Spokesperson\n\nSecretary of State Antony J. Blinken spoke today with Peruvian Foreign Minister Javier Gonzalez-Olaechea.",
    ),
    rule_of(
        stance::VOICE_PHRASE,
        P,
        "in the issuer's voice, a phrase of the issuer-voice list (\"noted the importance of\")",
        "Readout\n\nOffice of the Spokesperson\n\nSecretary of State Antony J. Blinken spoke today with Peruvian Foreign Minister Javier Gonzalez-Olaechea. The Secretary noted the importance of free trade.",
        "importance of",
        "Readout\n\nOffice of the Spokesperson\n\nSecretary of State Antony J. Blinken spoke today with Peruvian Foreign Minister Javier Gonzalez-Olaechea. The Secretary noted the time.",
    ),
];
