//! The lexicon file format (`docs/lexicon.md`): serde types of one TOML pack.
//!
//! A pack is one TOML file with a `[lexicon]` header and any of the entry tables below.
//! Every entry has an `id` (kept with its position, so that errors and traces can point
//! at it) and `examples` that a test runs. Unknown keys are errors everywhere.
//!
//! Forms (`forms`, `masculine`, `feminine`, alias `text`) are written as they appear in
//! articles, without clitics: the matcher lets Arabic و ف ب ل ك and the article ال attach
//! to the first word (`قال` matches `وقال`, `مصادر` matches `للمصادر`), and normalises
//! forms exactly as it normalises articles. A form ending in `*` matches any ending of its
//! last word (`تشاوو*`).

use serde::Deserialize;
use toml::Spanned;

/// One lexicon file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// The pack header.
    pub lexicon: Header,
    /// Attribution cues.
    #[serde(default)]
    pub cue: Vec<Cue>,
    /// Hedge, distance, negation markers.
    #[serde(default)]
    pub marker: Vec<Marker>,
    /// Function words the attribution grammar needs (complementizers, quantifiers, …).
    #[serde(default)]
    pub particle: Vec<Particle>,
    /// Generic source nouns (`مصادر`, `الوكالة`, "officials").
    #[serde(default)]
    pub source_noun: Vec<SourceNoun>,
    /// Known sources (SANA, Sputnik, a named minister).
    #[serde(default)]
    pub source: Vec<Source>,
    /// Actors (armed groups, states, forces).
    #[serde(default)]
    pub actor: Vec<Actor>,
    /// Places.
    #[serde(default)]
    pub place: Vec<Place>,
    /// Event predicates: the claim frames.
    #[serde(default)]
    pub predicate: Vec<Predicate>,
    /// Page furniture rules.
    #[serde(default)]
    pub furniture: Vec<LineRule>,
    /// Byline rules.
    #[serde(default)]
    pub byline: Vec<LineRule>,
    /// The section sub-heading rule.
    pub subheading: Option<Subheading>,
    /// The author line above an author bio.
    pub author_line: Option<AuthorLine>,
}

/// The `[lexicon]` header of a pack.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Pack id (`ar`, `en`, `syria`).
    pub id: String,
    /// Default language of the pack's forms (`ar`, `en`); entries may override it.
    #[serde(default)]
    pub language: Option<String>,
    /// What the pack is for.
    #[serde(default)]
    pub description: String,
}

/// Text an entry must fire on and text it must not.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// The entry must fire on each of these.
    #[serde(default)]
    pub matches: Vec<String>,
    /// The entry must not fire on any of these.
    #[serde(default)]
    pub non_matches: Vec<String>,
    /// What a whole run must read in a sentence: a frame and its roles, or a chain of
    /// sources. Run by `lexicon check` and the test suite (`pipeline::reads`).
    #[serde(default)]
    pub reads: Vec<ReadExample>,
}

/// A sentence and what claimgraph must read in it (`examples.reads`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadExample {
    /// The sentence, read as the one body line of an article in the language its script
    /// says (Arabic letters: `ar`, else `en`).
    pub text: String,
    /// A frame of this predicate id must be read (`capture`).
    #[serde(default)]
    pub frame: Option<String>,
    /// That frame's roles: role name to the exact words that fill it (`agent = "the
    /// army"`); `""` says the role must stay empty.
    #[serde(default)]
    pub roles: std::collections::BTreeMap<String, String>,
    /// The sources the frame's mention (or, with no `frame`, the sentence's first
    /// mention) is attributed to, outermost first, by label; `[]` is the outlet's own
    /// voice.
    #[serde(default)]
    pub chain: Option<Vec<String>>,
}

/// What an attribution cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// X says / reports (قال، ذكر، أفاد، "said").
    Says,
    /// X adds: continues the previous source (أضاف، تابع، "added").
    Adds,
    /// X confirms (أكد، "confirmed").
    Confirms,
    /// X denies: the mention `denies` what it reports (نفى، "denied").
    Denies,
    /// X claims: the reporter distances itself (زعم، "claimed").
    Claims,
    /// X speculates or gives an opinion: hedged (رجح، يرى، "believes").
    Speculates,
    /// According to X (بحسب، وفق، "according to"): governs the whole sentence.
    AccordingTo,
    /// X relays Y: the source after the cue is inner (نقلاً عن، "citing").
    Relays,
    /// X told Y: the source after the cue relays the speaker (في حديث لـ، "told").
    ToldTo,
    /// A statement noun whose source stands next to it (تصريحات روسيا، بيان عن قسد).
    Statement,
}

