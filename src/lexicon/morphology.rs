//! Inflection: one lexicon form covers the words that inflect it.
//!
//! Input: the normalised text of a form (at compile time), and at match time the bytes
//! around a match inside its word. Output: the variants a form stands for, and the
//! [`Inflection`] a matched word carries beyond its form.
//!
//! Only event predicates and reporting verbs inflect ([`super::matcher`] says which);
//! names, nouns of sources and function words are matched as written.
//!
//! - **Arabic.** Inside its word a form may take an imperfect prefix (ي ت ن ا, with the
//!   future س before it: `يسيطر`, `سيسيطر`) and a suffix of person and number or an
//!   attached pronoun (`سيطرت`, `سيطروا`, `سيطرنا`, `احتلتها`, `هجماتهم`). A form that
//!   starts with ا (`انسحب`, `استهدف`, `اعلن`) drops it after an imperfect prefix
//!   (`ينسحب`, `يستهدف`, `يعلن`); a form that ends in ta marbuta (normalised ه) writes it
//!   ت before a pronoun (`سيطرته`, `عمليتها`). In a form of several words the first one
//!   inflects (`سيطروا على`, `ينسحب من`).
//! - **English.** The verb that opens a phrase takes its regular forms (`pulled out`:
//!   `pull out`, `pulls out`, `pulling out`), with a final e dropped before -ing, a final
//!   consonant + y written ie (`denied`) and a short word's last consonant doubled
//!   (`stopped`). A single word does not inflect: it is as often a noun whose inflection
//!   is another word (`accord`, `according`); the packs list its forms.
//!
//! A word the lexicon lists as a form of its own is never read as another form inflected
//! (`تقدم` is not `قدم` with a prefix): the matcher drops such a reading.

use super::schema::Gender;

/// What a matched word carries beyond the form it matched: its prefix and suffix, as
/// indices into this module's tables (a hit stays small: the matcher makes thousands).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Inflection {
    /// 1 + the index of the prefix in [`ARABIC_IMPERFECT`], or 0.
    prefix: u8,
    /// 1 + the index of the suffix in [`SUFFIXES`], or 0.
    suffix: u8,
}

impl Inflection {
    /// The inflection of a word with this imperfect prefix and suffix (indices from
    /// [`imperfect`] and [`suffix`]).
    pub fn new(prefix: Option<u8>, suffix: Option<u8>) -> Inflection {
        Inflection {
            prefix: prefix.map_or(0, |i| i + 1),
            suffix: suffix.map_or(0, |i| i + 1),
        }
    }

    /// Whether the word is the form as listed.
    pub fn is_bare(&self) -> bool {
        self.prefix == 0 && self.suffix == 0
    }

