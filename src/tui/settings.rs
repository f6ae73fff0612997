//! What drawing and key handling need to know about the user's choices: the config
//! file ([`crate::config`]) combined with the command line and the environment, with
//! the theme and the key map built from its `[keys]` table.

use super::Options;
use super::keymap::KeyMap;
use super::theme::Theme;
use crate::config::{Config, LoopConfig, dumb_terminal, no_color};
use crate::words::Lang;

/// Everything drawing and key handling need to know about the user's choices.
#[derive(Debug, Clone)]
pub struct Settings {
    pub lang: Lang,
    pub theme: Theme,
    pub ascii: bool,
    pub mouse: bool,
    pub keymap: KeyMap,
    /// Problems with the config file, shown on the status line at start.
    pub warnings: Vec<String>,
    // Inbox and tracker.
    pub loop_cfg: LoopConfig,
    /// Organisation names as narrow columns show them; the shell refreshes them
    /// with the data.
    pub org_names: crate::domain::org_names::OrgNames,
}

impl Settings {
    /// Plain settings: default keys, no config file (tests, snapshots).
    pub fn new(lang: Lang, mono: bool, ascii: bool) -> Settings {
        Settings {
            lang,
            theme: if mono {
                Theme::mono()
            } else {
                Theme::default_theme()
            },
            ascii,
            mouse: false,
            keymap: KeyMap::default(),
            warnings: Vec::new(),
            loop_cfg: LoopConfig::default(),
            org_names: Default::default(),
        }
    }

    /// The command line first, then the config file, then the environment.
    pub fn load(opts: &Options) -> Settings {
        let (cfg, warnings) = Config::load();
        Settings::combine(opts, cfg, warnings)
    }

    pub fn combine(opts: &Options, cfg: Config, mut warnings: Vec<String>) -> Settings {
        let opt_lang = opts.lang.as_deref().and_then(|l| {
            let parsed = Lang::parse(l);
            if parsed.is_none() {
                warnings.push(format!("--lang {l}: use en or nl"));
            }
            parsed
        });
        let lang = opt_lang.or(cfg.lang).unwrap_or_else(Lang::from_env);
        let (keymap, key_warnings) = KeyMap::with_overrides(&cfg.keys);
        warnings.extend(key_warnings);
        let mono = cfg.mono || no_color();
        Settings {
            lang,
            theme: if mono {
                Theme::mono()
            } else {
                Theme::default_theme()
            },
            ascii: opts.ascii || cfg.ascii || dumb_terminal(),
            mouse: cfg.mouse,
            keymap,
            warnings,
            loop_cfg: cfg.loop_cfg,
            org_names: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_wins() {
        let opts = Options {
            lang: Some("en".into()),
            ascii: true,
            ..Options::default()
        };
        let cfg = Config {
            lang: Some(Lang::Nl),
            ..Config::default()
        };
        let s = Settings::combine(&opts, cfg, Vec::new());
        assert_eq!(s.lang, Lang::En);
        assert!(s.ascii);
    }
}