/// How far a cue or marker reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// From the cue to the next cue of the sentence.
    Segment,
    /// The clause the cue or marker stands in (or ends, when it stands last).
    Clause,
    /// The whole sentence.
    Sentence,
}

/// An attribution cue.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    /// Hierarchical id (`CUE/AR/SAYS`).
    pub id: Spanned<String>,
    /// What the cue does.
    pub role: Role,
    /// Language of the forms, when not the pack's.
    #[serde(default)]
    pub language: Option<String>,
    /// Forms that agree with either gender, or where gender does not matter.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Forms that agree with a masculine source (`قال`, `أضاف`).
    #[serde(default)]
    pub masculine: Vec<String>,
    /// Forms that agree with a feminine source (`قالت`, `أضافت`).
    #[serde(default)]
    pub feminine: Vec<String>,
    /// How far the cue reaches; by default a segment (`according-to`: the sentence).
    #[serde(default)]
    pub scope: Option<Scope>,
    /// How the reporter holds what the cue attributes, where its role does not say:
    /// `distanced` for a statement noun of doubt (`رواية X`, X's version).
    #[serde(default)]
    pub stance: Option<crate::model::Stance>,
    /// What the cue is for.
    #[serde(default)]
    pub description: String,
    /// Examples a test runs.
    #[serde(default)]
    pub examples: Examples,
}

/// What a marker marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkerKind {
    /// The speaker speculates: stance `hedged` (رجح، "likely", "may have").
    Hedge,
    /// The speaker says it may happen: stance `hedged`, and the event is not said to have
    /// happened (`قد يسحب`, "may withdraw").
    Possible,
    /// The reporter distances itself: stance `distanced` (وفق زعمها، "alleged").
    Distance,
    /// Negation (لم، لا، "not"): flips polarity (used by claim frames).
    Negation,
    /// Modality ("would", "will", "to"): the event is possible or future, not reported as
    /// done; its claim is kept apart from the event's. (Hedges count as modal too.)
    Modal,
}

/// A hedge, distance or negation marker.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Marker {
    /// Hierarchical id (`MARK/AR/HEDGE_QAD`).
    pub id: Spanned<String>,
    /// What it marks.
    pub kind: MarkerKind,
    /// Language of the forms, when not the pack's.
    #[serde(default)]
    pub language: Option<String>,
    /// Literal forms.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Verbs, each covering its inflections as a predicate's forms do (`حاول`: `حاولت`,
    /// `يحاولون`, `سيحاول`); numbered after `forms`.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Regular expressions over the normalised text, for markers that need context
    /// (`قد` before an imperfect verb).
    #[serde(default)]
    pub patterns: Vec<String>,
    /// How far it reaches; by default the clause.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// What the marker is for.
    #[serde(default)]
    pub description: String,
    /// Examples a test runs.
    #[serde(default)]
    pub examples: Examples,
}