    /// The prefix before the form inside its word (`ي`, `ست`), or `""`.
    pub fn prefix(&self) -> &'static str {
        self.prefix.checked_sub(1).map_or("", |i| ARABIC_IMPERFECT[i as usize])
    }

    /// The suffix after it (`وا`, `تها`, `ed`), or `""`.
    pub fn suffix(&self) -> &'static str {
        self.suffix.checked_sub(1).map_or("", |i| SUFFIXES[i as usize].text)
    }

    /// The index of its suffix, if it has one.
    pub fn suffix_index(&self) -> Option<u8> {
        self.suffix.checked_sub(1)
    }

    /// Whether an Arabic verb is in the future (`سيسيطر`, `ستنسحب`) or says a purpose
    /// (`ليسيطر`): not said to have happened.
    pub fn unreal(&self) -> bool {
        let p = self.prefix();
        p.chars().count() == 2 && (p.starts_with('س') || p.starts_with('ل'))
    }

    /// The gender an Arabic imperfect prefix says (`يكشف`: he, `تكشف`: she or it).
    pub fn prefix_gender(&self) -> Option<Gender> {
        match self.prefix().trim_start_matches(['س', 'ل']) {
            "ي" => Some(Gender::M),
            "ت" => Some(Gender::F),
            _ => None,
        }
    }

    /// Whether the word says "we" or "our" (`سيطرنا`, `نسيطر`, `هجومنا`).
    pub fn first_person(&self) -> bool {
        self.suffix() == "نا" || self.prefix().ends_with('ن') && self.suffix == 0
    }

    /// Whether the verb's ending is its plural subject (`اقتحموا`, `يقتحمون`,
    /// `اقتحمتم`): a verb before its subject stays singular, so the noun after such a
    /// verb is its object.
    pub fn plural_subject(&self) -> bool {
        let suffix = self.suffix();
        matches!(suffix, "وا" | "وه" | "وها" | "وهم" | "تم")
            || (self.prefix != 0 && matches!(suffix, "ون" | "ونه" | "ونها" | "ونهم"))
    }

    /// Whether only a verb is inflected so: an imperfect prefix, or a suffix of person
    /// that follows only a verb (`ينسحب`, `انسحبوا`).
    pub fn verbal(&self) -> bool {
        self.prefix != 0 || self.suffix.checked_sub(1).is_some_and(|i| SUFFIXES[i as usize].verbal)
    }

    /// Whether an attached pronoun stands for what the word acts on or belongs to
    /// (`احتلتها`, `هجومهم`).
    pub fn pronoun(&self) -> bool {
        self.suffix.checked_sub(1).is_some_and(|i| SUFFIXES[i as usize].pronoun)
    }
}

/// A suffix a form may take.
struct Suffix {
    text: &'static str,
    /// It ends in an attached pronoun.
    pronoun: bool,
    /// It follows only a verb (a noun takes the pronouns and the plural endings alone).
    verbal: bool,
    /// An Arabic suffix the matcher judges inside a word (else an English one, spelled
    /// out in a compiled variant).
    arabic: bool,
}

const fn s(text: &'static str, pronoun: bool, verbal: bool) -> Suffix {
    Suffix {
        text,
        pronoun,
        verbal,
        arabic: true,
    }
}

const fn en(text: &'static str) -> Suffix {
    Suffix {
        text,
        pronoun: false,
        verbal: true,
        arabic: false,
    }
}

/// Arabic suffixes (normalised: ة is ه, ى is ي), person and number endings of the
/// perfect and the imperfect, plural and dual endings, attached pronouns, and their
/// combinations. `ي` is left out: after a noun it is the nisba (`عسكري`), a new word; so is
/// `ه` alone: normalised, it is also the ta marbuta (`تابعة`, belonging, is no `تابع` +
/// "him").
const SUFFIXES: &[Suffix] = &[
    s("ت", false, true),
    s("تا", false, true),
    s("وا", false, true),
    s("ا", false, false),
    s("نا", true, false),
    s("ن", false, true),
    s("تم", false, true),
    s("ون", false, false),
    s("ين", false, false),
    s("ان", false, false),
    s("ات", false, false),
    s("ها", true, false),
    s("هم", true, false),
    s("هما", true, false),
    s("هن", true, false),
    s("كم", true, false),
    s("ني", true, true),
    s("ته", true, true),
    s("تها", true, true),
    s("تهم", true, true),
    s("وه", true, true),
    s("وها", true, true),
    s("وهم", true, true),
    s("ناه", true, true),
    s("ناها", true, true),
    s("اه", true, true),
    s("اها", true, true),
    s("اته", true, false),
    s("اتها", true, false),
    s("اتهم", true, false),
    s("اتنا", true, false),
    s("ونه", true, true),
    s("ونها", true, true),
    s("ونهم", true, true),
    // Only after an imperfect prefix (`تنفذه`): see [`imperfect_suffix`].
    s("ه", true, true),
    en("s"),
    en("es"),
    en("ed"),
    en("d"),
    en("ing"),
];

