//! Folding case and accents away, for matching and searching.

/// Lowercases and removes accents from every Latin letter (Latin-1, Extended-A and
/// -B, Extended Additional, the ligatures and the full-width forms, and any combining
/// accent), for matching and searching: `fold("Één Ĳsbaan") == "een ijsbaan"`,
/// `fold("Ștefan Łódź") == "stefan lodz"`. Other scripts and emoji stay as they are.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match fold_char(c) {
            Some(plain) => out.push_str(plain),
            None if is_combining(c) => {}
            None if is_latin(c) && c.is_alphabetic() => match deunicode::deunicode_char(c) {
                // Only a plain spelling in letters and digits: never punctuation for a letter.
                Some(t) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric()) => {
                    out.push_str(&t.to_ascii_lowercase())
                }
                _ => out.push(c),
            },
            None => out.push(c),
        }
    }
    out
}

/// Letters of the Latin script beyond ASCII.
fn is_latin(c: char) -> bool {
    matches!(c,
        '\u{c0}'..='\u{2af}'       // Latin-1 letters, Extended-A and -B, IPA (ɖ is đ's small)
        | '\u{1e00}'..='\u{1eff}'  // Latin Extended Additional (Vietnamese, Welsh, …)
        | '\u{2c60}'..='\u{2c7f}'  // Latin Extended-C
        | '\u{a720}'..='\u{a7ff}'  // Latin Extended-D
        | '\u{ab30}'..='\u{ab6f}'  // Latin Extended-E
        | '\u{fb00}'..='\u{fb06}'  // ligatures: ﬁ ﬂ ﬀ
        | '\u{ff21}'..='\u{ff3a}'  // full-width capitals
        | '\u{ff41}'..='\u{ff5a}') // full-width small letters
}

/// Combining accents, in every block of them (stacked marks included).
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}')
}

/// The unaccented spelling of a lowercase letter, `Some("")` for a combining accent.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{300}'..='\u{36f}' => "",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_and_accents() {
        assert_eq!(fold("Één Ĳsbaan"), "een ijsbaan");
        assert_eq!(
            fold("Straße Œuvre Æbleskiver"),
            "strasse oeuvre aebleskiver"
        );
        assert_eq!(
            fold("ÀÁÂÃÄÅ çÇ ÑÖØÜÝŸ Łódź Čepić"),
            "aaaaaa cc noouyy lodz cepic"
        );
        assert_eq!(fold("Ze\u{301}"), "ze");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Þór Ðóra"), "thor dora");
        assert_eq!(fold("שלום 🙂"), "שלום 🙂");
    }

    #[test]
    fn every_latin_letter_folds() {
        assert_eq!(fold("Ștefan Țară"), "stefan tara");
        assert_eq!(fold("São Tomé"), "sao tome");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Ærøskøbing aerø"), "aeroskobing aero");
        assert_eq!(fold("Đặng Việt Nguyễn"), "dang viet nguyen");
        assert_eq!(fold("Ǆemal ǈubljana"), "dzemal ljubljana");
        assert_eq!(fold("ﬁets Ｗijk"), "fiets wijk");
        assert_eq!(fold("Z\u{301}\u{302}\u{1dc4}alg\u{20d7}o"), "zalgo");
        // Other scripts and symbols are not transliterated.
        assert_eq!(fold("日本 Привет ★"), "日本 привет ★");
    }

    proptest::proptest! {
        #[test]
        fn folding_is_idempotent_and_never_panics(s in proptest::prelude::any::<String>()) {
            let once = fold(&s);
            proptest::prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn ascii_only_loses_its_capitals(s in "[ -~]{0,60}") {
            proptest::prop_assert_eq!(fold(&s), s.to_ascii_lowercase());
        }

        #[test]
        fn latin_letters_fold_to_ascii(s in "[\u{c0}-\u{24f}\u{1e00}-\u{1eff}a-z ]{0,30}") {
            let f = fold(&s);
            let odd: Vec<char> = f.chars().filter(|c| !c.is_ascii() && c.is_alphabetic()).collect();
            // Letters with no plain spelling (ȸ, ɂ, …) may stay; none with accents.
            proptest::prop_assert!(odd.iter().all(|c| deunicode::deunicode_char(*c).is_none_or(|t| !t.bytes().all(|b| b.is_ascii_alphanumeric()) || t.is_empty())), "{f:?}");
        }
    }
}