/// The grammatical job of a particle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParticleRole {
    /// Introduces reported content (أن، إن، بأن، "that").
    Complementizer,
    /// Stands before a source noun without changing it (عدة، بعض، العديد من، "several").
    Quantifier,
    /// Marks a back-reference (ذات، ذاتها، نفسه، "the same").
    Determiner,
    /// May stand between a subject and its verb (هي، كانت، قد, "had").
    Auxiliary,
    /// Ends a source's noun phrase (على، من، عن، "from").
    Preposition,
    /// A preposition of place: what follows it is where something happened (في، داخل،
    /// "in", "at", "near"); it ends a source's noun phrase as any preposition does.
    Locative,
    /// A preposition of direction: what follows it is where something went (إلى، نحو،
    /// "to", "toward"), a destination, or for an advance the place it happened; it ends a
    /// source's noun phrase as any preposition does.
    Direction,
    /// A causal verb: the event it is said of is presupposed, not claimed (`أدى الهجوم
    /// إلى نزوح`: the claim is the displacement), "caused", "led to".
    Causal,
    /// Opens a noun phrase ("the", "its", "this", `هذه`): a role's words start with it.
    Article,
    /// Joins two clauses or phrases ("and", "but", `أو`, `ثم`): a role's words stop
    /// before it.
    Conjunction,
    /// Says when, not where or who (months, weekdays, "morning", `أمس`): a phrase it
    /// opens names no place or party.
    Time,
    /// Opens a relative clause (`الذي`، `التي`, "which", "who"): a role's words stop
    /// before it; after a verbal noun it may bring the noun's subject (`الهجوم الذي شنه
    /// التنظيم`).
    Relative,
    /// A common noun for a kind of place ("town", "district", `مدينة`, `قرية`): a phrase
    /// it heads may say where something happened. No function word: it takes the article
    /// and stops no phrase.
    PlaceNoun,
    /// A noun for a place people live in ("town", "village", `مدينة`, `قرية`): a place noun
    /// whose phrase, acted on (a town taken, a village shelled), is itself where it
    /// happened, so a place named after it only says where the town lies.
    Settlement,
    /// A word that labels what follows it (`عاجل`, `عنوان`, `تحديث`, "update"): before a
    /// colon it names no speaker.
    Label,
    /// A noun that after a preposition of place says in what, when or how, not where (`في
    /// إطار`, `في ظل`, `في ظروف`): a phrase it heads names no place. A noun like a place
    /// noun: it takes the article and stops no phrase.
    Circumstance,
    /// A verb whose object names the event (`شن هجوما`, "launched an attack", "carried out
    /// an assault"): its subject is the event's doer.
    LightVerb,
    /// A verb whose subject suffers the event its object names (`تعرضت لهجوم`, "faced
    /// attacks", "came under fire"): that subject is the event's target.
    SufferVerb,
    /// A verb whose subject is where the event its object names took place (`شهدت
    /// المدينة اشتباكات`, "the town saw heavy fighting"): that subject is the event's
    /// place when it can name one.
    SceneVerb,
    /// An adjective that describes an event or a thing, never a party ("fierce", "heavy",
    /// `عنيفة`, `ضارية`): English puts it before its noun, so it may open a phrase but
    /// names no one ("fierce battles" have no doer "fierce"); Arabic puts it after, so it
    /// ends a phrase (`معارك ضارية`: the battles, not their doer). A noun-like word: it
    /// takes the article.
    Modifier,
    /// A word for a number ("two", "dozens", `عشرات`): with digits, what counts those
    /// who suffered an event ("left 40 dead", "two soldiers killed").
    Numeral,
    /// Bounds a count ("at least", "about", `نحو`, `حوالي`): before a number it opens the
    /// count's phrase (`مقتل نحو 500 جندي`, "about 40 civilians"); elsewhere the same word
    /// may be a preposition ("talks about the town", `نحو المدينة`).
    Approximate,
    /// A side, after `من` (`من جهة … من جهة أخرى`): the party before it is one side of
    /// two ("clashes between the army on one side and the rebels on the other").
    Side,
    /// The people of a place named by a pronoun (`أهلها`, `سكانها`, "its residents"):
    /// what befell them happened where the place the pronoun stands for is.
    Residents,
    /// An adjective that describes a source noun ("local", "senior", `مطلعة`, `خاصة`): an
    /// English one before the noun, an Arabic one after it, belongs to the source's
    /// phrase; it stops no phrase and names no one.
    Descriptor,
    /// A formula by which a source withholds its name ("on condition of anonymity", "who
    /// asked not to be named", `فضل عدم الكشف عن اسمه`): it belongs to the source's phrase
    /// and names no event (no demand, no refusal) and no one.
    Anonymity,
    /// Says whom the noun before it answers to ("backed by", "loyal to", `الموالية`,
    /// `المدعومة من`): the party after it is a patron, never the doer of the clause's
    /// verb ("rebels backed by Turkey attacked": the rebels did).
    Allegiance,
    /// Opens an adverbial clause or adjunct of time ("after", "when", `بعد`, `عقب`): what
    /// stands before it belongs to the main clause, so a place or a party named there is
    /// not where or by whom an event in the clause or adjunct happened. The same word may
    /// be a preposition or a conjunction too; only frames read this role.
    Subordinator,
    /// A preposition that opens an adjunct of circumstance ("amid", "during", `وسط`,
    /// `جراء`): a party named before it is not the doer of an event noun the adjunct
    /// heads ("entered the town amid heavy shelling": no one is said to have shelled).
    /// The same word is a preposition too; only frames read this role.
    Adjunct,
    /// A noun for what is said or shown rather than who says it ("reports", "evidence",
    /// "information"): after "according to", or as the subject of a cue ("the evidence
    /// suggests"), it names no source.
    Unsourced,
    /// An adjective right after an event noun that says the event has not happened
    /// ("possible", "expected", `المحتملة`, `المرتقبة`): the noun makes no frame.
    Prospective,
    /// A noun for an armed unit, an aircraft or a weapon ("units", "helicopters",
    /// `وحدات`, `طائرات`): an event word that describes it ("assault detachments", "attack
    /// helicopters", `وحدات الاقتحام`) names a kind of unit, not an event, and makes no
    /// frame.
    Unit,
    /// A word that excepts a party from a negated statement (`إلا`, `سوى`; "except",
    /// "other than"; `غير` and "but" after "any"/"no"/`أي`): "no unit but the marines
    /// took part" says the marines took part. The event is asserted, and the phrase after
    /// the word is its doer.
    Exception,
    /// A word that opens a negated party ("any", "no", "none", `أي`, `أحد`): `غير` and
    /// "but" after one except a party from the negated statement (`لم يشارك أي فصيل غير
    /// الكتيبة`). Only that reading reads it.
    Any,
}