/// Whether an Arabic word has a broken plural's shape (مفاعل، فواعل، مفاعيل: `معارك`,
/// `مواقع`, `عناصر`, `فصائل`): a noun. A verb of that shape opens with an imperfect
/// prefix or the ت of form VI (`يهاجم`, `تراجع`); a plural adjective of the أفعال
/// pattern opens with ا (`الأجانب`).
pub fn broken_plural(w: &str) -> bool {
    let mut letters = w.chars();
    let first = letters.next();
    matches!(w.chars().count(), 5 | 6) && letters.nth(1) == Some('ا') && !matches!(first, Some('ي' | 'ت' | 'ن' | 'ا'))
}

/// Imperfect prefixes (normalised: أ is ا), alone, after the future س or the ل of
/// purpose (`ليسيطر`, "so as to take").
const ARABIC_IMPERFECT: &[&str] = &["ي", "ت", "ن", "ا", "سي", "ست", "سن", "سا", "لي", "لت", "لن"];

/// The longest Arabic suffix, in bytes.
pub const MAX_SUFFIX_BYTES: usize = 8;

/// The longest imperfect prefix, in bytes.
pub const MAX_IMPERFECT_BYTES: usize = 6;

/// The Arabic suffix `rest` of a word after an inflecting form, if it is one (its
/// index): `verbal` whether the form may be a verb there (no article before it).
pub fn suffix(rest: &str, verbal: bool) -> Option<u8> {
    // Every Arabic suffix starts with one of seven letters: most words that go on after a
    // form are turned down by their next letter alone.
    if !rest.starts_with(['ت', 'ا', 'و', 'ن', 'ه', 'ك', 'ي']) {
        return None;
    }
    SUFFIXES
        .iter()
        .position(|s| s.arabic && s.text == rest && (verbal || !s.verbal) && s.text != "ه")
        .map(|i| i as u8)
}

/// The index of a suffix after an imperfect prefix: a verb's, where `ه` is the pronoun
/// "him", as no noun's ta marbuta can be (`تنفذه`, `يشنه`).
pub fn imperfect_suffix(rest: &str) -> Option<u8> {
    suffix(rest, true).or_else(|| {
        (rest == "ه")
            .then(|| SUFFIXES.iter().position(|s| s.arabic && s.text == "ه"))
            .flatten()
            .map(|i| i as u8)
    })
}

/// The index of an English suffix spelled out in a variant.
fn english_suffix(text: &str) -> Option<u8> {
    SUFFIXES
        .iter()
        .position(|s| !s.arabic && s.text == text)
        .map(|i| i as u8)
}

/// The index of an Arabic suffix spelled out in a variant.
fn arabic_suffix(text: &str) -> Option<u8> {
    SUFFIXES
        .iter()
        .position(|s| s.arabic && s.text == text)
        .map(|i| i as u8)
}

/// The imperfect prefix that ends `before` (what stands before a form inside its word),
/// after a conjunction و or ف or nothing: the conjunction's length in bytes and the
/// prefix.
/// The prefix is given by its index and its length in bytes.
pub fn imperfect(before: &str) -> Option<(usize, u8, usize)> {
    let (clitic, rest) = match before.strip_prefix(['و', 'ف']) {
        Some(rest) if !rest.is_empty() => (before.len() - rest.len(), rest),
        _ => (0, before),
    };
    ARABIC_IMPERFECT
        .iter()
        .position(|p| *p == rest)
        .map(|i| (clitic, i as u8, rest.len()))
}

/// What a generated variant needs around it to stand for a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// Nothing: it is a word (or the first word of a phrase) as it stands.
    Free,
    /// An imperfect prefix before it (`نسحب` of `انسحب`).
    Imperfect,
    /// A suffix after it (`سيطرت` of `سيطره` before a pronoun).
    Suffix,
}

/// A variant of a form: its token text, what it needs, and the inflection it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Its token text.
    pub text: String,
    /// What it needs around it.
    pub bound: Bound,
    /// The suffix it spells out.
    pub inflection: Inflection,
}

