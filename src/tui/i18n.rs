//! The one catalogue of every string the screens show, in English and Dutch. Later
//! screens add their strings here, always in both languages (a test checks).
//! Placeholders are written `{name}` and filled by [`Lang::f`].

use std::fmt::Display;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Nl,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_lowercase();
        if s == "en" || s.starts_with("en_") || s.starts_with("en-") || s == "english" {
            Some(Lang::En)
        } else if s == "nl"
            || s.starts_with("nl_")
            || s.starts_with("nl-")
            || s == "nederlands"
            || s == "dutch"
        {
            Some(Lang::Nl)
        } else {
            None
        }
    }

    /// Dutch when the locale (LC_ALL, then LC_MESSAGES, then LANG) starts with "nl".
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .unwrap_or_default();
        if locale.to_lowercase().starts_with("nl") {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    pub fn t(self, key: T) -> &'static str {
        match self {
            Lang::En => key.en(),
            Lang::Nl => key.nl(),
        }
    }

    /// The string with its `{name}` placeholders filled in.
    pub fn f(self, key: T, args: &[(&str, &dyn Display)]) -> String {
        let mut out = self.t(key).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), &value.to_string());
        }
        out
    }
}

macro_rules! catalogue {
    ($($key:ident => $en:literal, $nl:literal;)*) => {
        /// A key into the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $($key),* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key),*];

            pub fn en(self) -> &'static str {
                match self { $(T::$key => $en),* }
            }

            pub fn nl(self) -> &'static str {
                match self { $(T::$key => $nl),* }
            }
        }
    };
}

