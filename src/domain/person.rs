//! People: the rules their contact details follow.

use super::Refusal;
use crate::domain::Problem;

/// A person's address and phone number, when given: an `@` and no spaces; digits,
/// spaces and `+ - ( )` only.
pub fn check_contact(email: Option<&str>, phone: Option<&str>) -> Result<(), Refusal> {
    if let Some(e) = email
        && (!e.contains('@') || e.contains(char::is_whitespace))
    {
        return Err(Refusal::new(Problem::NotEmail {
            value: e.to_string(),
        }));
    }
    if let Some(ph) = phone
        && !ph
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        return Err(Refusal::new(Problem::NotPhone {
            value: ph.to_string(),
        }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_are_checked() {
        assert!(check_contact(Some("a@b.nl"), Some("+31 (0)6-123")).is_ok());
        assert!(check_contact(None, None).is_ok());
        let e = check_contact(Some("a b@c"), None).unwrap_err();
        assert_eq!(e.to_string(), "not an email address: \"a b@c\"");
        let e = check_contact(None, Some("06x")).unwrap_err();
        assert!(e.to_string().starts_with("not a phone number"), "{e}");
    }
}