/// The variants of an inflecting form's token text `text`, beyond the form itself;
/// `event` for the verb of an event, whose verbal noun names the event too.
pub fn variants(text: &str, event: bool) -> Vec<Variant> {
    let mut out = Vec::new();
    let (first, rest) = match text.split_once(' ') {
        Some((f, r)) => (f, Some(r)),
        None => (text, None),
    };
    let arabic = first.chars().next().is_some_and(super::matcher::is_arabic);
    let phrase = |w: String| match rest {
        Some(r) => format!("{w} {r}"),
        None => w,
    };
    if arabic {
        let letters = first.chars().count();
        // After an imperfect prefix an initial ا goes (أفعل, انفعل, افتعل, استفعل); not
        // in a verb whose last letter is weak, whose imperfect is spelled like other verbs
        // (`أخلى`, evacuated: `يخلى` reads as `يخلو`, is free of).
        if letters >= 4
            && !first.ends_with('ي')
            && let Some(stem) = first.strip_prefix('ا')
        {
            out.push(Variant {
                text: phrase(stem.to_owned()),
                bound: Bound::Imperfect,
                inflection: Inflection::default(),
            });
        }
        // Ta marbuta before a pronoun.
        if rest.is_none()
            && letters >= 3
            && let Some(stem) = first.strip_suffix('ه')
        {
            out.push(Variant {
                text: format!("{stem}ت"),
                bound: Bound::Suffix,
                inflection: Inflection::default(),
            });
        }
        // A verb of form III (فاعل: `هاجم`, `داهم`, `غادر`) has its verbal noun on مفاعلة
        // (`مهاجمة`, `مداهمتها`).
        if let Some(noun) = (event && rest.is_none()).then(|| form_three_noun(first)).flatten() {
            out.push(Variant {
                text: format!("{noun}ت"),
                bound: Bound::Suffix,
                inflection: Inflection::default(),
            });
            out.push(Variant {
                text: format!("{noun}ه"),
                bound: Bound::Free,
                inflection: Inflection::default(),
            });
        }
        // The first word of a phrase inflects where the matcher cannot look (inside the
        // phrase): its common person endings are spelled out.
        if rest.is_some() && !first.ends_with('ه') {
            for suffix in ["ت", "تا", "وا", "ا", "نا", "ون"] {
                out.push(Variant {
                    text: phrase(format!("{first}{suffix}")),
                    bound: Bound::Free,
                    inflection: Inflection::new(None, arabic_suffix(suffix)),
                });
            }
        }
    } else if let Some(rest) = rest
        && first.len() >= 3
        && first.bytes().all(|b| b.is_ascii_lowercase())
    {
        // English inflects only the verb of a phrase here (`pulled out` → `pulls out`): a
        // single word is as often a noun whose inflection is another word (`accord`,
        // `according`).
        for (word, suffix) in english_words(first) {
            out.push(Variant {
                text: format!("{word} {rest}"),
                bound: Bound::Free,
                inflection: Inflection::new(None, english_suffix(suffix)),
            });
        }
    }
    out.retain(|v| v.text != text);
    out
}

/// The verbal noun of a form III verb (`هاجم` → `مهاجم`, before its ending `ة`), if `word`
/// is one: four letters, a long ا second, a strong last letter (`غارة`, a noun, is none).
fn form_three_noun(word: &str) -> Option<String> {
    let letters: Vec<char> = word.chars().collect();
    let first = |c: char| !matches!(c, 'ا' | 'أ' | 'إ' | 'آ' | 'م');
    let last = |c: char| !matches!(c, 'ا' | 'ه' | 'ة' | 'ي' | 'ى' | 'و' | 'ء');
    (letters.len() == 4 && letters[1] == 'ا' && first(letters[0]) && last(letters[3])).then(|| format!("م{word}"))
}