impl ParticleRole {
    /// Whether the word is a function word (every role but the nouns,
    /// [`ParticleRole::PlaceNoun`], [`ParticleRole::Settlement`],
    /// [`ParticleRole::Circumstance`] and [`ParticleRole::Modifier`], and the count words,
    /// [`ParticleRole::Numeral`] and [`ParticleRole::Approximate`], the side and
    /// residents nouns, [`ParticleRole::Side`] and [`ParticleRole::Residents`], and
    /// [`ParticleRole::Subordinator`] and [`ParticleRole::Adjunct`], whose words are
    /// prepositions or conjunctions too, which only frames read, and the content words
    /// [`ParticleRole::Unsourced`], [`ParticleRole::Prospective`] and [`ParticleRole::Unit`],
    /// and [`ParticleRole::Exception`], whose `غير` is an adjective's negation too, and
    /// [`ParticleRole::Any`], which only exceptions read).
    pub fn is_function_word(self) -> bool {
        !matches!(
            self,
            ParticleRole::PlaceNoun
                | ParticleRole::Settlement
                | ParticleRole::Circumstance
                | ParticleRole::Modifier
                | ParticleRole::Descriptor
                | ParticleRole::Numeral
                | ParticleRole::Approximate
                | ParticleRole::Side
                | ParticleRole::Residents
                | ParticleRole::Subordinator
                | ParticleRole::Adjunct
                | ParticleRole::Unsourced
                | ParticleRole::Prospective
                | ParticleRole::Unit
                | ParticleRole::Exception
                | ParticleRole::Any
        )
    }

    /// Whether the word is a preposition, of place, of direction or neither.
    pub fn is_preposition(self) -> bool {
        matches!(
            self,
            ParticleRole::Preposition | ParticleRole::Locative | ParticleRole::Direction
        )
    }
}

/// A function word.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Particle {
    /// Hierarchical id (`PART/AR/COMPLEMENTIZER`).
    pub id: Spanned<String>,
    /// Its job.
    pub role: ParticleRole,
    /// Language of the forms, when not the pack's.
    #[serde(default)]
    pub language: Option<String>,
    /// Literal forms.
    pub forms: Vec<String>,
    /// Verbs, each covering its inflections as a predicate's forms do (`نفذ`: `نفذت`,
    /// `ينفذون`, `نفذها`); numbered after `forms`.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// What the entry is for.
    #[serde(default)]
    pub description: String,
    /// Examples a test runs.
    #[serde(default)]
    pub examples: Examples,
}

/// Grammatical gender of a source, for verbs that refer back to it (`وأضافت` → a
/// feminine source).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Masculine.
    M,
    /// Feminine.
    F,
}

/// A generic source noun: anonymous sources, "the agency", "a journalist".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceNoun {
    /// Id (`sources`, `agency`, `journalist`).
    pub id: Spanned<String>,
    /// English label (`sources`).
    pub label: String,
    /// Source kind of what it names (`anonymous`, `media`, `journalist`, …).
    pub kind: String,
    /// Language of the forms, when not the pack's.
    #[serde(default)]
    pub language: Option<String>,
    /// Forms of either gender.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Masculine forms (`مصدر`, `المركز`).
    #[serde(default)]
    pub masculine: Vec<String>,
    /// Feminine forms (`مصادر`, `الوكالة`).
    #[serde(default)]
    pub feminine: Vec<String>,
    /// Whether a name follows (`الصحفي “إبراهيم الحبش”`): the source is that person.
    #[serde(default)]
    pub title: bool,
    /// What the entry is for.
    #[serde(default)]
    pub description: String,
    /// Examples a test runs.
    #[serde(default)]
    pub examples: Examples,
}

