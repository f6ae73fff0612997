//! The one catalogue of every string the screens show, in English and Dutch. Later
//! screens add their strings here, always in both languages (a test checks).
//! Placeholders are written `{name}` and filled by [`Lang::f`].

use std::fmt::Display;

/// The language lives with the words for problems ([`crate::words`]), which the
/// command line shares; the screens' own catalogue is below.
pub use crate::words::Lang;

impl Lang {
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
    ActJump => "Jump to any record by name or ID", "Naar een record springen op naam of ID";
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
    ColLastMeeting => "Met", "Overleg";
    ColLastContact => "Contact", "Contact";
    FieldLastMeeting => "Last meeting", "Laatste overleg";
    FieldLastContact => "Last contact", "Laatste contact";
    FieldLastContactHelp => "(meeting or feedback)", "(overleg of terugkoppeling)";
    OrgLegend => "Met: last meeting  Contact: or feedback  ! overdue or asked too much", "Overleg: laatst  Contact: ook terugkoppeling  ! te laat of te veel";
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
    MeetingCancelled => "cancelled", "afgelast";
    ActMeetingCancel => "Cancel the meeting, with a reason", "Het overleg afgelasten, met een reden";
    ActMeetingInvite => "E-mail the invitation (or its update, or the cancellation) to the organisations invited", "De uitnodiging (of de wijziging, of de afgelasting) mailen aan de uitgenodigde organisaties";
    ActMinutesSend => "E-mail the final minutes to the organisations that attended", "Het vastgestelde verslag mailen aan de aanwezige organisaties";
    MeetingCancelTitle => "Cancel meeting", "Overleg afgelasten";
    MeetingCancelQ => "Cancel {id} {title} on {when}? It stays in the list as cancelled and can no longer be changed.", "{id} {title} op {when} afgelasten? Het blijft als afgelast in de lijst en kan niet meer worden gewijzigd.";
    MeetingCancelReason => "Reason (may be empty):", "Reden (mag leeg blijven):";
    MeetingCancelKeys => "{open} yes, cancel it  {back} no, keep it", "{open} ja, afgelasten  {back} nee, laten staan";
    MeetingCancelDone => "{id} cancelled.", "{id} afgelast.";
    MeetingCancelDoneInvite => "{id} cancelled. Press {key} to send the cancellation to the organisations invited.", "{id} afgelast. Druk op {key} om de afgelasting naar de uitgenodigde organisaties te sturen.";
    MeetingInviteQ => "E-mail the {what} for {id} (sequence {n}) to {to}?", "De {what} voor {id} (volgnummer {n}) mailen aan {to}?";
    MinutesSendQ => "E-mail the minutes of {id} to {to}?", "Het verslag van {id} mailen aan {to}?";
    MinutesSendNotFinal => "Only final minutes are sent: {id} is {status}; finalise it first.", "Alleen een vastgesteld verslag wordt verstuurd: {id} is {status}; stel het eerst vast.";
    MailSending => "Sending the {what} for {id}…", "De {what} voor {id} wordt verstuurd…";
    MailWhatInvite => "invitation", "uitnodiging";
    MailWhatCancel => "cancellation", "afgelasting";
    MailWhatMinutes => "minutes", "verslag";
    MailSentN => "{n} sent", "{n} verstuurd";
    MailDraftsN => "{n} draft(s) in {dir}", "{n} concept(en) in {dir}";
    MailFailedN => "{n} not sent (kept in the outbox: wijkdesk mail retry)", "{n} niet verstuurd (bewaard in de outbox: wijkdesk mail retry)";
    MailNoAddressN => "{n} without an e-mail address", "{n} zonder e-mailadres";
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
    FormConflict => "Your values are kept: save again to put yours over theirs, or {back} to discard yours.", "Je invoer is bewaard: sla opnieuw op om die van jou te laten gelden, of {back} om de jouwe te laten vallen.";
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
    ConfirmKeys => "{yes} = yes, {no} = no", "{yes} = ja, {no} = nee";
    // Kept lists of districts, neighbourhoods and themes.
    TermDistrict => "district", "stadsdeel";
    TermNeighbourhood => "neighbourhood", "wijk";
    TermTheme => "theme", "thema";
    AskNewTerm => "'{value}' is not on the list ({kind}). Add it as a new {kind}? y = yes, n = no", "'{value}' staat niet op de lijst ({kind}). Toevoegen als nieuw(e) {kind}? j = ja, n = nee";
    AskNewTermMeant => "Did you mean {names}?", "Bedoel je {names}?";
    NewTermDeclined => "Not added: choose a {kind} from the list.", "Niet toegevoegd: kies een {kind} uit de lijst.";
    NewTermAdded => "Added {kind} {value}.", "{kind} {value} toegevoegd.";
    ActLists => "Districts, neighbourhoods and themes: the kept lists", "Stadsdelen, wijken en thema's: de vaste lijsten";
    ListsTitle => "Districts, neighbourhoods and themes", "Stadsdelen, wijken en thema's";
    ListsKeys => "{lists_next_kind} next list  {open} add  {lists_rename} rename  {lists_merge} merge  {back} back", "{lists_next_kind} volgende lijst  {open} toevoegen  {lists_rename} hernoemen  {lists_merge} samenvoegen  {back} terug";
    ListsUses => "{n} used", "{n} gebruikt";
    ListsEnterToAdd => "Not on the list: {open} to add it.", "Niet op de lijst: {open} om toe te voegen.";
    ListsOnList => "{name} is on the list.", "{name} staat op de lijst.";
    ListsRenaming => "New name for {name}, then {open}:", "Nieuwe naam voor {name}, dan {open}:";
    ListsRenamed => "Renamed {old} to {new}; {n} records changed.", "{old} hernoemd naar {new}; {n} records gewijzigd.";
    ListsMerging => "Merge {name} into: choose the name that stays, then {open}.", "{name} samenvoegen met: kies de naam die blijft, dan {open}.";
    ListsAskMerge => "Merge {from} into {into}? Its {n} records move along. y = yes, n = no", "{from} samenvoegen met {into}? De {n} records gaan mee. j = ja, n = nee";
    ListsMerged => "Merged {from} into {into}; {n} records changed.", "{from} samengevoegd met {into}; {n} records gewijzigd.";
    // Popups.
    HelpTitle => "Keys", "Toetsen";
    HelpFooter => "{back} closes; {down}/{up} scroll. Keys can be changed in config.toml.", "{back} sluit; {down}/{up} schuift. Toetsen zijn aan te passen in config.toml.";
    PaletteTitle => "Commands", "Opdrachten";
    JumpTitle => "Jump to", "Spring naar";
    WhoTitle => "Who does what", "Wie doet wat";
    PickDistrict => "District", "Stadsdeel";
    PickTheme => "Theme", "Thema";
    WhoContacts => "Contacts", "Aanspreekpunten";
    WhoNobody => "Nobody covers this; try (any).", "Niemand gaat hierover; probeer (alle).";
    WhoFooter => "Type to narrow, {open}/{next_field} next, {back} back", "Typ om te zoeken, {open}/{next_field} verder, {back} terug";
    WhoOpenPerson => "open person", "persoon openen";
    WhoAssignTo => "give {id} to them", "geef {id} aan deze persoon";
    WhoBack => "back", "terug";
    WhoAssigned => "{id} given to {owner}.", "{id} gegeven aan {owner}.";
    WhoNoSignal => "Select a signal first (inbox), then open who does what.", "Kies eerst een signaal (inbox) en open dan wie doet wat.";
    WhoConflict => "{id} was changed by someone else meanwhile.", "{id} is intussen door iemand anders gewijzigd.";
    WhoConflictReloaded => "Kept their owner; choose again to give it to this contact.", "Hun behandelaar blijft; kies opnieuw om het aan deze persoon te geven.";
    SectionOpenWork => "Open signals and commitments", "Open signalen en toezeggingen";
    PersonWorkHint => "{up}/{down} choose, {open} opens", "{up}/{down} kiezen, {open} opent";
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
    // Meetings and minutes
    ScreenMeetings => "Meetings", "Overleggen";
    ScopeMeetings => "Meetings", "Overleggen";
    ScopeMinutes => "Minutes editor", "Notulen";
    ActMeetingPrepare => "Prepare the meeting: what is still open", "Het overleg voorbereiden: wat nog openstaat";
    ActMeetingAgenda => "Edit the agenda", "De agenda bewerken";
    ActMeetingAttendance => "Mark attendance", "Aanwezigheid bijhouden";
    ActMeetingHold => "Mark the meeting held", "Het overleg als gehouden markeren";
    ActMeetingFinalise => "Finalise the minutes (locks them)", "De notulen vaststellen (vergrendelt ze)";
    ActMeetingExport => "Export the minutes as Markdown", "De notulen als Markdown exporteren";
    ActMeetingSelect => "Select or change the row", "De regel kiezen of wijzigen";
    ActMeetingDelete => "Delete the agenda item or minutes line", "Het agendapunt of de notulenregel verwijderen";
    ActMeetingItemUp => "Move the agenda item up", "Het agendapunt omhoog";
    ActMeetingItemDown => "Move the agenda item down", "Het agendapunt omlaag";
    ActMinutesComplete => "Complete @owner, org: or #theme", "@eigenaar, org: of #thema aanvullen";
    ActMinutesPrevItem => "Previous agenda item", "Vorig agendapunt";
    ActMinutesNextItem => "Next agenda item", "Volgend agendapunt";
    ActMinutesMove => "Move the line to the current agenda item", "De regel naar het huidige agendapunt verplaatsen";
    ActMinutesAnswer => "Mark the question answered (or open)", "De vraag als beantwoord (of open) markeren";
    ColWhen => "When", "Wanneer";
    ColStatus => "Status", "Status";
    ColTitle => "Title", "Titel";
    ColOrgs => "Orgs", "Org";
    FieldTitle => "Title", "Titel";
    FieldMeetingKind => "Kind", "Soort";
    FieldStart => "Start", "Begin";
    FieldEnd => "End", "Einde";
    FieldLocation => "Location", "Locatie";
    FieldOrganisations => "Organisations", "Organisaties";
    FieldChair => "Chair", "Voorzitter";
    FieldMinuteTaker => "Minute-taker", "Notulist";
    NewMeeting => "New meeting", "Nieuw overleg";
    MeetingsLegend => "{open} minutes  {meeting_prepare} prepare  {meeting_agenda} agenda  {meeting_attendance} attendance  {meeting_hold} hold  {meeting_finalise} finalise  {meeting_export} export", "{open} notulen  {meeting_prepare} voorbereiden  {meeting_agenda} agenda  {meeting_attendance} aanwezig  {meeting_hold} gehouden  {meeting_finalise} vaststellen  {meeting_export} export";
    MeetingsUpcoming => "upcoming", "gepland";
    MeetingOverdue => "(planned, but already past)", "(gepland, maar al voorbij)";
    SectionAgenda => "Agenda", "Agenda";
    SectionAttendance => "Attendance", "Aanwezigheid";
    SectionMinutes => "Minutes", "Notulen";
    MinutesLines => "{n} lines", "{n} regels";
    Attended => "present", "aanwezig";
    Absent => "absent", "afwezig";
    AttendanceUnknown => "not marked", "niet bijgehouden";
    NoAgendaItem => "(no agenda item)", "(geen agendapunt)";
    AgendaTitle => "Agenda of {id}", "Agenda van {id}";
    AgendaFooter => "{new} new  {edit} rename  {meeting_item_up}/{meeting_item_down} move  {meeting_delete} delete  {back} close", "{new} nieuw  {edit} hernoemen  {meeting_item_up}/{meeting_item_down} verplaatsen  {meeting_delete} verwijderen  {back} sluiten";
    AgendaNewPrompt => "New agenda item:", "Nieuw agendapunt:";
    AgendaRenamePrompt => "Rename to:", "Hernoemen naar:";
    AgendaEmpty => "No agenda items yet: n adds one.", "Nog geen agendapunten: n voegt er een toe.";
    AgendaDeleteQ => "Delete agenda item \"{title}\"?", "Agendapunt \"{title}\" verwijderen?";
    AgendaAdded => "Added {n} agenda items.", "{n} agendapunten toegevoegd.";
    AttendanceTitle => "Attendance at {id}", "Aanwezigheid bij {id}";
    AttendanceFooter => "{meeting_select} present/absent/not marked  {new} add someone  {meeting_delete} take off  {back} close", "{meeting_select} aanwezig/afwezig/open  {new} toevoegen  {meeting_delete} eraf halen  {back} sluiten";
    AttendanceAddPrompt => "Add as present: name, username or P- number (staff too)", "Toevoegen als aanwezig: naam, gebruiker of P-nummer (ook collega's)";
    AttendanceListed => "{name} is on the list already", "{name} staat al op de lijst";
    ConflictKeptTyped => "What you typed is kept: {open} again puts it over theirs, {back} drops it.", "Je invoer is bewaard: {open} nogmaals zet die over de hunne heen, {back} laat hem vallen.";
    HistAttended => "attended", "aanwezig";
    HistAbsent => "absent", "afwezig";
    HistNotMarked => "not marked", "niet bijgehouden";
    HistInvited => "invited", "uitgenodigd";
    HistUninvited => "no longer invited", "niet meer uitgenodigd";
    HistOffList => "taken off the list", "van de lijst gehaald";
    HistAdded => "added", "toegevoegd";
    HistDeleted => "deleted", "verwijderd";
    PrepareTitle => "Prepare {id}", "{id} voorbereiden";
    PrepareFooter => "{meeting_select} select  {open} selected become agenda items  {back} close", "{meeting_select} kiezen  {open} gekozen worden agendapunten  {back} sluiten";
    PrepareNothing => "Nothing is open with these organisations.", "Er staat niets open met deze organisaties.";
    PrepareNotPlanned => "Only a planned meeting is prepared; {id} is {status}.", "Alleen een gepland overleg wordt voorbereid; {id} is {status}.";
    PrepFeedbackOwed => "Feedback owed", "Terugkoppeling verschuldigd";
    PrepSignals => "Open signals", "Open signalen";
    PrepCommitments => "Open commitments", "Open toezeggingen";
    PrepActions => "Open actions", "Open acties";
    PrepQuestions => "Unanswered questions", "Onbeantwoorde vragen";
    PrepSelected => "{n} selected", "{n} gekozen";
    MinutesTitle => "Minutes of {id}: {title}", "Notulen van {id}: {title}";
    MinutesAmending => "final: new lines are amendments", "definitief: nieuwe regels zijn wijzigingen achteraf";
    MinutesItem => "Item: {item}", "Punt: {item}";
    MinutesEmpty => "No lines yet. Type one below and press {minutes_store}.", "Nog geen regels. Typ er hieronder een en druk op {minutes_store}.";
    MinutesHintInput => "{minutes_store} store  {minutes_complete} complete  {minutes_syntax} syntax  {minutes_prev_item}/{minutes_next_item} item  {up} lines  {back} close", "{minutes_store} opslaan  {minutes_complete} aanvullen  {minutes_syntax} syntaxis  {minutes_prev_item}/{minutes_next_item} punt  {up} regels  {back} sluiten";
    MinutesHintList => "{edit} edit  {minutes_move} move here  {meeting_delete} delete  {minutes_answer} answered  {meeting_hold} held  {meeting_finalise} final  {meeting_follow_up} follow-up  {meeting_export} export  {back} input", "{edit} bewerken  {minutes_move} hierheen  {meeting_delete} verwijderen  {minutes_answer} beantwoord  {meeting_hold} gehouden  {meeting_finalise} definitief  {meeting_follow_up} vervolg  {meeting_export} export  {back} invoer";
    MinutesHintEdit => "Editing line {n}: {minutes_store} saves, {back} cancels", "Regel {n} bewerken: {minutes_store} slaat op, {back} annuleert";
    MinutesDraftSaved => "draft saved", "concept bewaard";
    MinutesDraftRestored => "Your unfinished line is back.", "Je onafgemaakte regel is terug.";
    MinutesStored => "Stored line {n}.", "Regel {n} opgeslagen.";
    MinutesStoredCreated => "Stored line {n}: created {id}.", "Regel {n} opgeslagen: {id} aangemaakt.";
    MinutesStoredProblems => "Stored line {n} as typed; fix it later: {problems}", "Regel {n} opgeslagen zoals getypt; verbeter later: {problems}";
    MinutesEdited => "Saved line {n}.", "Regel {n} opgeslagen.";
    MinutesDeleteQ => "Delete line {n}?", "Regel {n} verwijderen?";
    MinutesDeleted => "Deleted line {n}.", "Regel {n} verwijderd.";
    MinutesDeletedKept => "Deleted line {n}; {id} stays.", "Regel {n} verwijderd; {id} blijft bestaan.";
    MinutesMoved => "Moved line {n}.", "Regel {n} verplaatst.";
    MinutesNoCandidates => "Nothing to complete for {token}.", "Niets aan te vullen voor {token}.";
    MinutesCandidates => "Tab again: {list}", "Nog eens Tab: {list}";
    MinutesUnresolved => "Not found: {tokens}", "Niet gevonden: {tokens}";
    MinutesAmendment => "amendment", "wijziging achteraf";
    MinutesAnswered => "answered", "beantwoord";
    MinutesNotQuestion => "Only a question (Q:) is answered.", "Alleen een vraag (V:) wordt beantwoord.";
    MeetingStepped => "{id} is {status} now.", "{id} is nu {status}.";
    MeetingFinaliseQ => "Finalise the minutes of {id}? Later changes are recorded as amendments.", "De notulen van {id} vaststellen? Latere wijzigingen worden als wijziging achteraf vastgelegd.";
    MinutesExported => "Minutes written to {path}", "Notulen geschreven naar {path}";
    KindNote => "note", "notitie";
    KindDecision => "decision", "besluit";
    KindAction => "action", "actie";
    KindCommitment => "commitment", "toezegging";
    KindSignal => "signal", "signaal";
    KindQuestion => "question", "vraag";
    // Trust: conflicts, history, AVG
    ConflictTitle => "Changed by someone else", "Door iemand anders gewijzigd";
    ConflictField => "Field", "Veld";
    ConflictYours => "Yours (typed)", "Jouw invoer";
    ConflictTheirs => "Saved now", "Nu opgeslagen";
    ConflictLegend => "! both changed  < changed by them  > changed by you", "! allebei gewijzigd  < door de ander gewijzigd  > door jou gewijzigd";
    ConflictOverwrite => "overwrite with yours", "overschrijven met de jouwe";
    ConflictReload => "reload theirs", "opgeslagen versie laden";
    ConflictMerge => "back to the form to merge", "terug naar het formulier om samen te voegen";
    ConflictReloadAsk => "Discard what you typed and take the saved version?", "Wat je typte weggooien en de opgeslagen versie nemen?";
    ConflictReloaded => "The saved version is shown now; what you typed was discarded.", "De opgeslagen versie staat er nu; wat je typte is weggegooid.";
    ConflictMerging => "Their changes are filled in where you typed nothing; yours are kept. Check and save.", "Hun wijzigingen zijn ingevuld waar jij niets typte; de jouwe blijven staan. Controleer en sla op.";
    ActHistory => "History of the selected record", "Geschiedenis van het gekozen record";
    ActExportPerson => "Export all data on the selected person (AVG)", "Gegevens gekozen persoon exporteren (AVG)";
    ActOrgStatement => "Statement to the selected organisation", "Overzicht voor de gekozen organisatie";
    StatementTitle => "Statement for {name}", "Overzicht voor {name}";
    StatementWrite => "Write it as a page (HTML) in {dir}", "Als pagina (HTML) wegschrijven in {dir}";
    StatementSend => "E-mail it to the organisation", "Naar de organisatie mailen";
    StatementBoth => "Both: write it and e-mail it", "Allebei: wegschrijven en mailen";
    StatementWorking => "Making the statement for {id}…", "Overzicht voor {id} wordt gemaakt…";
    StatementDone => "Statement for {id}: {where}", "Overzicht voor {id}: {where}";
    StatementFailed => "Statement for {id} not done: {why}", "Overzicht voor {id} niet gelukt: {why}";
    ActErasePerson => "Erase the selected person's data (AVG)", "Gegevens gekozen persoon wissen (AVG)";
    ActRetention => "Retention review: inactive since a date", "Bewaartermijn: inactief sinds een datum";
    HistoryTitle => "History of {id}", "Geschiedenis van {id}";
    HistoryEmpty => "No changes recorded.", "Geen wijzigingen vastgelegd.";
    ActorAccount => "{user} (account {account})", "{user} (account {account})";
    HistoryCount => "changes: {n}", "wijzigingen: {n}";
    HistoryFooter => "{back} closes; {down}/{up}, {page_up}/{page_down} scroll", "{back} sluit; {down}/{up}, {page_up}/{page_down} schuift";
    AuditCreate => "created", "aangemaakt";
    AuditUpdate => "changed", "gewijzigd";
    AuditErase => "erased", "gewist";
    HistoryNothing => "Select a record first: this screen has no selection.", "Kies eerst een record: dit scherm heeft geen selectie.";
    Exported => "Exported {id} to {path} (readable by you only).", "{id} geëxporteerd naar {path} (alleen voor jou leesbaar).";
    ExportFailed => "Export failed: {error}", "Exporteren mislukt: {error}";
    EraseTitle => "Erase {id}", "{id} wissen";
    EraseWarning => "This erases the personal data of {name} ({id}) everywhere it is held: the record, the history's copies and the search index. It cannot be undone.", "Dit wist de persoonsgegevens van {name} ({id}) overal waar ze staan: het record, de kopieën in de geschiedenis en de zoekindex. Dit kan niet ongedaan worden gemaakt.";
    EraseExportFirst => "Export first ({key}) if the person asked for their data.", "Exporteer eerst ({key}) als de persoon om de gegevens vroeg.";
    EraseType => "Type {id} or \"erase\" and press {erase_confirm}; {back} cancels.", "Typ {id} of \"wissen\" en druk op {erase_confirm}; {back} annuleert.";
    EraseWrong => "That is not {id} or \"erase\": nothing was erased.", "Dat is niet {id} of \"wissen\": er is niets gewist.";
    ErasedDone => "Erased {id}: {n} places anonymised ({kinds}).", "{id} gewist: {n} plaatsen geanonimiseerd ({kinds}).";
    ErasedWalBusy => "Another program has the database open: its log is emptied when that program closes it.", "Een ander programma heeft de database open: het logboek wordt geleegd als dat programma sluit.";
    ErasedRebuildFailed => "The erasure is stored, but the file could not be rebuilt ({err}): freed pages may hold old text until it is.", "Het wissen is opgeslagen, maar het bestand kon niet worden herbouwd ({err}): vrijgekomen pagina's kunnen nog oude tekst bevatten tot dat gebeurt.";
    ErasedDraftsFailed => "Drafts on disk could not be checked: {err}", "Concepten op schijf konden niet worden nagekeken: {err}";
    KindPersonRecords => "person records", "persoonsrecords";
    KindOrganisations => "organisations", "organisaties";
    KindMeetings => "meetings", "overleggen";
    KindAgendaItems => "agenda items", "agendapunten";
    KindSignals => "signals", "signalen";
    KindTimeline => "timeline entries", "tijdlijnregels";
    KindSignalDueMoves => "signal due-date moves", "verzette signaaltermijnen";
    KindFeedback => "feedback texts", "terugkoppelingen";
    KindCommitments => "commitments", "toezeggingen";
    KindCommitmentMoves => "commitment due-date moves", "verzette toezeggingstermijnen";
    KindActions => "actions", "acties";
    KindMinutes => "minutes lines", "notulenregels";
    KindMinuteDrafts => "minutes drafts", "notulenconcepten";
    KindHistory => "history entries", "geschiedenisregels";
    KindOutbox => "outgoing mails", "uitgaande mails";
    KindTerms => "vocabulary terms", "termen";
    KindSearch => "search index entries", "zoekindexregels";
    KindDrafts => "form drafts on disk", "formulierconcepten op schijf";
    RetentionPrompt => "Inactive since (YYYY-MM-DD):", "Inactief sinds (JJJJ-MM-DD):";
    RetentionTitle => "inactive since {date}", "inactief sinds {date}";
    // Inbox and tracker
    ScreenInbox => "Inbox", "Inbox";
    ScreenTracker => "Tracker", "Voortgang";
    ScopeInbox => "Inbox and signal detail", "Inbox en signaaldetails";
    ScopeTracker => "Tracker", "Voortgang";
    ScopeWho => "Who does what (contacts)", "Wie doet wat (contactpersonen)";
    ActQuickAdd => "Quick add a signal: one line, org:NAME #theme", "Snel een signaal toevoegen: één regel, org:NAAM #thema";
    ActMark => "Mark the row (several: triage or answer them at once)", "Regel markeren (meerdere: in één keer beoordelen of beantwoorden)";
    ActFilterMine => "Only mine (owner is you)", "Alleen de mijne (jij bent behandelaar)";
    ActFilterOverdue => "Only overdue", "Alleen te laat";
    ActFilterUnassigned => "Only without an owner", "Alleen zonder behandelaar";
    ActFilterBy => "Filter by district, theme, organisation, service or week", "Filteren op stadsdeel, thema, organisatie, dienst of week";
    ActWhoAssign => "Who does what: give the selected signal to this contact", "Wie doet wat: geef het geselecteerde signaal aan deze persoon";
    // Popups' and editors' own keys.
    ScopeChoice => "Choices in a form", "Keuzes in een formulier";
    ScopeConfirm => "Yes/no questions", "Ja/nee-vragen";
    ScopeConflict => "Changed by someone else", "Door iemand anders gewijzigd";
    ScopeErase => "Erasing a person", "Een persoon wissen";
    ScopeLists => "Kept lists", "Bijgehouden lijsten";
    ActYes => "Yes", "Ja";
    ActNo => "No", "Nee";
    ActChoiceNext => "Next option", "Volgende keuze";
    ActChoicePrev => "Previous option", "Vorige keuze";
    ActExternalEditor => "Edit the text in $EDITOR", "De tekst bewerken in $EDITOR";
    ActConflictOverwrite => "Put yours over theirs", "De jouwe over die van de ander zetten";
    ActConflictReload => "Take theirs (asks first)", "Die van de ander nemen (vraagt eerst)";
    ActConflictMerge => "Go on editing: yours where you typed, theirs elsewhere", "Verder bewerken: de jouwe waar je typte, elders die van de ander";
    ActEraseConfirm => "Erase, once the name or ID is typed", "Wissen, als de naam of het ID getypt is";
    ActListsNextKind => "Next list", "Volgende lijst";
    ActListsPrevKind => "Previous list", "Vorige lijst";
    ActListsRename => "Rename the selected name", "De gekozen naam hernoemen";
    ActListsMerge => "Merge the selected name into another", "De gekozen naam samenvoegen met een andere";
    ActMinutesStore => "Store the typed line", "De getypte regel opslaan";
    // The letter a yes is typed with, where the key map has it.
    YesLetter => "y", "j";
    ActTriage => "Triage: owner, theme, expectation, feedback due date", "Beoordelen: behandelaar, thema, verwachting, datum terugkoppeling";
    ActStart => "Start work on the signal", "Met het signaal beginnen";
    ActFeedback => "Record feedback (interim or final), optionally by email", "Terugkoppeling vastleggen (tussentijds of definitief), eventueel per e-mail";
    ActDecline => "Decline with an explanation", "Afwijzen met een toelichting";
    ActMerge => "Merge into another signal", "Samenvoegen met een ander signaal";
    ActCloseSignal => "Close (after final feedback)", "Sluiten (na definitieve terugkoppeling)";
    ActReopen => "Reopen with a reason", "Heropenen met een reden";
    ActAddAction => "Signal detail: add a linked action", "Signaaldetails: gekoppelde actie toevoegen";
    ActAddCommitment => "Signal detail: add a linked commitment", "Signaaldetails: gekoppelde toezegging toevoegen";
    ActDone => "Done (action) or kept (commitment)", "Klaar (actie) of nagekomen (toezegging)";
    ActBreak => "Break a commitment (explain it, prevent it)", "Toezegging niet nagekomen (uitleg en voorkomen)";
    ActWithdraw => "Withdraw a commitment (reason required)", "Toezegging intrekken (reden verplicht)";
    ActMoveDue => "Move a commitment's due date (with a reason)", "Datum van een toezegging verzetten (met reden)";
    ActCancelAction => "Cancel an action", "Actie annuleren";
    HintTriage => "triage", "beoordelen";
    HintStart => "start", "starten";
    HintFeedback => "feedback", "terugkoppeling";
    HintDecline => "decline", "afwijzen";
    HintMerge => "merge", "samenvoegen";
    HintClose => "close", "sluiten";
    HintReopen => "reopen", "heropenen";
    HintMark => "mark", "markeren";
    HintAdd => "add", "toevoegen";
    HintAddAction => "action", "actie";
    HintAddCommitment => "commitment", "toezegging";
    HintDone => "done/kept", "klaar/nagekomen";
    HintBreak => "break", "niet nagekomen";
    HintWithdraw => "withdraw", "intrekken";
    HintMove => "move", "verzetten";
    HintCancelAction => "cancel", "annuleren";
    HintFilterBy => "filter by", "filter op";
    HintEditor => "$EDITOR", "$EDITOR";
    HintChoose => "choose", "kiezen";
    InboxTitle => "Inbox: {open} open, {overdue} overdue", "Inbox: {open} open, {overdue} te laat";
    InboxEmpty => "No open signals here. Quick add one with a.", "Hier geen open signalen. Voeg er snel een toe met a.";
    MarkedCount => "{n} marked", "{n} gemarkeerd";
    ColId => "ID", "ID";
    ColTheme => "Theme", "Thema";
    ColOwner => "Owner", "Behandelaar";
    ColState => "State", "Status";
    ColFeedbackDue => "Feedback due", "Terugk. uiterlijk";
    ColDue => "Due", "Uiterlijk";
    ColWhat => "Action or commitment", "Actie of toezegging";
    StateNew => "new", "nieuw";
    StateTriaged => "triaged", "beoordeeld";
    StateInProgress => "in progress", "in behandeling";
    StateAnswered => "answered", "beantwoord";
    StateClosed => "closed", "gesloten";
    StateDeclined => "declined", "afgewezen";
    StateMerged => "merged", "samengevoegd";
    ChannelEmail => "email", "e-mail";
    ChannelPhone => "phone", "telefoon";
    ChannelMeeting => "meeting", "overleg";
    ChannelLetter => "letter", "brief";
    FilterMineLabel => "mine", "mijn";
    FilterOverdueLabel => "overdue", "te laat";
    FilterUnassignedLabel => "unassigned", "zonder behandelaar";
    FilterWeekLabel => "due this week", "deze week";
    FilterClear => "(clear all filters)", "(alle filters wissen)";
    FilterByTitle => "Filter by", "Filteren op";
    PickFooter => "Type to narrow, {open} takes it, {back} back", "Typ om te zoeken, {open} kiest, {back} terug";
    NoPersonForUser => "No person has the username {user}: add it to a person to use \"mine\".", "Geen persoon heeft gebruikersnaam {user}: vul die in bij een persoon om \"mijn\" te gebruiken.";
    SignalDetailTitle => "Signal", "Signaal";
    FieldReceived => "Received", "Ontvangen";
    FieldExpectation => "Expectation", "Verwachting";
    FieldMergedInto => "Merged into", "Samengevoegd met";
    FieldExplanation => "Explanation", "Toelichting";
    FieldChannel => "Channel", "Kanaal";
    FieldReason => "Reason", "Reden";
    FieldSignal => "Signal", "Signaal";
    FieldText => "Text", "Tekst";
    FieldKindFeedback => "Kind", "Soort";
    FieldTemplate => "Template", "Sjabloon";
    FieldNextDue => "Next news by", "Volgend bericht";
    FieldEmailIt => "Email it", "Mailen";
    FieldAcknowledgement => "What went wrong", "Wat ging er mis";
    FieldDueReason => "Reason", "Reden";
    ErrReasonForLaterDue => "later than {from}: needs a reason", "later dan {from}: vraagt een reden";
    TriageDueHelp => "The date in force stays unless you type another: +2w, fri, 15 jan, end of march. The first due date stays the promise the reports measure against; a later date needs a reason.", "De geldende datum blijft tenzij u een andere typt: +2w, vr, 15 jan, eind maart. De eerste vervaldatum blijft de belofte waaraan de rapportage meet; een latere datum vraagt een reden.";
    MergeAcrossQuestion => "{id} is from {org}, {into} from {other}. Merge across organisations? {org} stays owed its answer: the final feedback on {into} is recorded for it too.", "{id} komt van {org}, {into} van {other}. Samenvoegen over organisaties heen? {org} houdt recht op een antwoord: de eindterugkoppeling op {into} geldt ook voor hen.";
    FieldPromised => "Promised", "Beloofd";
    PromisedMoved => "{date} (moved {n}×, {days} days in all)", "{date} ({n}× verzet, {days} dagen in totaal)";
    FieldPrevention => "How it is prevented next time", "Hoe het voortaan wordt voorkomen";
    FieldNewDue => "New due date", "Nieuwe datum";
    SectionFeedback => "Feedback", "Terugkoppeling";
    SectionLinked => "Actions and commitments", "Acties en toezeggingen";
    SectionTimeline => "Timeline", "Tijdlijn";
    SectionDueHistory => "Due-date history", "Verzette datums";
    FeedbackInterim => "interim", "tussentijds";
    FeedbackFinal => "final", "definitief";
    TemplateNone => "(none)", "(geen)";
    TplInterimName => "we are on it", "we zijn ermee bezig";
    TplInterim => "Dear {org}, about {id} \"{title}\": {owner} is working on it. You will hear more from us by {due}. Kind regards, {user}", "Beste {org}, over {id} \"{title}\": {owner} is ermee bezig. U hoort uiterlijk {due} meer van ons. Met vriendelijke groet, {user}";
    TplFinalName => "done", "afgehandeld";
    TplFinal => "Dear {org}, about {id} \"{title}\": the work is done. Thank you for raising it. Kind regards, {user}", "Beste {org}, over {id} \"{title}\": het werk is gedaan. Dank voor het melden. Met vriendelijke groet, {user}";
    EmailNo => "no, only record it", "nee, alleen vastleggen";
    EmailYes => "yes, send it to {to}", "ja, stuur naar {to}";
    NextDueFinal => "(none: final feedback answers the signal)", "(geen: definitieve terugkoppeling beantwoordt het signaal)";
    DueHelp => "+2w, fri, 15 jan, in 3 weeks, end of march", "+2w, vr, 15 jan, over 3 weken, eind maart";
    TriageTitle => "Triage {id}: {title}", "Beoordelen {id}: {title}";
    TriageManyTitle => "Triage {n} marked signals", "{n} gemarkeerde signalen beoordelen";
    FeedbackTitle => "Feedback on {id}: {title}", "Terugkoppeling op {id}: {title}";
    FeedbackManyTitle => "Interim feedback on {n} marked signals", "Tussentijdse terugkoppeling op {n} gemarkeerde signalen";
    DeclineTitle => "Decline {id}", "{id} afwijzen";
    ReopenTitle => "Reopen {id}", "{id} heropenen";
    MergeTitle => "Merge {id} into", "{id} samenvoegen met";
    BreakTitle => "{id} was not kept", "{id} is niet nagekomen";
    WithdrawTitle => "Withdraw {id}", "{id} intrekken";
    MoveTitle => "Move the due date of {id}", "Datum van {id} verzetten";
    CancelTitle => "Cancel {id}", "{id} annuleren";
    NewAction => "New action", "Nieuwe actie";
    NewCommitment => "New commitment", "Nieuwe toezegging";
    NewActionFor => "New action for {id}", "Nieuwe actie voor {id}";
    NewCommitmentFor => "New commitment for {id}", "Nieuwe toezegging voor {id}";
    NewTrackerItem => "New action or commitment", "Nieuwe actie of toezegging";
    ErrOwnerRequired => "Choose an owner: a person or a service.", "Kies een behandelaar: een persoon of een dienst.";
    ErrDueInPast => "{date} is in the past.", "{date} ligt in het verleden.";
    Triaged => "Triaged {id}.", "{id} beoordeeld.";
    TriagedMany => "Triaged {n}.", "{n} beoordeeld.";
    TriagedTo => "Triaged {id} → {owner}, due {due}.", "{id} beoordeeld → {owner}, uiterlijk {due}.";
    TriageCovers => "who does what", "wie doet wat";
    NothingLeftToTriage => "Nothing left to triage.", "Niets meer te beoordelen.";
    Started => "Started {id}.", "{id} in behandeling genomen.";
    Closed => "Closed {id}.", "{id} gesloten.";
    Declined => "Declined {id}; the explanation is recorded as feedback.", "{id} afgewezen; de toelichting is vastgelegd als terugkoppeling.";
    Reopened => "Reopened {id}.", "{id} heropend.";
    Merged => "Merged {id} into {into}.", "{id} samengevoegd met {into}.";
    InterimRecorded => "Interim feedback on {id} recorded.", "Tussentijdse terugkoppeling op {id} vastgelegd.";
    FinalRecorded => "Final feedback on {id} recorded: it is answered.", "Definitieve terugkoppeling op {id} vastgelegd: het is beantwoord.";
    FeedbackMany => "Feedback recorded on {n}.", "Terugkoppeling vastgelegd op {n}.";
    FeedbackSent => "Feedback on {id} sent by email and recorded.", "Terugkoppeling op {id} gemaild en vastgelegd.";
    FeedbackEml => "Not sent: a draft is in {path}; send it from your mail program, then record the feedback.", "Niet verstuurd: het concept staat in {path}; verstuur het vanuit uw mailprogramma en leg daarna de terugkoppeling vast.";
    FeedbackSending => "Sending the feedback on {id} to {to}…", "Terugkoppeling op {id} wordt verstuurd naar {to}…";
    FeedbackMailFailed => "Feedback on {id} not sent: {why}. It is kept in the outbox (wijkdesk mail retry {n}); nothing was recorded.", "Terugkoppeling op {id} niet verstuurd: {why}. Het bericht staat in de outbox (wijkdesk mail retry {n}); er is niets vastgelegd.";
    FeedbackSentUnrecorded => "Feedback on {id} sent, but not recorded: {why}", "Terugkoppeling op {id} verstuurd, maar niet vastgelegd: {why}";
    RefusedPrefix => "Refused:", "Geweigerd:";
    ConflictReloadedSignal => "It was changed by someone else meanwhile; the screen is reloaded, nothing of yours was saved.", "Het is intussen door iemand anders gewijzigd; het scherm is opnieuw geladen, er is niets van jou opgeslagen.";
    NotForThis => "That does not apply to {id}.", "Dat kan niet bij {id}.";
    Done => "{id} done.", "{id} klaar.";
    Kept => "{id} kept.", "{id} nagekomen.";
    Broken => "{id} recorded as not kept.", "{id} vastgelegd als niet nagekomen.";
    Withdrawn => "{id} withdrawn.", "{id} ingetrokken.";
    Moved => "{id} moved.", "{id} verzet.";
    Cancelled => "{id} cancelled.", "{id} geannuleerd.";
    QuickAddTitle => "Quick add a signal", "Snel een signaal toevoegen";
    QuickAddHelp => "One line: the title, org:NAME for the organisation, #theme. {open} adds it.", "Eén regel: de titel, org:NAAM voor de organisatie, #thema. {open} voegt toe.";
    QuickAddNotHere => "{token} is not used here: triage the signal (t) to give an owner or a date.", "{token} wordt hier niet gebruikt: beoordeel het signaal (t) voor een behandelaar of datum.";
    QuickAddNewTheme => "#{theme} is a new theme: press {open} again to use it, or correct it.", "#{theme} is een nieuw thema: druk nogmaals {open} om het te gebruiken, of verbeter het.";
    QuickAddNoTitle => "Type what the signal is about.", "Typ waar het signaal over gaat.";
    QuickAdded => "Added {id}: {title}.", "{id} toegevoegd: {title}.";
    // Search and reports
    ScreenReports => "Reports", "Rapporten";
    ScopeReports => "Reports", "Rapporten";
    ActSearch => "Search every record (full text)", "Alles doorzoeken (volledige tekst)";
    ActReportNextSection => "Next report", "Volgend rapport";
    ActReportPrevSection => "Previous report", "Vorig rapport";
    ActReportLeft => "Figure to the left", "Cijfer links";
    ActReportRight => "Figure to the right", "Cijfer rechts";
    ActReportPeriod => "Choose the report period", "De periode van het rapport kiezen";
    SearchTitle => "Search", "Zoeken";
    SearchHint => "Type words: organisations, people, signals, feedback, commitments, actions, meetings and minutes are searched as you type.", "Typ woorden: organisaties, personen, signalen, terugkoppeling, toezeggingen, acties, overleggen en verslagen worden doorzocht terwijl je typt.";
    SearchFooter => "{open} opens, {up}/{down} choose, {back} closes", "{open} opent, {up}/{down} kiest, {back} sluit";
    SearchCount => "{n} found", "{n} gevonden";
    NoScreenFor => "No screen shows {id} yet.", "Nog geen scherm toont {id}.";
    JumpHint => "A name or an ID such as S-42; other words search signals, actions, commitments and meetings.", "Een naam of een ID zoals S-42; andere woorden doorzoeken signalen, acties, toezeggingen en overleggen.";
    ReportSectionLoop => "Feedback loop", "Terugkoppeling";
    ReportSectionCommitments => "Commitments", "Toezeggingen";
    ReportSectionCadence => "Cadence", "Contactfrequentie";
    ReportSectionLoad => "Load", "Belasting";
    ReportPeriod => "Period", "Periode";
    ReportAllTime => "all time", "alle tijd";
    ReportNoFilter => "no filter", "geen filter";
    ChartReceived => "Received per week", "Ontvangen per week";
    ChartAnswered => "Answered per week", "Beantwoord per week";
    ChartOnTime => "On time per month (%)", "Op tijd per maand (%)";
    ChartOutcomes => "Commitments by outcome", "Toezeggingen naar uitkomst";
    // The report as HTML and SVG (`wijkdesk report all --format html`)
    ChartWeekly => "Signals received and answered per week", "Signalen ontvangen en beantwoord per week";
    ChartServices => "Commitments per service, by outcome", "Toezeggingen per dienst, naar uitkomst";
    ChartDistricts => "Open signals per district", "Open signalen per stadsdeel";
    ChartCadence => "Organisations not met within their cadence", "Organisaties niet binnen hun contactfrequentie gesproken";
    ChartLoad => "Load per organisation, last 90 days", "Belasting per organisatie, laatste 90 dagen";
    ChartCommitments => "Commitments", "Toezeggingen";
    ChartOpenSignals => "Open signals", "Open signalen";
    ChartNeverMet => "never met", "nooit gesproken";
    ChartWithinCadence => "Days within the cadence", "Dagen binnen de frequentie";
    ChartOverCadence => "Days over the cadence", "Dagen over de frequentie";
    ChartDaysSince => "Days since the last meeting", "Dagen sinds het laatste overleg";
    ChartMeetings => "Meetings", "Overleggen";
    ChartSignals => "Signals", "Signalen";
    ChartThreshold => "threshold {n}", "drempel {n}";
    ChartLoadAxis => "Meetings and signals", "Overleggen en signalen";
    ChartNoData => "Nothing to show in this period.", "Niets te tonen in deze periode.";
    ChartMonth => "Month (feedback due)", "Maand (terugkoppeling verwacht)";
    ChartPercentOnTime => "First feedback on time", "Eerste terugkoppeling op tijd";
    ChartWeek => "Week (ISO)", "Week (ISO)";
    HtmlTitle => "Is the loop closed? Report of {date}", "Is de cirkel rond? Rapport van {date}";
    HtmlMade => "Made by wijkdesk on {date}. {scope}.", "Gemaakt door wijkdesk op {date}. {scope}.";
    HtmlKeyFigures => "Key figures", "Kerncijfers";
    HtmlFeedbackOnTime => "First feedback on time", "Eerste terugkoppeling op tijd";
    HtmlMedianDays => "Median days to first feedback", "Mediaan dagen tot eerste terugkoppeling";
    HtmlOpenSignals => "Open signals", "Open signalen";
    HtmlPastDue => "Past their due date", "Over hun vervaldatum";
    HtmlKeptOnTime => "Commitments kept on time", "Toezeggingen op tijd nagekomen";
    HtmlCadenceOverdue => "Organisations overdue on their cadence", "Organisaties over hun contactfrequentie";
    HtmlLoadOver => "Organisations above the load threshold", "Organisaties boven de belastingsdrempel";
    HtmlOfCounted => "{n} of {of}", "{n} van {of}";
    HtmlCharts => "Charts", "Grafieken";
    HtmlTables => "The figures in tables", "De cijfers in tabellen";
    HtmlNone => "(none)", "(geen)";
    HtmlChartFigures => "Figures in this chart", "Cijfers in deze grafiek";
    HintReport => "report", "rapport";
    HintPeriod => "period", "periode";
    HintRecords => "records", "records";
    HintFigure => "figure", "cijfer";
    RecordsTitle => "{n} behind {figure}", "{n} achter {figure}";
    RecordsNone => "No records behind this figure.", "Geen records achter dit cijfer.";
    RecordsFooter => "{open} opens the record, {back} closes", "{open} opent het record, {back} sluit";
    NoFigure => "Choose a figure first: {down}/{up} and {report_left}/{report_right} move between the numbers.", "Kies eerst een cijfer: {down}/{up} en {report_left}/{report_right} gaan langs de getallen.";
    PeriodTitle => "Report period", "Rapportperiode";
    PeriodWeeks12 => "Last 12 weeks", "Laatste 12 weken";
    PeriodMonths3 => "Last 3 months", "Laatste 3 maanden";
    PeriodMonths12 => "Last 12 months", "Laatste 12 maanden";
    PeriodThisYear => "This year", "Dit jaar";
    PeriodAll => "All time", "Alle tijd";
    PeriodCustom => "From ... to ... (type dates)", "Van ... tot en met ... (datums typen)";
    PeriodFrom => "From", "Van";
    PeriodTo => "To", "Tot en met";
    PeriodHelp => "Dates as 2025-10-01, 1-10-2025 or today; empty is open. {next_field} switches, {open} applies, {back} cancels.", "Datums als 2025-10-01, 1-10-2025 of vandaag; leeg is open. {next_field} wisselt, {open} past toe, {back} annuleert.";
    FieldService => "Service", "Dienst";
    ReportComputing => "Reports could not be computed: {error}", "De rapporten konden niet worden berekend: {error}";
    ReportCounting => "Counting…", "Bezig met tellen…";
    // Column headings of CSV exports (`list --csv`, `report --format csv`).
    CsvRef => "ref", "nummer";
    CsvId => "id", "id";
    CsvState => "state", "status";
    CsvStatus => "status", "status";
    CsvReceivedOn => "received_on", "ontvangen_op";
    CsvFeedbackDue => "feedback_due", "terugkoppeling_voor";
    CsvOverdue => "overdue", "te_laat";
    CsvOrg => "org", "organisatie";
    CsvDistrict => "district", "stadsdeel";
    CsvTheme => "theme", "thema";
    CsvOwner => "owner", "eigenaar";
    CsvTitle => "title", "titel";
    CsvOutcome => "outcome", "uitkomst";
    CsvDue => "due", "uiterlijk";
    CsvFirstDue => "first_due", "eerst_beloofd";
    CsvMoves => "moves", "verzet";
    CsvDaysMoved => "days_moved", "dagen_verzet";
    CsvResolvedOn => "resolved_on", "afgehandeld_op";
    CsvText => "text", "tekst";
    CsvReason => "reason", "reden";
    CsvSignal => "signal", "signaal";
    CsvMeeting => "meeting", "overleg";
    CsvStartsAt => "starts_at", "begint_om";
    CsvEndsAt => "ends_at", "eindigt_om";
    CsvKind => "kind", "soort";
    CsvLocation => "location", "locatie";
    CsvReport => "report", "rapport";
    CsvTable => "table", "tabel";
    CsvRow => "row", "rij";
    CsvLabel => "label", "omschrijving";
    CsvMeasure => "measure", "kenmerk";
    CsvValue => "value", "waarde";
    CsvFigure => "figure", "cijfer";
    CsvYes => "yes", "ja";
    CsvNo => "no", "nee";
    CsvName => "name", "naam";
    CsvShortName => "short_name", "afkorting";
    CsvNeighbourhoods => "neighbourhoods", "wijken";
    CsvEmail => "email", "e-mail";
    CsvCadence => "cadence_per_year", "cadans";
    CsvNotes => "notes", "notities";
    CsvOrganisation => "organisation", "organisatie";
    CsvRole => "role", "rol";
    CsvPhone => "phone", "telefoon";
    CsvUsername => "username", "gebruikersnaam";
    CsvDistricts => "districts", "stadsdelen";
    CsvThemes => "themes", "themas";
    // Spreadsheets from the palette.
    ActExportSheets => "Export every list for a spreadsheet (CSV)", "Alle lijsten exporteren voor een spreadsheet (CSV)";
    ActImportOrgs => "Import organisations from a CSV file", "Organisaties importeren uit een CSV-bestand";
    ActImportPeople => "Import people from a CSV file", "Personen importeren uit een CSV-bestand";
    ExportSheetsDone => "{n} CSV files written to {dir}", "{n} CSV-bestanden geschreven naar {dir}";
    ExportSheetsWorking => "Writing every list to {dir}…", "Alle lijsten worden naar {dir} geschreven…";
    ImportPath => "File (CSV, comma or semicolon, English or Dutch headings):", "Bestand (CSV, komma of puntkomma, Engelse of Nederlandse kolomnamen):";
    ImportHelp => "{open} imports when every line can be taken, else nothing; {back} cancels.", "{open} importeert als elke regel klopt, anders niets; {back} annuleert.";
    ImportNoPath => "Type the path of the CSV file first.", "Typ eerst het pad van het CSV-bestand.";
    ImportTooLarge => "{path} is too large for an import; split it.", "{path} is te groot om te importeren; splits het.";
    ImportRefused => "Nothing imported: {n} line(s) cannot be taken; line {line}: {message}", "Niets geïmporteerd: {n} regel(s) kloppen niet; regel {line}: {message}";
    ImportDone => "{created} created, {updated} updated, {unchanged} unchanged from {path}", "{created} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd uit {path}";
    // Another user's lock and drafts
    MinutesWaiting => "Waiting for another user's change{who}: {n} line(s) not stored yet, stored in order when it is done. Keep typing.", "Wacht op de wijziging van een andere gebruiker{who}: {n} regel(s) nog niet opgeslagen, ze worden op volgorde opgeslagen zodra die klaar is. Typ gerust verder.";
    MinutesLocked => "Another user's change{who} is holding the database: what you type is kept in your draft, and {minutes_store} queues the line.", "Een wijziging van een andere gebruiker{who} houdt de database vast: wat je typt blijft bewaard in je concept, en {minutes_store} zet de regel in de wachtrij.";
    MinutesNotStored => "Kept, not stored ({why}): {minutes_store} on an empty line tries again.", "Bewaard, niet opgeslagen ({why}): {minutes_store} op een lege regel probeert het opnieuw.";
    MinutesNotStoredHint => "Lines not stored yet are kept: {minutes_store} on an empty line tries again.", "Nog niet opgeslagen regels zijn bewaard: {minutes_store} op een lege regel probeert het opnieuw.";
    MinutesNotStoredYet => "not stored yet", "nog niet opgeslagen";
    MinutesCannotClose => "{n} line(s) not stored yet: the editor stays open until they are (they are kept in a draft if you quit).", "{n} regel(s) nog niet opgeslagen: de editor blijft open tot ze dat zijn (bij afsluiten blijven ze bewaard als concept).";
    MinutesMarkWaiting => "waiting", "wacht";
    MinutesMarkFailed => "NOT STORED", "NIET OPGESLAGEN";
    MinutesEditConflict => "Line {n} was changed by someone else meanwhile; it now reads: {theirs}. Your text is kept below: edit it, {minutes_store} saves it over theirs, {back} keeps theirs.", "Regel {n} is intussen door iemand anders gewijzigd; er staat nu: {theirs}. Jouw tekst staat hieronder: pas hem aan, {minutes_store} slaat hem op over die van de ander, {back} houdt die van de ander.";
    MinutesEditGone => "Line {n} was deleted by someone else meanwhile; your text is kept below: {minutes_store} stores it as a new line.", "Regel {n} is intussen door iemand anders verwijderd; je tekst staat hieronder: {minutes_store} slaat hem op als nieuwe regel.";
    TriageConflict => "{id} was changed by someone else meanwhile. Their changes are filled in where you had typed nothing; what you typed is kept. Check and save again ({save}), or {back}.", "{id} is intussen door iemand anders gewijzigd. Hun wijzigingen staan ingevuld waar jij niets had getypt; wat jij typte blijft staan. Controleer en sla opnieuw op ({save}), of {back}.";
    ConflictKept => "{id} was changed by someone else meanwhile; what you typed is kept: check and save again ({save}), or {back}.", "{id} is intussen door iemand anders gewijzigd; wat je typte blijft staan: controleer en sla opnieuw op ({save}), of {back}.";
    DraftNotReopened => "A draft ({kind}) could not be reopened here (its record changed or is gone); the text is kept in {path}", "Een concept ({kind}) kon hier niet opnieuw worden geopend (het record is gewijzigd of weg); de tekst staat in {path}";
    DraftWaiting => "A draft you had not saved came back.", "Een concept dat je niet had opgeslagen is terug.";
    // Screens that fit the terminal: the tabs' names where the full ones do not fit.
    TabInbox => "Inbox", "Inbox";
    TabTracker => "Tracker", "Voortg.";
    TabMeetings => "Meetings", "Overl.";
    TabOrganisations => "Orgs", "Org.";
    TabPeople => "People", "Pers.";
    TabReports => "Reports", "Rapp.";
    // Correcting a signal
    SignalEditTitle => "Edit {id}", "{id} bewerken";
    FieldNeighbourhood => "Neighbourhood", "Wijk";
    HintEditSignal => "edit", "bewerken";
    SignalEdited => "{id} edited: {fields}.", "{id} bewerkt: {fields}.";
    SignalEditNothing => "Nothing changed in {id}.", "Niets gewijzigd aan {id}.";
    SignalEditNoOrg => "No organisation is called '{name}': pick one from the list.", "Er is geen organisatie die '{name}' heet: kies er een uit de lijst.";
    SignalEditNotOnList => "'{value}' is not on the list ({kind}). Allowed: {names}; new names go on Lists ({key}).", "'{value}' staat niet op de lijst ({kind}). Toegestaan: {names}; nieuwe namen via Lijsten ({key}).";
    // Minutes syntax, finalising with problems, follow-up meetings
    ActMeetingFollowUp => "Plan the follow-up meeting with what is still open", "Het vervolgoverleg plannen met wat nog openstaat";
    ActMinutesSyntax => "Show how to write minutes lines: prefixes, tokens, dates", "Laten zien hoe je notulenregels schrijft: voorvoegsels, tokens, datums";
    SyntaxTitle => "How to write minutes", "Zo schrijf je notulen";
    SyntaxDecision => "a decision", "een besluit";
    SyntaxAction => "an action: makes A-… (who: @name or the first word)", "een actie: maakt A-… (wie: @naam of het eerste woord)";
    SyntaxCommitment => "a commitment to an organisation, with a date: makes C-… (one per org:)", "een toezegging aan een organisatie, met datum: maakt C-… (een per org:)";
    SyntaxSignal => "a signal: makes S-…", "een signaal: maakt S-…";
    SyntaxQuestion => "an open question, carried to the next meeting", "een open vraag, gaat mee naar het volgende overleg";
    SyntaxNote => "no prefix: a note", "geen voorvoegsel: een notitie";
    SyntaxOwner => "who does it (Tab completes)", "wie het doet (Tab vult aan)";
    SyntaxOrg => "for which organisation (Tab completes)", "voor welke organisatie (Tab vult aan)";
    SyntaxTheme => "the theme of a signal", "het thema van een signaal";
    SyntaxDue => "the date; also said in words: voor …, uiterlijk …, binnen …", "de datum; ook in woorden: voor …, uiterlijk …, binnen …";
    SyntaxFooter => "Prefixes in Dutch or English, upper or lower case. Any key closes.", "Voorvoegsels in het Nederlands of Engels, hoofd- of kleine letters. Elke toets sluit.";
    SyntaxBriefPrefixes => "Start a line with {prefixes} (or none: a note).", "Begin een regel met {prefixes} (of niets: een notitie).";
    SyntaxBriefTokens => "Link it: @name  org:name  #theme  due:{date}.  F2: all of it.", "Koppel: @naam  org:naam  #thema  due:{date}.  F2: alles.";
    SyntaxBriefExample => "For example: {line}", "Bijvoorbeeld: {line}";
    FinaliseProblemsQ => "Problems in {n} line(s) above: finalise anyway? (n = back to line {first})", "Problemen in {n} regel(s) hierboven: toch vaststellen? (n = terug naar regel {first})";
    FinaliseProblemLine => "line {n}: {problems}", "regel {n}: {problems}";
    SyntaxFinaliseTitle => "Lines that still have problems", "Regels met nog een probleem";
    FollowUpTitle => "Follow-up of {id} {title}", "Vervolg op {id} {title}";
    FollowUpCreated => "{id} planned: follow-up of {from}, {n} open matters on its agenda.", "{id} gepland: vervolg op {from}, {n} openstaande punten op de agenda.";
    // Text fields: the editing keys, the same in every field (help lists them).
    HelpTextFields => "Text fields (every field, filter and search)", "Tekstvelden (elk veld, filter en zoekvak)";
    HelpTextWord => "a word back / on (also Ctrl-Left / Ctrl-Right)", "een woord terug / verder (ook Ctrl-Links / Ctrl-Rechts)";
    HelpTextEnds => "to the start / end of the line (also Ctrl-A / Ctrl-E)", "naar begin / eind van de regel (ook Ctrl-A / Ctrl-E)";
    HelpTextCutStart => "delete from the line start to the cursor", "wissen van begin van de regel tot de cursor";
    HelpTextCutEnd => "delete from the cursor to the line end", "wissen van de cursor tot eind van de regel";
    HelpTextCutWord => "delete the word before / after the cursor", "het woord voor / na de cursor wissen";
    HelpTextEsc => "with typed text: asks before it is thrown away", "met getypte tekst: vraagt eerst of het weg mag";
    HelpTextEditor => "the feedback text in $EDITOR", "de terugkoppeltekst in $EDITOR";
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