catalogue! {
    // Screens and tabs.
    ScreenOrganisations => "Organisations", "Organisaties";
    ScreenPeople => "People", "Personen";
    // Key map scopes (help headings).
    ScopeGlobal => "Everywhere", "Overal";
    ScopeList => "Lists", "Lijsten";
    ScopeWelcome => "Empty database", "Lege database";
    ScopeForm => "Forms", "Formulieren";
    // Actions.
    ActHelp => "Show help (all keys)", "Hulp tonen (alle toetsen)";
    ActPalette => "Command palette", "Opdrachtenlijst";
    ActJump => "Jump to an organisation or person", "Naar een organisatie of persoon springen";
    ActWho => "Who does what: contact for a district and theme", "Wie doet wat: aanspreekpunt per stadsdeel en thema";
    ActQuit => "Back, or quit from the top", "Terug, of afsluiten vanaf het begin";
    ActQuitNow => "Quit now (an open form is kept as a draft)", "Nu afsluiten (een open formulier blijft bewaard als concept)";
    ActNextScreen => "Next screen", "Volgend scherm";
    ActPrevScreen => "Previous screen", "Vorig scherm";
    ActScreen => "Go to", "Ga naar";
    ActSuspend => "Suspend to the shell (fg to return)", "Naar de shell (fg om terug te keren)";
    ActRefresh => "Reload and redraw", "Opnieuw laden en tekenen";
    ActUp => "Up", "Omhoog";
    ActDown => "Down", "Omlaag";
    ActTop => "First row", "Eerste regel";
    ActBottom => "Last row", "Laatste regel";
    ActPageUp => "Page up", "Pagina omhoog";
    ActPageDown => "Page down", "Pagina omlaag";
    ActOpen => "Open the detail; in a filter: keep it", "Details openen; in een filter: vasthouden";
    ActBack => "Back; clears the filter; closes a popup", "Terug; wist het filter; sluit een venster";
    ActFilter => "Filter the list as you type", "De lijst filteren terwijl je typt";
    ActNew => "New record", "Nieuw record";
    ActEdit => "Edit the selected record", "Het gekozen record bewerken";
    ActLoadDemo => "Load the demo data", "De demogegevens laden";
    ActNextField => "Next field", "Volgend veld";
    ActPrevField => "Previous field", "Vorig veld";
    ActSave => "Save (Enter on the last field saves too)", "Opslaan (Enter in het laatste veld slaat ook op)";
    // Status line hints.
    HintHelp => "help", "hulp";
    HintPalette => "commands", "opdrachten";
    HintJump => "jump", "springen";
    HintWho => "who", "wie";
    HintFilter => "filter", "filter";
    HintNew => "new", "nieuw";
    HintQuit => "quit", "stoppen";
    // Columns and fields.
    ColName => "Name", "Naam";
    ColKind => "Kind", "Soort";
    ColDistrict => "District", "Stadsdeel";
    ColSignals => "Sig", "Sig";
    ColCommitments => "Com", "Toe";
    ColLastContact => "Contact", "Contact";
    FieldLastContact => "Last contact", "Laatste contact";
    OrgLegend => "Contact: last met  ! overdue or asked too much", "Contact: laatst gesproken  ! te laat of te veel gevraagd";
    PeopleLegend => "* covers districts or themes (who does what)", "* aanspreekpunt voor stadsdelen of thema's (wie doet wat)";
    ColCadence => "Cad", "Rit";
    ColLoad => "Load", "Last";
    FieldName => "Name", "Naam";
    FieldShortName => "Short name", "Korte naam";
    FieldNeighbourhoods => "Neighbourhoods", "Wijken";
    FieldEmail => "Email", "E-mail";
    FieldPhone => "Phone", "Telefoon";
    FieldRole => "Role", "Rol";
    FieldOrganisation => "Organisation", "Organisatie";
    FieldUsername => "Username", "Gebruikersnaam";
    FieldDistricts => "Districts", "Stadsdelen";
    FieldThemes => "Themes", "Thema's";
    FieldNotes => "Notes", "Notities";
    FieldCadence => "Meetings a year", "Overleggen per jaar";
    KindResidents => "residents", "bewoners";
    KindService => "service", "dienst";
    KindPartner => "partner", "partner";
    // Detail panes.
    Detail => "Detail", "Details";
    NothingSelected => "Nothing selected.", "Niets gekozen.";
    NothingMatches => "Nothing matches.", "Niets gevonden.";
    Never => "never", "nooit";
    Due => "due", "uiterlijk";
    CadencePerYear => "{n} a year", "{n} per jaar";
    CadenceOverdue => "(overdue: not met within the cadence)", "(te laat: niet gesproken binnen het ritme)";
    LoadIn90 => "{n} in 90 days", "{n} in 90 dagen";
    OverLoad => "(asked too much)", "(wordt te veel gevraagd)";
    SectionPeople => "People", "Personen";
    SectionSignals => "Open signals", "Open signalen";
    SectionCommitments => "Open commitments", "Open toezeggingen";
    SectionMeetings => "Meetings", "Overleggen";
    SectionCovers => "Covers (who does what)", "Aanspreekpunt voor (wie doet wat)";
    MeetingPlanned => "planned", "gepland";
    MeetingHeld => "held", "gehouden";
    MeetingFinal => "final", "definitief";
    Any => "(any)", "(alle)";
    Erased => "Personal data erased.", "Persoonsgegevens gewist.";
    ErasedNoEdit => "This person's data was erased; it cannot be edited.", "De gegevens van deze persoon zijn gewist; bewerken kan niet.";
    // Forms.
    NewOrganisation => "New organisation", "Nieuwe organisatie";
    NewPerson => "New person", "Nieuwe persoon";
    EditTitle => "Edit", "Bewerken";
    FormNext => "next field", "volgend veld";
    FormSave => "save", "opslaan";
    FormCancel => "cancel", "annuleren";
    FormNotSaved => "Not saved: see the marked field.", "Niet opgeslagen: zie het gemarkeerde veld.";
    FormConflict => "Your values are kept: save again to put yours over theirs, or Esc to discard yours.", "Je invoer is bewaard: sla opnieuw op om die van jou te laten gelden, of Esc om de jouwe te laten vallen.";
    FormDiscard => "Discard what you typed?", "Wat je getypt hebt weggooien?";
    DraftRestored => "Restored the form you had not saved.", "Het formulier dat je niet had opgeslagen is teruggezet.";
    ErrRequired => "Required.", "Verplicht.";
    ErrEmail => "Not an email address.", "Geen e-mailadres.";
    ErrPhone => "Digits, spaces and + - ( ) only.", "Alleen cijfers, spaties en + - ( ).";
    ErrCadence => "A number from 0 to 52.", "Een getal van 0 tot en met 52.";
    ErrConflict => "Someone else changed this record while you were editing.", "Iemand anders heeft dit record gewijzigd terwijl jij bewerkte.";
    Created => "Created {id}: {name}.", "{id} aangemaakt: {name}.";
    SavedChanges => "Saved {id}: {name}.", "{id} opgeslagen: {name}.";
    ConfirmTitle => "Are you sure?", "Weet je het zeker?";
    ConfirmKeys => "y = yes, n = no", "j = ja, n = nee";
    // Popups.
    HelpTitle => "Keys", "Toetsen";
    HelpFooter => "Esc closes; j/k scroll. Keys can be changed in config.toml.", "Esc sluit; j/k schuift. Toetsen zijn aan te passen in config.toml.";
    PaletteTitle => "Commands", "Opdrachten";
    JumpTitle => "Jump to", "Spring naar";
    WhoTitle => "Who does what", "Wie doet wat";
    PickDistrict => "District", "Stadsdeel";
    PickTheme => "Theme", "Thema";
    WhoContacts => "Contacts", "Aanspreekpunten";
    WhoNobody => "Nobody covers this; try (any).", "Niemand gaat hierover; probeer (alle).";
    WhoFooter => "Type to narrow, Enter/Tab next, Esc back", "Typ om te zoeken, Enter/Tab verder, Esc terug";
    // Status line.
    Reloaded => "Reloaded.", "Opnieuw geladen.";
    NotFound => "{id} was not found.", "{id} is niet gevonden.";
    DemoLoaded => "Demo data loaded: {orgs} organisations, {people} people, {signals} signals.", "Demogegevens geladen: {orgs} organisaties, {people} personen, {signals} signalen.";
    DraftKept => "Your unsaved form was kept and reopens next time: {path}", "Je niet-opgeslagen formulier is bewaard en opent de volgende keer weer: {path}";
    // Welcome.
    WelcomeTitle => "Welcome to wijkdesk", "Welkom bij wijkdesk";
    WelcomeEmpty => "The database {db} is empty.", "De database {db} is leeg.";
    WelcomeLoadKey => "load the demo data now (organisations, people, signals, meetings)", "laad nu de demogegevens (organisaties, personen, signalen, overleggen)";
    WelcomeLoadShell => "does the same from a shell", "doet hetzelfde vanuit een shell";
    WelcomeNew => "start with a new organisation", "begin met een nieuwe organisatie";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut v: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        for k in T::ALL {
            assert!(!k.en().trim().is_empty(), "{k:?} has no English");
            assert!(!k.nl().trim().is_empty(), "{k:?} has no Dutch");
            assert_eq!(placeholders(k.en()), placeholders(k.nl()), "{k:?}");
        }
    }

    #[test]
    fn fills_placeholders_and_parses_languages() {
        assert_eq!(
            Lang::Nl.f(T::NotFound, &[("id", &"O-7")]),
            "O-7 is niet gevonden."
        );
        assert_eq!(Lang::parse("nl_NL.UTF-8"), Some(Lang::Nl));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