/// How an alias frames its referent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Framing {
    /// Neutral.
    #[default]
    Neutral,
    /// Pejorative ("ميليشيا قسد", "مرتزقة").
    Pejorative,
    /// Partisan praise or a side's own term ("الجيش الوطني", "الثوار").
    Partisan,
}

/// One name of an actor, place or source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    /// The name as written in articles.
    pub text: String,
    /// Language, when not the pack's.
    #[serde(default)]
    pub lang: Option<String>,
    /// Framing.
    #[serde(default)]
    pub framing: Framing,
}

/// A known source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id (`sana`).
    pub id: Spanned<String>,
    /// English label.
    pub label: String,
    /// Source kind.
    pub kind: String,
    /// Gender for back-references (`وأضافت` after SANA).
    #[serde(default)]
    pub gender: Option<Gender>,
    /// Generic nouns that can refer back to it (`agency` for SANA: "الوكالة").
    #[serde(default)]
    pub nouns: Vec<String>,
    /// The actor it speaks for, if any (the SDF media centre speaks for `sdf`).
    #[serde(default)]
    pub actor: Option<String>,
    /// Its names.
    pub aliases: Vec<Alias>,
    /// What the entry is for.
    #[serde(default)]
    pub description: String,
    /// Examples a test runs.
    #[serde(default)]
    pub examples: Examples,
}

/// An actor: an armed group, a state, a force.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Id (`sdf`).
    pub id: Spanned<String>,
    /// English label.
    pub label: String,
    /// Actors it belongs to (Ahrar al-Sharqiya → `sna`).
    #[serde(default)]
    pub part_of: Vec<String>,
    /// Source kind when the actor itself speaks (`armed-group`, `government`).
    #[serde(default)]
    pub source_kind: Option<String>,
    /// The side it fights on (an actor id), for predicates keyed by side: the SNA and
    /// Turkey attacking a town are one claim. Default: the top of its `part_of` chain.
    #[serde(default)]
    pub side: Option<String>,
    /// Gender for back-references.
    #[serde(default)]
    pub gender: Option<Gender>,
    /// Its names, with their framing.
    pub aliases: Vec<Alias>,
    /// What the entry is for.
    #[serde(default)]
    pub description: String,
    /// Examples a test runs.
    #[serde(default)]
    pub examples: Examples,
}

/// A place.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Id (`ain-issa`).
    pub id: Spanned<String>,
    /// English label.
    pub label: String,
    /// The place it lies in.
    #[serde(default)]
    pub within: Option<String>,
    /// Its names.
    pub aliases: Vec<Alias>,
    /// Words that, near a name shared with another place, say it is this one.
    #[serde(default)]
    pub context: Vec<String>,
    /// A region (a governorate, "north-east Syria"): a claim about it may be the same as
    /// a claim about a place in it.
    #[serde(default)]
    pub region: bool,
    /// What the entry is for.
    #[serde(default)]
    pub description: String,
    /// Examples a test runs.
    #[serde(default)]
    pub examples: Examples,
}

/// A role of a claim frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArgRole {
    /// Who did it: the actor before the trigger (or after a verbal noun, or after
    /// `من قبل`/"by").
    Agent,
    /// Where: a place after the trigger (`من`/`في`/`على`, "from"/"in"/"on").
    Place,
    /// Against whom: an actor after `على`/`ضد`/`من`, "against"/"on"/"from".
    Target,
    /// Where to: a place after `إلى`/`نحو`, "to"/"toward".
    Destination,
    /// How many: a number near the trigger (digits, or words like `عشرات`).
    Number,
    /// What an embedding predicate embeds: the predicate of the event in its clause
    /// (`agree` to `handover` is not `agree` to a joint operations room).
    Complement,
}

