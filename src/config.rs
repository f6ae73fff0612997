//! The config file (TOML): where it lives, what it may say, how it is read and what is
//! wrong with it, for both front ends. The command line takes its `[mail]` settings
//! from here; the screens combine the rest with the command line and the environment
//! into their settings (`tui::settings`).
//!
//! ```toml
//! lang = "nl"            # en or nl; else LANG decides
//! theme = "default"      # or "mono"; NO_COLOR always means mono
//! ascii = false          # borders drawn with + - |
//! mouse = false          # capture the mouse (off: the terminal's own selection works)
//! [keys]
//! down = ["j", "down"]
//! help = "f1"
//! [mail]
//! from = "Gemeente Den Haag <wijkzaken@denhaag.example>"
//! reply_to = "wijkzaken@denhaag.example"   # optional
//! url = "smtp://relay.denhaag.example:587?tls=required"   # or smtps://, "sendmail", "file"
//! ```
//! A config that cannot be read gives one clear warning and the defaults, never a crash.

use crate::words::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    lang: Option<String>,
    theme: Option<String>,
    ascii: Option<bool>,
    mouse: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<String, OneOrMany>,
    // Inbox and tracker.
    feedback_days: Option<i64>,
    /// Replaced by `[mail]`; still read so an old config gets a hint, not a failure.
    mail_command: Option<String>,
    #[serde(default)]
    templates: BTreeMap<String, String>,
    mail: Option<crate::mail::RawMail>,
}

/// What the config file says, with defaults where it says nothing.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub lang: Option<Lang>,
    pub mono: bool,
    pub ascii: bool,
    pub mouse: bool,
    pub keys: BTreeMap<String, Vec<String>>,
    // Inbox and tracker.
    pub loop_cfg: LoopConfig,
}

// Inbox and tracker
/// The signal loop's settings: `feedback_days = 14`, `[templates]` of feedback
/// snippets with placeholders such as `{org}`, `{title}`, `{due}`, and `[mail]`:
/// how feedback e-mail leaves (none: `.eml` drafts beside the database).
#[derive(Debug, Clone)]
pub struct LoopConfig {
    pub feedback_days: i64,
    pub mail: Option<crate::mail::MailConfig>,
    pub templates: Vec<(String, String)>,
}

impl Default for LoopConfig {
    fn default() -> Self {
        LoopConfig {
            feedback_days: 14,
            mail: None,
            templates: Vec::new(),
        }
    }
}

/// `$WIJKDESK_CONFIG`, else `config.toml` in the user's config directory.
pub fn config_path() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("WIJKDESK_CONFIG")
        && !p.trim().is_empty()
    {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("nl", "wijkdesk", "wijkdesk")
        .map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// Reads the config file; a missing file is no problem, a bad one is a warning.
    pub fn load() -> (Config, Vec<String>) {
        let Some(path) = config_path() else {
            return (Config::default(), Vec::new());
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let (cfg, mut warnings) = Config::parse(&text);
                for w in &mut warnings {
                    *w = format!("{}: {w}", path.display());
                }
                (cfg, warnings)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
            Err(e) => (
                Config::default(),
                vec![format!(
                    "{}: cannot be read ({e}); using the defaults",
                    path.display()
                )],
            ),
        }
    }

    /// Parses config text; anything wrong is reported and replaced by the default.
    pub fn parse(text: &str) -> (Config, Vec<String>) {
        let raw: RawConfig = match toml::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                let msg = e
                    .message()
                    .lines()
                    .next()
                    .unwrap_or("invalid TOML")
                    .to_string();
                let at = e
                    .span()
                    .map(|s| {
                        format!(
                            " (line {})",
                            text[..s.start.min(text.len())].lines().count().max(1)
                        )
                    })
                    .unwrap_or_default();
                return (
                    Config::default(),
                    vec![format!("not a valid config{at}: {msg}; using the defaults")],
                );
            }
        };
        let mut warnings = Vec::new();
        let lang = raw.lang.as_deref().and_then(|l| {
            let parsed = Lang::parse(l);
            if parsed.is_none() {
                warnings.push(format!("lang = \"{l}\": use \"en\" or \"nl\""));
            }
            parsed
        });
        let mono = match raw.theme.as_deref().map(str::trim) {
            None | Some("default") => false,
            Some("mono") | Some("monochrome") => true,
            Some(other) => {
                warnings.push(format!("theme = \"{other}\": use \"default\" or \"mono\""));
                false
            }
        };
        let keys = raw
            .keys
            .into_iter()
            .map(|(k, v)| {
                let v = match v {
                    OneOrMany::One(s) => vec![s],
                    OneOrMany::Many(v) => v,
                };
                (k, v)
            })
            .collect();
        // Inbox and tracker.
        let mut loop_cfg = LoopConfig::default();
        match raw.feedback_days {
            Some(d) if (1..=365).contains(&d) => loop_cfg.feedback_days = d,
            Some(d) => warnings.push(format!("feedback_days = {d}: use 1 to 365")),
            None => {}
        }
        if raw.mail_command.is_some() {
            warnings.push(
                "mail_command is no longer used: write a [mail] table with from and url = \"sendmail\""
                    .into(),
            );
        }
        if let Some(m) = raw.mail {
            match crate::mail::MailConfig::from_raw(m) {
                Ok(m) => loop_cfg.mail = Some(m),
                Err(w) => warnings.push(format!("{w}; e-mail is written as .eml drafts")),
            }
        }
        loop_cfg.templates = raw.templates.into_iter().collect();
        (
            Config {
                lang,
                mono,
                ascii: raw.ascii.unwrap_or(false),
                mouse: raw.mouse.unwrap_or(false),
                keys,
                loop_cfg,
            },
            warnings,
        )
    }
}