/// Whether an English word is a past participle: a regular one in -ed (`captured`), or
/// one of the common irregular participles (`taken`, `shown`, `caught`, `held`). No
/// ending but -ed marks one: `town`, `children` and `citizen` end as `shown`, `taken`
/// and `frozen` do.
pub fn english_participle(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ed"))
        || matches!(
            w,
            "held"
                | "kept"
                | "put"
                | "hit"
                | "shot"
                | "built"
                | "lost"
                | "left"
                | "sent"
                | "won"
                | "led"
                | "struck"
                | "fought"
                | "made"
                | "paid"
                | "laid"
                | "set"
                | "cut"
                | "spread"
                | "run"
                | "overrun"
                | "hurt"
                | "met"
                | "found"
                | "bound"
                | "spent"
                | "told"
                | "sold"
                | "heard"
                | "stood"
                | "taken"
                | "retaken"
                | "overtaken"
                | "undertaken"
                | "given"
                | "forgiven"
                | "driven"
                | "beaten"
                | "broken"
                | "chosen"
                | "fallen"
                | "hidden"
                | "ridden"
                | "risen"
                | "shaken"
                | "spoken"
                | "stolen"
                | "sworn"
                | "torn"
                | "worn"
                | "born"
                | "borne"
                | "written"
                | "seen"
                | "proven"
                | "shown"
                | "known"
                | "thrown"
                | "overthrown"
                | "drawn"
                | "withdrawn"
                | "flown"
                | "grown"
                | "blown"
                | "caught"
                | "brought"
                | "bought"
                | "taught"
                | "sought"
                | "begun"
                | "done"
                | "gone"
                | "hung"
        )
}

