//! Feedback templates with placeholders. Building and sending messages lives in
//! `crate::mail` (through the lettre crate).

/// What a template can say about the signal it answers.
#[derive(Debug, Clone, Default)]
pub struct TemplateFields {
    pub org: String,
    pub signal_id: String,
    pub title: String,
    pub owner: String,
    pub due: String,
    pub user: String,
}

/// Fill `{org}`, `{id}`, `{title}`, `{owner}`, `{due}` and `{user}` (Dutch aliases
/// `{organisatie}`, `{titel}`, `{behandelaar}`, `{datum}`, `{gebruiker}`). Unknown
/// placeholders are left as typed, so nothing the user wrote disappears.
pub fn fill_template(template: &str, f: &TemplateFields) -> String {
    let pairs: [(&[&str], &str); 6] = [
        (&["org", "organisatie"], &f.org),
        (&["id"], &f.signal_id),
        (&["title", "titel"], &f.title),
        (&["owner", "behandelaar"], &f.owner),
        (&["due", "datum"], &f.due),
        (&["user", "gebruiker"], &f.user),
    ];
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let key = after[..end].trim().to_lowercase();
                match pairs
                    .iter()
                    .find(|(names, _)| names.contains(&key.as_str()))
                {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[start..start + end + 2]),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn templates_fill_known_placeholders_and_keep_the_rest() {
        let f = TemplateFields {
            org: "Duinoord".into(),
            signal_id: "S-4".into(),
            due: "2026-02-01".into(),
            ..Default::default()
        };
        assert_eq!(
            fill_template(
                "Beste {org}, over {id} hoort u voor {datum} meer. {onbekend} {",
                &f
            ),
            "Beste Duinoord, over S-4 hoort u voor 2026-02-01 meer. {onbekend} {"
        );
    }

    proptest! {
        #[test]
        fn templates_never_panic_and_keep_plain_text(s in "\\PC*") {
            let out = fill_template(&s, &TemplateFields::default());
            if !s.contains('{') {
                prop_assert_eq!(out, s);
            }
        }

    }
}