impl ArgRole {
    /// The role as packs and the JSON contract write it (`agent`, `destination`).
    pub fn as_str(self) -> &'static str {
        match self {
            ArgRole::Agent => "agent",
            ArgRole::Place => "place",
            ArgRole::Target => "target",
            ArgRole::Destination => "destination",
            ArgRole::Number => "number",
            ArgRole::Complement => "complement",
        }
    }
}

/// An event predicate: what a claim frame says happened.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Predicate {
    /// Id (`withdraw`), used in claim keys: `withdraw(regime, ain-issa)`.
    pub id: Spanned<String>,
    /// English template, with roles in braces: `{agent} withdrew from {place}`.
    pub label: String,
    /// Triggers in any language: verbs in their conjugations and verbal nouns.
    pub forms: Vec<String>,
    /// Triggers that tell what befell their subject, or a verbal noun's genitive ("the
    /// town fell", "the fall of X", `سقطت المدينة`, `سقوط المدينة`): that is the target,
    /// and the doer only a phrase after "to" or `بيد` names ("fell to X"). Matched like
    /// `forms`.
    #[serde(default)]
    pub befalls: Vec<String>,
    /// Triggers of an `undergoer` predicate whose subject moves of itself ("fled",
    /// `نزح`, `نزوح`): its subject or genitive is its agent, as it is of any act, where
    /// the other forms say what was done to them ("were displaced", `تهجير`). Matched
    /// like `forms`.
    #[serde(default)]
    pub moves: Vec<String>,
    /// Triggers of going into or reaching somewhere ("entered", "reached", `دخلت`,
    /// `الوصول`): what they name after them, as object or after "to"/`إلى`, is where it
    /// happened (its `place`), not what it was done to; a verbal noun's genitive is who
    /// went (`دخول القوات إلى البلدة`). Matched like `forms`.
    #[serde(default)]
    pub enters: Vec<String>,
    /// Words of obligation ("should", "must", `يجب على`): whoever says the clause demands
    /// of its subject (or of the party after `على`) the act that follows, which is no
    /// claim of its own; a first-person subject ("we must") demands of itself, and a
    /// passive ("must be investigated") names no one it is demanded of. Matched like
    /// `forms`.
    #[serde(default)]
    pub obliges: Vec<String>,
    /// The roles that make the claim's identity, in key order.
    #[serde(default)]
    pub key: Vec<ArgRole>,
    /// Key the agent by its side rather than itself (attacks: the SNA and Turkey).
    #[serde(default)]
    pub by_side: bool,
    /// Its clause holds another event as its content (a demand to withdraw, a refusal to
    /// hand over): triggers after it in the clause make no frames of their own.
    #[serde(default)]
    pub embeds: bool,
    /// Two sides do it together or to each other (clashes, agreements, meetings): "A and
    /// B clashed" names A its agent and B its target, as "clashes between A and B" and
    /// "A clashed with B" do. For any other predicate the party after "with" is a partner.
    #[serde(default)]
    pub mutual: bool,
    /// Its place is its subject, before the trigger (`مدينة عين عيسى … تقع على الطريق`).
    #[serde(default)]
    pub subject_place: bool,
    /// The actor right after the trigger is its target, not its agent (`تتخلى عن قسد`,
    /// `تتهم روسيا`, `مساعدة ميليشيات قسد`).
    #[serde(default)]
    pub object_after: bool,
    /// What the act is done to is its target, a place or not: the town captured, the
    /// prison attacked, the village shelled (the phrase right after the trigger, or after
    /// `على`/`ضد`/"on"/"against"); its place is where it happened (after `في`/"in").
    #[serde(default)]
    pub acts_on: bool,
    /// Its subject undergoes it: the killed, the displaced (`نزح 300 ألف شخص`, `مقتل 500
    /// جندي`, "thousands fled"). The subject or a verbal noun's genitive is its target;
    /// its agent is who did it to them (a by-phrase, or the subject of a verb with an
    /// object: "the shelling killed 17").
    #[serde(default)]
    pub undergoer: bool,
    /// A noun whose doer follows it after `من`/"from"/"of" (`بدعم من التحالف`, "with
    /// support from the coalition"): that phrase is its agent, and the subject of the
    /// clause, the side it was given to, its target.
    #[serde(default)]
    pub doer_after: bool,
    /// Its place is where it left from, said with `من`/"from"/"out of" (`انسحبت من
    /// المدينة`, "withdrew from the town"): that phrase is its place.
    #[serde(default)]
    pub origin: bool,
    /// Where it goes is where it happens: a place after `إلى`/`نحو`/"to" is its place
    /// when no other is said (`تقدمت القوات إلى البلدة`, "troops deployed to the north").
    #[serde(default)]
    pub goal: bool,
    /// What it says is not said to have happened: a demand, a threat, a proposal, a plan.
    /// Its mentions are irrealis ("X demanded a withdrawal" reports no withdrawal, and no
    /// demand met).
    #[serde(default)]
    pub prospective: bool,
    /// Its triggers name a thing as well as an event (a convoy, military vehicles): in
    /// another frame's role the word is part of that role's phrase ("ambushed a convoy":
    /// the convoy is what was attacked), and it still makes its own frame.
    #[serde(default)]
    pub thing: bool,
    /// Predicates that cannot hold together with this one on the same key (within one
    /// episode): `withdraw` excludes `remain`.
    #[serde(default)]
    pub excludes: Vec<String>,
    /// What the predicate is for.
    #[serde(default)]
    pub description: String,
    /// Examples a test runs.
    #[serde(default)]
    pub examples: Examples,
}