/// An English verb's regular forms, each with its suffix: from its base, or from the
/// base a listed inflected form stands on (`pulled` → `pull`). A base shorter than four
/// letters is too often another word (`used` is not `us`).
fn english_words(word: &str) -> Vec<(String, &'static str)> {
    let mut bases: Vec<String> = Vec::new();
    for (suffix, back) in [
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
    ] {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.len() >= 4
        {
            let mut base = format!("{stem}{back}");
            // `stopped` → `stop`.
            let b = base.as_bytes();
            if back.is_empty() && b[b.len() - 1] == b[b.len() - 2] && !b"lsz".contains(&b[b.len() - 1]) {
                base.pop();
            }
            bases.push(base);
        }
    }
    if let Some(stem) = word.strip_suffix('s')
        && !stem.ends_with('s')
        && stem.len() >= 4
    {
        bases.push(stem.to_owned());
    }
    if bases.is_empty() {
        bases.push(word.to_owned());
    }
    let vowel = |c: u8| b"aeiou".contains(&c);
    let mut out = Vec::new();
    for base in bases {
        let b = base.as_bytes();
        let n = b.len();
        let last = b[n - 1];
        out.push((base.clone(), ""));
        if last == b'e' {
            let stem = &base[..n - 1];
            out.push((format!("{base}s"), "s"));
            out.push((format!("{base}d"), "d"));
            out.push((format!("{stem}ing"), "ing"));
        } else if last == b'y' && !vowel(b[n - 2]) {
            let stem = &base[..n - 1];
            out.push((format!("{stem}ies"), "es"));
            out.push((format!("{stem}ied"), "ed"));
            out.push((format!("{base}ing"), "ing"));
        } else {
            let es = b"sxz".contains(&last) || base.ends_with("ch") || base.ends_with("sh");
            out.push((
                format!("{base}{}", if es { "es" } else { "s" }),
                if es { "es" } else { "s" },
            ));
            // A short word ending consonant, vowel, consonant doubles its consonant.
            let double = n <= 4 && !vowel(last) && vowel(b[n - 2]) && !vowel(b[n - 3]) && !b"wxy".contains(&last);
            let stem = if double {
                format!("{base}{}", last as char)
            } else {
                base.clone()
            };
            out.push((format!("{stem}ed"), "ed"));
            out.push((format!("{stem}ing"), "ing"));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(form: &str) -> Vec<String> {
        variants(form, true).into_iter().map(|v| v.text).collect()
    }

    #[test]
    fn arabic_forms_drop_their_alef_after_an_imperfect_prefix() {
        let v = variants("انسحب", true);
        assert!(v.iter().any(|v| v.text == "نسحب" && v.bound == Bound::Imperfect));
        let prefix = |p: &str| imperfect(p).map(|(_, i, _)| i);
        assert_eq!(imperfect("سي").map(|(c, _, len)| (c, len)), Some((0, "سي".len())));
        assert_eq!(
            imperfect("وت").map(|(c, _, len)| (c, len)),
            Some(("و".len(), "ت".len()))
        );
        assert_eq!(imperfect("وال"), None);
        assert!(Inflection::new(prefix("سي"), None).unreal());
        assert!(Inflection::new(prefix("لت"), None).unreal());
        assert!(!Inflection::new(prefix("ي"), None).unreal());
        assert_eq!(Inflection::new(prefix("ست"), None).prefix(), "ست");
        // The prefix says who: `يكشف` he, `تكشف` she, `ستكشف` she will.
        assert_eq!(Inflection::new(prefix("ي"), None).prefix_gender(), Some(Gender::M));
        assert_eq!(Inflection::new(prefix("ست"), None).prefix_gender(), Some(Gender::F));
        assert_eq!(Inflection::new(prefix("ن"), None).prefix_gender(), None);
        assert_eq!(Inflection::new(None, None).prefix_gender(), None);
    }

    #[test]
    fn the_first_word_of_an_arabic_phrase_takes_person_endings() {
        let t = texts("سيطر علي");
        assert!(t.contains(&"سيطروا علي".to_owned()));
        assert!(t.contains(&"سيطرنا علي".to_owned()));
    }

    #[test]
    fn ta_marbuta_is_written_ta_before_a_pronoun() {
        assert!(
            variants("سيطره", true)
                .iter()
                .any(|v| v.text == "سيطرت" && v.bound == Bound::Suffix)
        );
    }

    #[test]
    fn a_form_three_verb_of_an_event_has_its_verbal_noun() {
        let noun = |v: &Variant| (v.text.clone(), v.bound);
        let v: Vec<_> = variants("داهم", true).iter().map(noun).collect();
        assert!(v.contains(&("مداهمه".to_owned(), Bound::Free)));
        assert!(v.contains(&("مداهمت".to_owned(), Bound::Suffix)));
        // Not for a word that only looks like one, nor for a noun's ta marbuta.
        assert!(!texts("غاره").iter().any(|t| t.starts_with('م')));
        assert!(!variants("ناطق", false).iter().any(|v| v.text.starts_with('م')));
    }

    #[test]
    fn suffixes_of_a_noun_are_no_verb_endings() {
        let text = |i: Option<u8>| Inflection::new(None, i).suffix();
        assert_eq!(text(suffix("وا", true)), "وا");
        assert_eq!(suffix("وا", false), None);
        assert_eq!(text(suffix("هم", false)), "هم");
        assert_eq!(suffix("ي", true), None);
        assert_eq!(suffix("ed", true), None);
        assert!(Inflection::new(None, suffix("نا", true)).first_person());
        assert!(Inflection::new(None, suffix("تها", true)).pronoun());
    }

    #[test]
    fn english_phrases_inflect_their_verb() {
        let t = texts("pulled out");
        assert!(t.contains(&"pull out".to_owned()), "{t:?}");
        assert!(t.contains(&"pulls out".to_owned()), "{t:?}");
        assert!(t.contains(&"pulling out".to_owned()), "{t:?}");
        assert!(texts("close in").contains(&"closing in".to_owned()));
        assert!(texts("deny it").contains(&"denied it".to_owned()));
        assert!(texts("stop the").contains(&"stopped the".to_owned()));
        // A base too short to be safe is not made; a single word does not inflect.
        assert!(!texts("used to").contains(&"us to".to_owned()));
        assert!(texts("accord").is_empty());
    }
}