/// `TERM=dumb`: a terminal that draws no box or block characters; marks go ASCII.
pub fn dumb_terminal() -> bool {
    std::env::var("TERM").is_ok_and(|t| t.trim() == "dumb")
}

/// <https://no-color.org/>: set and not empty.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_config() {
        let (c, w) = Config::parse(
            "lang = \"nl\"\ntheme = \"mono\"\nascii = true\nmouse = true\n[keys]\ndown = [\"n\"]\nhelp = \"f2\"\n",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.lang, Some(Lang::Nl));
        assert!(c.mono && c.ascii && c.mouse);
        assert_eq!(c.keys["help"], vec!["f2".to_string()]);
    }

    #[test]
    fn bad_config_is_a_warning_not_a_crash() {
        let (c, w) = Config::parse("lang = \n");
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("not a valid config"), "{w:?}");
        assert!(!c.mono);
        let (_, w) = Config::parse("colour = 3\n");
        assert!(w[0].contains("colour"), "{w:?}");
        let (c, w) = Config::parse("lang = \"fr\"\ntheme = \"neon\"\n");
        assert_eq!(w.len(), 2);
        assert_eq!(c.lang, None);
    }

    #[test]
    fn mail_settings_are_checked_and_a_bad_table_falls_back_to_drafts() {
        let (c, w) = Config::parse(
            "[mail]\nfrom = \"Gemeente Den Haag <wijkzaken@denhaag.example>\"\nreply_to = \"team@denhaag.example\"\nurl = \"smtp://u:p@relay.example:587?tls=required\"\n",
        );
        assert!(w.is_empty(), "{w:?}");
        let m = c.loop_cfg.mail.expect("mail settings");
        assert_eq!(m.from.email.to_string(), "wijkzaken@denhaag.example");
        assert_eq!(m.from.name.as_deref(), Some("Gemeente Den Haag"));
        assert_eq!(m.describe(), "smtp://u:***@relay.example:587?tls=required");
        let (c, w) = Config::parse("[mail]\nfrom = \"not an address\"\n");
        assert!(c.loop_cfg.mail.is_none());
        assert!(
            w[0].contains("[mail] from") && w[0].contains(".eml drafts"),
            "{w:?}"
        );
        let (c, w) = Config::parse("[mail]\nfrom = \"a@b.example\"\nurl = \"ftp://x\"\n");
        assert!(c.loop_cfg.mail.is_none());
        assert!(w[0].contains("smtp://host:port"), "{w:?}");
        let (_, w) = Config::parse("mail_command = \"sendmail -t\"\n");
        assert!(w[0].contains("[mail]"), "{w:?}");
    }
}