/// Which of a predicate's trigger lists a matched form comes from: the matcher numbers
/// `forms`, then `befalls`, then `moves`, then `enters`, then `obliges`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormList {
    /// `forms`: what the predicate's subject does.
    Forms,
    /// `befalls`: what befell the subject ("fell").
    Befalls,
    /// `moves`: an undergoer's subject moving of itself ("fled").
    Moves,
    /// `enters`: going into or reaching somewhere ("entered").
    Enters,
    /// `obliges`: the speaker's demand of the subject ("should").
    Obliges,
}

impl Predicate {
    /// Every form, in the order a hit's `entry.form` counts them: `forms`, `befalls`,
    /// `moves`, `enters`, `obliges`.
    pub fn all_forms(&self) -> impl Iterator<Item = &String> {
        self.forms
            .iter()
            .chain(&self.befalls)
            .chain(&self.moves)
            .chain(&self.enters)
            .chain(&self.obliges)
    }

    /// The list form number `form` (a hit's `entry.form`) is in.
    pub fn form_list(&self, form: usize) -> FormList {
        let befalls = self.forms.len();
        let moves = befalls + self.befalls.len();
        let enters = moves + self.moves.len();
        let obliges = enters + self.enters.len();
        match form {
            f if f < befalls => FormList::Forms,
            f if f < moves => FormList::Befalls,
            f if f < enters => FormList::Moves,
            f if f < obliges => FormList::Enters,
            _ => FormList::Obliges,
        }
    }
}

/// A furniture or byline rule: regular expressions over a normalised line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineRule {
    /// Hierarchical id (`FURNITURE/READ_ALSO`).
    pub id: Spanned<String>,
    /// What the rule is for.
    #[serde(default)]
    pub description: String,
    /// Regular expressions over the normalised, trimmed line.
    pub patterns: Vec<String>,
    /// The rule fires only on lines of at most this many words (a credit ends a short
    /// caption, not a paragraph).
    #[serde(default)]
    pub max_words: Option<usize>,
    /// Furniture only: which lines besides its own the rule takes.
    #[serde(default)]
    pub extent: Extent,
    /// Examples a test runs.
    #[serde(default)]
    pub examples: Examples,
}

/// Which lines a furniture rule takes besides the one it matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extent {
    /// Only its own line.
    #[default]
    Line,
    /// A photo caption: an unpunctuated text line right above it (no blank line between)
    /// is the caption's first part, or the same caption without its credit.
    Caption,
    /// An embedded social-media post (its author line, its picture link): the text lines
    /// around it with no blank line between, each no longer than a post and in the same
    /// script as the matched line, are the post's text.
    Post,
    /// The end of the article text (reader comments, a related-articles list): after body
    /// text, every line below it is furniture too.
    RestOfPage,
}

/// The section sub-heading rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subheading {
    /// Rule id.
    pub id: String,
    /// At most this many words.
    pub max_words: usize,
    /// At most this many words in a line of Latin script, when more than `max_words`:
    /// English headings are short phrases ("How the siege began").
    #[serde(default)]
    pub latin_max_words: Option<usize>,
}

/// The author name line above an author bio.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorLine {
    /// Rule id.
    pub id: String,
    /// At most this many words.
    pub max_words: usize,
    /// The furniture rule of the bio below it.
    pub bio_rule: String,
}
