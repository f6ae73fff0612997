//! Static demo data for `wijkdesk demo`, drawn from the seed reports in `seeds/`
//! (the Hague inspiration meetings of 17 April 2024 and 16 October 2024).
//!
//! **Every person in this file is invented.** Names, e-mail addresses
//! (`@example.nl` for the municipality, `@example.org` for everyone else) and phone
//! numbers (`06-0000 0xxx`) belong to nobody. The residents' organisations, the six
//! municipal services and the districts (stadsdelen) and neighbourhoods (wijken) are
//! real names of Den Haag; the welfare organisation and the housing corporation are
//! invented and marked "(demo)".
//!
//! Dates are relative to the day the demo is loaded (signed day offsets, negative =
//! in the past), so the demo always shows overdue, due-soon and on-time items. The
//! two historic meetings are the exception and carry absolute dates.
//!
//! Minute lines use the minutes syntax of DESIGN section 3. The `A:`, `T:` and `S:`
//! lines in [`MEETINGS`] are meant to create their action, commitment or signal when
//! they are loaded through the minutes parser; [`ACTIONS`], [`COMMITMENTS`] and
//! [`SIGNALS`] do not repeat them.
//!
//! Cross-references are by exact name (organisation name, person name, signal title,
//! meeting title); the tests at the bottom check that every one resolves.

/// What kind of organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    /// A residents' organisation (bewonersorganisatie, wijkberaad, wijkvereniging, …).
    Residents,
    /// A municipal service (dienst).
    Service,
    /// A partner: police, welfare, housing corporation.
    Partner,
}

#[derive(Debug, Clone, Copy)]
pub struct DemoOrg {
    pub name: &'static str,
    /// Abbreviation, e.g. "DSO"; usable as `@DSO` in minutes for services.
    pub short: Option<&'static str>,
    pub kind: OrgKind,
    /// Stadsdeel; `None` for city-wide services and partners.
    pub district: Option<&'static str>,
    pub neighbourhoods: &'static [&'static str],
    pub email: Option<&'static str>,
    /// Contact meetings wanted per year; 0 = no cadence kept (services, partners).
    pub cadence_per_year: u32,
    pub notes: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct DemoPerson {
    pub name: &'static str,
    /// Exact name of an entry in [`ORGANISATIONS`].
    pub org: &'static str,
    pub role: &'static str,
    pub email: Option<&'static str>,
    pub phone: Option<&'static str>,
    /// Operating-system login, for municipal staff only; usable as `@login` in minutes.
    pub username: Option<&'static str>,
    /// Districts this person covers (who-does-what); empty for residents.
    pub districts: &'static [&'static str],
    /// Themes this person covers (who-does-what); empty for residents.
    pub themes: &'static [&'static str],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoSignalState {
    New,
    Triaged,
    InProgress,
    Answered,
    Closed,
    Declined,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Phone,
    Meeting,
    Letter,
}

#[derive(Debug, Clone, Copy)]
pub struct DemoFeedback {
    pub days_ago: i64,
    pub channel: Channel,
    /// Final feedback answers the signal; interim feedback ("we are on it") does not.
    pub final_: bool,
    pub text: &'static str,
    /// Exact name of the staff member who gave the feedback.
    pub by: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct DemoSignal {
    /// Exact name of the source organisation.
    pub org: &'static str,
    pub title: &'static str,
    pub body: &'static str,
    pub theme: &'static str,
    /// One of the source organisation's neighbourhoods; `None` for a city-wide matter.
    pub neighbourhood: Option<&'static str>,
    pub received_days_ago: i64,
    pub state: DemoSignalState,
    /// Exact name of the staff member handling it (behandelaar).
    pub owner: Option<&'static str>,
    /// What the organisation was told can and cannot be done, and why.
    pub expectation: Option<&'static str>,
    /// Current feedback due date, days from today (negative = overdue); `None` before triage.
    pub feedback_due_offset: Option<i64>,
    /// Oldest first. For a declined signal the last entry is the decline explanation
    /// as it was sent (same text as `decline_explanation`), dated on the day of declining.
    pub feedback: &'static [DemoFeedback],
    pub decline_explanation: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoCommitmentState {
    Open,
    KeptOnTime,
    KeptLate,
    Broken,
    Withdrawn,
}

/// One change of a commitment's due date, in days from today.
#[derive(Debug, Clone, Copy)]
pub struct DemoMove {
    pub from_offset: i64,
    pub to_offset: i64,
    pub reason: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct DemoCommitment {
    /// Exact name of the organisation the promise was made to.
    pub org: &'static str,
    pub text: &'static str,
    /// Exact name of the staff member who made the promise.
    pub owner: &'static str,
    /// Current due date, days from today; equals the last move's `to_offset`.
    pub due_offset: i64,
    pub state: DemoCommitmentState,
    /// Title of the signal in [`SIGNALS`] it came from.
    pub signal_title: Option<&'static str>,
    /// Title of the meeting in [`MEETINGS`] where it was made.
    pub meeting: Option<&'static str>,
    /// Oldest first; the first `from_offset` is the original due date.
    pub moves: &'static [DemoMove],
    /// For `Broken`: what went wrong and how it is prevented next time.
    pub acknowledgement: Option<&'static str>,
    /// For `Withdrawn`: why.
    pub reason: Option<&'static str>,
    /// Day it was kept, broken or withdrawn (days from today); `None` while open.
    pub resolved_offset: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoActionState {
    Open,
    Done,
    Cancelled,
}

#[derive(Debug, Clone, Copy)]
pub struct DemoAction {
    pub text: &'static str,
    /// Exact name of a staff member.
    pub owner: &'static str,
    pub due_offset: i64,
    pub state: DemoActionState,
    pub signal_title: Option<&'static str>,
    pub meeting: Option<&'static str>,
}

/// When a meeting starts.
#[derive(Debug, Clone, Copy)]
pub enum DemoWhen {
    /// A fixed local date-time, "YYYY-MM-DDTHH:MM" (the historic meetings).
    Absolute(&'static str),
    /// Days from today (negative = in the past) at a local time "HH:MM".
    Relative { days: i64, time: &'static str },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoMeetingStatus {
    Planned,
    Held,
    Final,
}

/// One minutes line, typed under an agenda item.
#[derive(Debug, Clone, Copy)]
pub struct DemoMinute {
    /// Index into the meeting's `agenda`.
    pub agenda_index: usize,
    /// The line as typed, in the minutes syntax (prefix and tokens).
    pub line: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct DemoMeeting {
    /// Unique; referenced by commitments and actions.
    pub title: &'static str,
    pub kind: &'static str,
    pub start: DemoWhen,
    /// Local time "HH:MM" on the start day.
    pub end_time: Option<&'static str>,
    pub location: &'static str,
    pub district: Option<&'static str>,
    pub status: DemoMeetingStatus,
    /// Organisations invited (exact names).
    pub orgs: &'static [&'static str],
    /// Organisations that attended (a subset of `orgs`); empty while planned.
    pub attended: &'static [&'static str],
    /// Exact person name.
    pub chair: Option<&'static str>,
    /// Exact person name.
    pub minute_taker: Option<&'static str>,
    pub agenda: &'static [&'static str],
    pub minutes: &'static [DemoMinute],
}

/// The stadsdelen of Den Haag.
pub const DISTRICTS: &[&str] = &[
    "Centrum",
    "Escamp",
    "Haagse Hout",
    "Laak",
    "Leidschenveen-Ypenburg",
    "Loosduinen",
    "Scheveningen",
    "Segbroek",
];

pub const THEMES: &[&str] = &[
    "verkeer",
    "groen",
    "veiligheid",
    "eenzaamheid",
    "communicatie",
    "participatie",
    "afval",
    "wonen",
    "jeugd",
    "parkeren",
    "openbare-ruimte",
    "informatievoorziening",
];

// ---------------------------------------------------------------------------
// Names used in cross-references below.

const ZEEHELDEN: &str = "Bewonersorganisatie Zeeheldenkwartier";
const BUURTSTATION: &str = "Bewonersorganisatie Buurtstation";
const PARAPLU: &str = "Bewonersorganisatie de Paraplu";
const HOFKWARTIER: &str = "Bewonersvereniging Hofkwartier";
const ARCHIPEL: &str = "Bewonersorganisatie Archipel-Willemspark";
const OUDE_CENTRUM: &str = "Wijkorganisatie Het Oude Centrum";
const KORTEBOS: &str = "Wijkorganisatie Kortebos";
const BOUWLUST: &str = "Bewonersorganisatie Bouwlust Vrederust";
const BEZUIDENHOUT: &str = "Wijkberaad Bezuidenhout";
const MARLOT: &str = "Vereniging Marlot";
const BINCKHORST: &str = "Bewonersorganisatie Binckhorst";
const LEIDSCHENVEEN: &str = "Bewonersorganisatie Leidschenveen";
const YPENBURG: &str = "Bewonersplatform Ypenburg";
const KRAAYENSTEIN: &str = "Wijkberaad Kraayenstein";
const VROONDAAL: &str = "Wijkberaad Vroondaal";
const LOOSDUINEN: &str = "Commissie Loosduinen";
const WALDECK: &str = "Wijkberaad Nieuw Waldeck";
const HAVENKWARTIER: &str = "Bewonersorganisatie Havenkwartier";
const STATENKWARTIER: &str = "Bewonersorganisatie Statenkwartier";
const DUINOORD: &str = "Bewonersoverleg Duinoord";
const SCHEV_DORP: &str = "Bewonersorganisatie Scheveningen-dorp";
const DUTTENDEL: &str = "Wijkvereniging Duttendel en Wittebrug";
const STOLKPARK: &str = "Wijkvereniging van Stolkpark";
const ZORGVLIET: &str = "Wijkoverleg Zorgvliet";
const HYACINT: &str = "Bewonersorganisatie Bloemenbuurt de Hyacint";

const DPZ: &str = "Dienst Publiekszaken";
const DSO: &str = "Dienst Stedelijke Ontwikkeling";
const DSB: &str = "Dienst Stadsbeheer";
const BSD: &str = "Bestuursdienst";
const SZW: &str = "Dienst Sociale Zaken en Werkgelegenheidsprojecten";
const OCW: &str = "Dienst Onderwijs, Cultuur en Welzijn";

const POLITIE: &str = "Politie Haaglanden";
const WELZIJN: &str = "Welzijn Den Haag (demo)";
const WOONSTICHTING: &str = "Woonstichting Hofstad (demo)";

const M_APRIL: &str = "Inspiratiebijeenkomst bewonersorganisaties april 2024";
const M_OKTOBER: &str = "Inspiratiebijeenkomst bewonersorganisaties oktober 2024";
const M_SCHEVENINGEN: &str = "Stadsdeeloverleg Scheveningen";
const M_CENTRUM: &str = "Wijkoverleg Centrum";
const M_BEZUIDENHOUT: &str = "Overleg Wijkberaad Bezuidenhout";
const M_KRAAYENSTEIN: &str = "Kennismakingsoverleg Wijkberaad Kraayenstein";

const ALL_DISTRICTS: &[&str] = DISTRICTS;

// ---------------------------------------------------------------------------
// Organisations

const fn residents(
    name: &'static str,
    district: &'static str,
    neighbourhoods: &'static [&'static str],
    email: Option<&'static str>,
    cadence_per_year: u32,
    notes: &'static str,
) -> DemoOrg {
    DemoOrg {
        name,
        short: None,
        kind: OrgKind::Residents,
        district: Some(district),
        neighbourhoods,
        email,
        cadence_per_year,
        notes,
    }
}

const fn service(
    name: &'static str,
    short: &'static str,
    email: &'static str,
    notes: &'static str,
) -> DemoOrg {
    DemoOrg {
        name,
        short: Some(short),
        kind: OrgKind::Service,
        district: None,
        neighbourhoods: &[],
        email: Some(email),
        cadence_per_year: 0,
        notes,
    }
}

pub const ORGANISATIONS: &[DemoOrg] = &[
    // Residents' organisations, as listed in seed 001 with their stadsdeel.
    residents(
        BUURTSTATION,
        "Centrum",
        &["Stationsbuurt", "Rivierenbuurt"],
        Some("buurtstation@example.org"),
        2,
        "Kleine bo rond het station; vraagt aandacht voor jongerenoverlast in de avond.",
    ),
    residents(
        ZEEHELDEN,
        "Centrum",
        &["Zeeheldenkwartier"],
        Some("zeeheldenkwartier@example.org"),
        4,
        "Zeer actief; meldt veel signalen en vraagt om een vaste contactpersoon per dienst.",
    ),
    residents(
        PARAPLU,
        "Centrum",
        &["Schilderswijk"],
        Some("deparaplu@example.org"),
        2,
        "Werkt met veel nieuwe bewoners; de AVG maakt het lastig hen te bereiken.",
    ),
    residents(
        HOFKWARTIER,
        "Centrum",
        &["Hofkwartier"],
        Some("hofkwartier@example.org"),
        2,
        "Bewonersvereniging in de binnenstad; aandacht voor stoepen, fietsen en verlichting.",
    ),
    residents(
        ARCHIPEL,
        "Centrum",
        &["Archipelbuurt", "Willemspark"],
        Some("archipel-willemspark@example.org"),
        2,
        "Eigen wijkkrant; wil vooraf meedenken over parkeren en herinrichting.",
    ),
    residents(
        OUDE_CENTRUM,
        "Centrum",
        &["Oude Centrum"],
        Some("oudecentrum@example.org"),
        2,
        "Veel werkzaamheden in de binnenstad; bewonersbrieven komen vaak te laat.",
    ),
    residents(
        KORTEBOS,
        "Centrum",
        &["Kortenbos"],
        None,
        2,
        "Klein bestuur van vrijwilligers; pas op voor overvragen.",
    ),
    residents(
        BOUWLUST,
        "Escamp",
        &["Bouwlust", "Vrederust"],
        Some("bouwlustvrederust@example.org"),
        2,
        "Grote wijk met veel ouderen in flats; signaleert eenzaamheid en afvalproblemen.",
    ),
    residents(
        BEZUIDENHOUT,
        "Haagse Hout",
        &[
            "Bezuidenhout-West",
            "Bezuidenhout-Midden",
            "Bezuidenhout-Oost",
        ],
        Some("wijkberaad.bezuidenhout@example.org"),
        4,
        "Vraagt om één centraal aanspreekpunt en vaste afspraken over terugkoppeling.",
    ),
    residents(
        MARLOT,
        "Haagse Hout",
        &["Marlot"],
        Some("vereniging.marlot@example.org"),
        2,
        "Let op groen en verkeersveiligheid in de wijk.",
    ),
    residents(
        BINCKHORST,
        "Laak",
        &["Binckhorst"],
        Some("binckhorst@example.org"),
        2,
        "Wijk in transformatie; bouwverkeer en parkeerdruk zijn terugkerende onderwerpen.",
    ),
    residents(
        LEIDSCHENVEEN,
        "Leidschenveen-Ypenburg",
        &["Leidschenveen"],
        Some("leidschenveen@example.org"),
        2,
        "In dit stadsdeel schuiven ambtenaren van andere diensten geregeld aan bij het overleg.",
    ),
    residents(
        YPENBURG,
        "Leidschenveen-Ypenburg",
        &["Ypenburg"],
        Some("bewonersplatform.ypenburg@example.org"),
        2,
        "Bewonersplatform met werkgroepen per thema.",
    ),
    residents(
        KRAAYENSTEIN,
        "Loosduinen",
        &["Kraayenstein"],
        Some("kraayenstein@example.org"),
        2,
        "Afgesproken is twee keer per jaar overleg; het laatste overleg is lang geleden.",
    ),
    residents(
        VROONDAAL,
        "Loosduinen",
        &["Vroondaal"],
        Some("vroondaal@example.org"),
        2,
        "Nieuwbouwwijk; vraagt om duidelijke informatie over bouwplannen.",
    ),
    residents(
        LOOSDUINEN,
        "Loosduinen",
        &["Kom Loosduinen", "Kijkduin"],
        Some("commissie.loosduinen@example.org"),
        2,
        "Neemt deel aan de klankbordgroep voor de herinrichting van Kijkduin.",
    ),
    residents(
        WALDECK,
        "Loosduinen",
        &["Nieuw Waldeck"],
        None,
        2,
        "Aandacht voor speelruimte en jeugd.",
    ),
    residents(
        HAVENKWARTIER,
        "Scheveningen",
        &["Scheveningen Haven"],
        Some("havenkwartier@example.org"),
        4,
        "Deelnemer aan het stadsdeeloverleg Scheveningen.",
    ),
    residents(
        STATENKWARTIER,
        "Scheveningen",
        &["Statenkwartier"],
        Some("statenkwartier@example.org"),
        4,
        "Deelnemer aan het stadsdeeloverleg Scheveningen; betrokken bij de herinrichting van de winkelstraat.",
    ),
    residents(
        DUINOORD,
        "Scheveningen",
        &["Duinoord"],
        Some("duinoord@example.org"),
        4,
        "Deelnemer aan het stadsdeeloverleg Scheveningen; smalle stoepen en groen.",
    ),
    residents(
        SCHEV_DORP,
        "Scheveningen",
        &["Oud Scheveningen"],
        Some("scheveningen-dorp@example.org"),
        4,
        "Deelnemer aan het stadsdeeloverleg Scheveningen; drukte rond de boulevard.",
    ),
    residents(
        DUTTENDEL,
        "Scheveningen",
        &["Duttendel", "Westbroekpark"],
        Some("duttendel-wittebrug@example.org"),
        4,
        "Deelnemer aan het stadsdeeloverleg Scheveningen; wil structureel overleg met de stadsdeelwethouder.",
    ),
    residents(
        STOLKPARK,
        "Scheveningen",
        &["Van Stolkpark", "Scheveningse Bosjes"],
        None,
        4,
        "Deelnemer aan het stadsdeeloverleg Scheveningen.",
    ),
    residents(
        ZORGVLIET,
        "Scheveningen",
        &["Zorgvliet"],
        Some("zorgvliet@example.org"),
        4,
        "Deelnemer aan het stadsdeeloverleg Scheveningen.",
    ),
    residents(
        HYACINT,
        "Segbroek",
        &["Bloemenbuurt-Oost", "Bloemenbuurt-West"],
        Some("dehyacint@example.org"),
        2,
        "Werkt samen met het ouderenwerk aan eenzaamheid in de buurt.",
    ),
    // The six services present on 16 October 2024.
    service(
        DPZ,
        "DPZ",
        "dpz@example.nl",
        "De stadsdelen: stadsdeeldirecteuren, wijkmanagers en de coördinator bewonersorganisaties.",
    ),
    service(
        DSO,
        "DSO",
        "dso@example.nl",
        "Ruimtelijke ontwikkeling, verkeer en parkeren, wonen; de DSO-gebiedsregisseur is eerste contactpersoon.",
    ),
    service(
        DSB,
        "DSB",
        "dsb@example.nl",
        "Beheer van de openbare ruimte: groen, afval, straatmeubilair; de DSB-gebiedsregisseur is eerste contactpersoon.",
    ),
    service(
        BSD,
        "BSD",
        "bsd@example.nl",
        "Bestuursdienst: participatiebeleid en de beleidsnota bewonersorganisaties.",
    ),
    service(
        SZW,
        "SZW",
        "szw@example.nl",
        "Werk, inkomen en meedoen; contact over participatie en armoede in de wijk.",
    ),
    service(
        OCW,
        "OCW",
        "ocw@example.nl",
        "Onderwijs, cultuur en welzijn; aanpak eenzaamheid en jeugd.",
    ),
    // Partners.
    DemoOrg {
        name: POLITIE,
        short: Some("Politie"),
        kind: OrgKind::Partner,
        district: None,
        neighbourhoods: &[],
        email: Some("wijkagenten.haaglanden@example.org"),
        cadence_per_year: 0,
        notes: "Wijkagenten per stadsdeel; schuiven op verzoek aan bij het stadsdeeloverleg.",
    },
    DemoOrg {
        name: WELZIJN,
        short: Some("Welzijn"),
        kind: OrgKind::Partner,
        district: None,
        neighbourhoods: &[],
        email: Some("info@example.org"),
        cadence_per_year: 0,
        notes: "Verzonnen welzijnsorganisatie: opbouwwerk en ouderenwerk.",
    },
    DemoOrg {
        name: WOONSTICHTING,
        short: Some("Hofstad"),
        kind: OrgKind::Partner,
        district: None,
        neighbourhoods: &[],
        email: Some("wijkbeheer.hofstad@example.org"),
        cadence_per_year: 0,
        notes: "Verzonnen woningcorporatie met bezit in Centrum, Escamp en Laak.",
    },
];

// ---------------------------------------------------------------------------
// People. ALL NAMES, E-MAIL ADDRESSES AND PHONE NUMBERS BELOW ARE INVENTED.

const fn member(
    name: &'static str,
    org: &'static str,
    role: &'static str,
    email: &'static str,
    phone: Option<&'static str>,
) -> DemoPerson {
    DemoPerson {
        name,
        org,
        role,
        email: Some(email),
        phone,
        username: None,
        districts: &[],
        themes: &[],
    }
}

#[allow(clippy::too_many_arguments)]
const fn staff(
    name: &'static str,
    org: &'static str,
    role: &'static str,
    email: &'static str,
    phone: &'static str,
    username: Option<&'static str>,
    districts: &'static [&'static str],
    themes: &'static [&'static str],
) -> DemoPerson {
    DemoPerson {
        name,
        org,
        role,
        email: Some(email),
        phone: Some(phone),
        username,
        districts,
        themes,
    }
}

const GEBIEDSREGISSEUR_DSO: &[&str] = &[
    "verkeer",
    "parkeren",
    "wonen",
    "openbare-ruimte",
    "participatie",
    "informatievoorziening",
];
const GEBIEDSREGISSEUR_DSB: &[&str] = &["groen", "afval", "openbare-ruimte"];
const WIJKMANAGER: &[&str] = &[
    "communicatie",
    "participatie",
    "informatievoorziening",
    "veiligheid",
    "jeugd",
    "wonen",
];
const WIJKAGENT: &[&str] = &["veiligheid", "jeugd", "verkeer"];

pub const PEOPLE: &[DemoPerson] = &[
    // Residents' organisations: chairs and secretaries (invented).
    member(
        "Hans van der Meer",
        ZEEHELDEN,
        "voorzitter",
        "hans.vandermeer@example.org",
        Some("06-0000 0101"),
    ),
    member(
        "Annelies Bos",
        ZEEHELDEN,
        "secretaris",
        "annelies.bos@example.org",
        Some("06-0000 0102"),
    ),
    member(
        "Mohamed Tahiri",
        BUURTSTATION,
        "voorzitter",
        "mohamed.tahiri@example.org",
        Some("06-0000 0103"),
    ),
    member(
        "Hasan Demir",
        PARAPLU,
        "voorzitter",
        "hasan.demir@example.org",
        Some("06-0000 0104"),
    ),
    member(
        "Gerda Wolters",
        PARAPLU,
        "secretaris",
        "gerda.wolters@example.org",
        None,
    ),
    member(
        "Frits Langeveld",
        HOFKWARTIER,
        "voorzitter",
        "frits.langeveld@example.org",
        Some("06-0000 0106"),
    ),
    member(
        "Caroline van Rijn",
        ARCHIPEL,
        "voorzitter",
        "caroline.vanrijn@example.org",
        Some("06-0000 0107"),
    ),
    member(
        "Maarten Dijkstra",
        ARCHIPEL,
        "secretaris",
        "maarten.dijkstra@example.org",
        None,
    ),
    member(
        "Wim Kuipers",
        OUDE_CENTRUM,
        "voorzitter",
        "wim.kuipers@example.org",
        Some("06-0000 0109"),
    ),
    member(
        "Jolanda Prins",
        KORTEBOS,
        "secretaris",
        "jolanda.prins@example.org",
        Some("06-0000 0110"),
    ),
    member(
        "Henk Verbeek",
        BOUWLUST,
        "voorzitter",
        "henk.verbeek@example.org",
        Some("06-0000 0111"),
    ),
    member(
        "Yvonne Sluiter",
        BOUWLUST,
        "secretaris",
        "yvonne.sluiter@example.org",
        Some("06-0000 0112"),
    ),
    member(
        "Margriet Hoogland",
        BEZUIDENHOUT,
        "voorzitter",
        "margriet.hoogland@example.org",
        Some("06-0000 0113"),
    ),
    member(
        "Paul Evers",
        BEZUIDENHOUT,
        "secretaris",
        "paul.evers@example.org",
        Some("06-0000 0114"),
    ),
    member(
        "Jan-Willem Bosman",
        MARLOT,
        "voorzitter",
        "janwillem.bosman@example.org",
        Some("06-0000 0115"),
    ),
    member(
        "Esther Huisman",
        BINCKHORST,
        "voorzitter",
        "esther.huisman@example.org",
        Some("06-0000 0116"),
    ),
    member(
        "Rob Timmermans",
        LEIDSCHENVEEN,
        "voorzitter",
        "rob.timmermans@example.org",
        Some("06-0000 0117"),
    ),
    member(
        "Priya Ramdin",
        YPENBURG,
        "voorzitter",
        "priya.ramdin@example.org",
        Some("06-0000 0118"),
    ),
    member(
        "Sander Kramer",
        YPENBURG,
        "secretaris",
        "sander.kramer@example.org",
        None,
    ),
    member(
        "Ton Vos",
        KRAAYENSTEIN,
        "voorzitter",
        "ton.vos@example.org",
        Some("06-0000 0120"),
    ),
    member(
        "Marieke Lammers",
        VROONDAAL,
        "secretaris",
        "marieke.lammers@example.org",
        Some("06-0000 0121"),
    ),
    member(
        "Gerard Pronk",
        LOOSDUINEN,
        "voorzitter",
        "gerard.pronk@example.org",
        Some("06-0000 0122"),
    ),
    member(
        "Carla Hermans",
        WALDECK,
        "voorzitter",
        "carla.hermans@example.org",
        Some("06-0000 0123"),
    ),
    member(
        "Dirk Zwart",
        HAVENKWARTIER,
        "voorzitter",
        "dirk.zwart@example.org",
        Some("06-0000 0124"),
    ),
    member(
        "Nel Schipper",
        HAVENKWARTIER,
        "secretaris",
        "nel.schipper@example.org",
        Some("06-0000 0125"),
    ),
    member(
        "Elisabeth van Houten",
        STATENKWARTIER,
        "voorzitter",
        "elisabeth.vanhouten@example.org",
        Some("06-0000 0126"),
    ),
    member(
        "Joost Koning",
        STATENKWARTIER,
        "secretaris",
        "joost.koning@example.org",
        None,
    ),
    member(
        "Anton Brink",
        DUINOORD,
        "voorzitter",
        "anton.brink@example.org",
        Some("06-0000 0128"),
    ),
    member(
        "Femke Scholten",
        DUINOORD,
        "secretaris",
        "femke.scholten@example.org",
        Some("06-0000 0129"),
    ),
    member(
        "Arie Toet",
        SCHEV_DORP,
        "voorzitter",
        "arie.toet@example.org",
        Some("06-0000 0130"),
    ),
    member(
        "Lenie Spaans",
        SCHEV_DORP,
        "secretaris",
        "lenie.spaans@example.org",
        Some("06-0000 0131"),
    ),
    member(
        "Frederik van Lier",
        DUTTENDEL,
        "voorzitter",
        "frederik.vanlier@example.org",
        Some("06-0000 0132"),
    ),
    member(
        "Charlotte Verhagen",
        STOLKPARK,
        "voorzitter",
        "charlotte.verhagen@example.org",
        Some("06-0000 0133"),
    ),
    member(
        "Bernard Roos",
        ZORGVLIET,
        "voorzitter",
        "bernard.roos@example.org",
        Some("06-0000 0134"),
    ),
    member(
        "Saskia Veenstra",
        HYACINT,
        "voorzitter",
        "saskia.veenstra@example.org",
        Some("06-0000 0135"),
    ),
    member(
        "Ilham Haddou",
        HYACINT,
        "secretaris",
        "ilham.haddou@example.org",
        Some("06-0000 0136"),
    ),
    // DSO: gebiedsregisseurs, first contact per district (seed 001, zaal blauw).
    staff(
        "Jeroen Bakker",
        DSO,
        "gebiedsregisseur",
        "j.bakker@example.nl",
        "06-0000 0201",
        Some("jbakker"),
        &["Centrum"],
        GEBIEDSREGISSEUR_DSO,
    ),
    staff(
        "Sanne Vermeulen",
        DSO,
        "gebiedsregisseur",
        "s.vermeulen@example.nl",
        "06-0000 0202",
        Some("svermeulen"),
        &["Scheveningen", "Segbroek"],
        GEBIEDSREGISSEUR_DSO,
    ),
    staff(
        "Youssef Amrani",
        DSO,
        "gebiedsregisseur",
        "y.amrani@example.nl",
        "06-0000 0203",
        Some("yamrani"),
        &["Escamp", "Laak"],
        GEBIEDSREGISSEUR_DSO,
    ),
    staff(
        "Marloes de Wit",
        DSO,
        "gebiedsregisseur",
        "m.dewit@example.nl",
        "06-0000 0204",
        Some("mdewit"),
        &["Haagse Hout", "Loosduinen", "Leidschenveen-Ypenburg"],
        GEBIEDSREGISSEUR_DSO,
    ),
    staff(
        "Gert-Jan Hoekstra",
        DSO,
        "verkeerskundige",
        "g.hoekstra@example.nl",
        "06-0000 0205",
        Some("ghoekstra"),
        ALL_DISTRICTS,
        &["verkeer", "parkeren"],
    ),
    // DSB: gebiedsregisseurs.
    staff(
        "Peter van Dijk",
        DSB,
        "gebiedsregisseur",
        "p.vandijk@example.nl",
        "06-0000 0206",
        Some("pvandijk"),
        &["Centrum"],
        GEBIEDSREGISSEUR_DSB,
    ),
    staff(
        "Ingrid Smits",
        DSB,
        "gebiedsregisseur",
        "i.smits@example.nl",
        "06-0000 0207",
        Some("ismits"),
        &["Scheveningen", "Segbroek"],
        GEBIEDSREGISSEUR_DSB,
    ),
    staff(
        "Rachid Bouzid",
        DSB,
        "gebiedsregisseur",
        "r.bouzid@example.nl",
        "06-0000 0208",
        Some("rbouzid"),
        &["Escamp", "Laak", "Haagse Hout"],
        GEBIEDSREGISSEUR_DSB,
    ),
    staff(
        "Kees Mulder",
        DSB,
        "gebiedsregisseur",
        "k.mulder@example.nl",
        "06-0000 0209",
        Some("kmulder"),
        &["Loosduinen", "Leidschenveen-Ypenburg"],
        GEBIEDSREGISSEUR_DSB,
    ),
    // DPZ: the stadsdelen.
    staff(
        "Monique de Graaf",
        DPZ,
        "stadsdeeldirecteur",
        "m.degraaf@example.nl",
        "06-0000 0210",
        Some("mdegraaf"),
        &["Centrum"],
        &["communicatie", "participatie"],
    ),
    staff(
        "Robert van Leeuwen",
        DPZ,
        "stadsdeeldirecteur",
        "r.vanleeuwen@example.nl",
        "06-0000 0211",
        Some("rvanleeuwen"),
        &["Scheveningen"],
        &["communicatie", "participatie"],
    ),
    staff(
        "Linda Jansen",
        DPZ,
        "wijkmanager",
        "l.jansen@example.nl",
        "06-0000 0212",
        Some("ljansen"),
        &["Centrum"],
        WIJKMANAGER,
    ),
    // The demo user: log in as `demo` to see "mine" items.
    staff(
        "Eva Hendriks",
        DPZ,
        "wijkmanager",
        "e.hendriks@example.nl",
        "06-0000 0213",
        Some("demo"),
        &["Scheveningen"],
        WIJKMANAGER,
    ),
    staff(
        "Thomas Visser",
        DPZ,
        "wijkmanager",
        "t.visser@example.nl",
        "06-0000 0214",
        Some("tvisser"),
        &["Escamp", "Laak"],
        WIJKMANAGER,
    ),
    staff(
        "Fatma Yilmaz",
        DPZ,
        "wijkmanager",
        "f.yilmaz@example.nl",
        "06-0000 0215",
        Some("fyilmaz"),
        &["Haagse Hout", "Segbroek"],
        WIJKMANAGER,
    ),
    staff(
        "Bart Kok",
        DPZ,
        "wijkmanager",
        "b.kok@example.nl",
        "06-0000 0216",
        Some("bkok"),
        &["Loosduinen", "Leidschenveen-Ypenburg"],
        WIJKMANAGER,
    ),
    staff(
        "Noor van Beek",
        DPZ,
        "coördinator bewonersorganisaties",
        "n.vanbeek@example.nl",
        "06-0000 0217",
        Some("nvanbeek"),
        ALL_DISTRICTS,
        &["communicatie", "informatievoorziening", "participatie"],
    ),
    // OCW, SZW, BSD.
    staff(
        "Hanneke Brouwer",
        OCW,
        "beleidsadviseur welzijn en eenzaamheid",
        "h.brouwer@example.nl",
        "06-0000 0218",
        Some("hbrouwer"),
        ALL_DISTRICTS,
        &["eenzaamheid", "jeugd", "participatie"],
    ),
    staff(
        "Dennis de Boer",
        SZW,
        "contactpersoon werk en meedoen",
        "d.deboer@example.nl",
        "06-0000 0219",
        Some("ddeboer"),
        ALL_DISTRICTS,
        &["participatie", "eenzaamheid", "wonen"],
    ),
    staff(
        "Lotte Meijer",
        BSD,
        "participatieadviseur",
        "l.meijer@example.nl",
        "06-0000 0220",
        Some("lmeijer"),
        ALL_DISTRICTS,
        &["participatie", "communicatie", "informatievoorziening"],
    ),
    // Police: wijkagenten (no login on the municipal server).
    staff(
        "Mark Verhoeven",
        POLITIE,
        "wijkagent",
        "m.verhoeven@example.org",
        "06-0000 0221",
        None,
        &["Centrum"],
        WIJKAGENT,
    ),
    staff(
        "Sandra Koster",
        POLITIE,
        "wijkagent",
        "s.koster@example.org",
        "06-0000 0222",
        None,
        &["Scheveningen", "Segbroek"],
        WIJKAGENT,
    ),
    staff(
        "Erik Willems",
        POLITIE,
        "wijkagent",
        "e.willems@example.org",
        "06-0000 0223",
        None,
        &["Escamp", "Laak"],
        WIJKAGENT,
    ),
    staff(
        "Joyce Peters",
        POLITIE,
        "wijkagent",
        "j.peters@example.org",
        "06-0000 0224",
        None,
        &["Haagse Hout", "Loosduinen", "Leidschenveen-Ypenburg"],
        WIJKAGENT,
    ),
    // Welfare and housing partners.
    staff(
        "Miriam Dekker",
        WELZIJN,
        "opbouwwerker",
        "m.dekker@example.org",
        "06-0000 0225",
        None,
        &["Centrum", "Escamp", "Laak", "Haagse Hout"],
        &["eenzaamheid", "jeugd", "participatie"],
    ),
    staff(
        "Samira Ouali",
        WELZIJN,
        "ouderenwerker",
        "s.ouali@example.org",
        "06-0000 0226",
        None,
        &[
            "Scheveningen",
            "Segbroek",
            "Loosduinen",
            "Leidschenveen-Ypenburg",
        ],
        &["eenzaamheid"],
    ),
    staff(
        "Wouter Schouten",
        WOONSTICHTING,
        "wijkconsulent",
        "w.schouten@example.org",
        "06-0000 0227",
        None,
        &["Centrum", "Escamp", "Laak"],
        &["wonen", "afval", "veiligheid"],
    ),
];

// ---------------------------------------------------------------------------
// Signals

const fn fb(
    days_ago: i64,
    channel: Channel,
    final_: bool,
    text: &'static str,
    by: &'static str,
) -> DemoFeedback {
    DemoFeedback {
        days_ago,
        channel,
        final_,
        text,
        by,
    }
}

/// A signal that has not been triaged yet.
const fn new_signal(
    org: &'static str,
    title: &'static str,
    body: &'static str,
    theme: &'static str,
    neighbourhood: Option<&'static str>,
    received_days_ago: i64,
    owner: Option<&'static str>,
) -> DemoSignal {
    DemoSignal {
        org,
        title,
        body,
        theme,
        neighbourhood,
        received_days_ago,
        state: DemoSignalState::New,
        owner,
        expectation: None,
        feedback_due_offset: None,
        feedback: &[],
        decline_explanation: None,
    }
}

const S_BRIEVEN: &str = "Bewonersbrieven eerder delen";
const S_AANSPREEKPUNT: &str = "Eén centraal aanspreekpunt voor bo's vanuit het stadsdeel";
const S_AVG: &str = "AVG bemoeilijkt contact met nieuwe bewoners";
const S_NAMEN: &str = "Wie doet wat in de wijk: overzicht van namen";
const S_GROEN_DUINOORD: &str = "Onkruid en overhangend groen op smalle stoepen";
const S_EENZAAM_LV: &str = "Eenzaamheid onder oudere bewoners na sluiting buurthuis";
const S_MEEUWEN: &str = "Zwerfafval en meeuwen bij de containers aan de haven";
const S_BOUWPLANNEN: &str = "Informatie over de bouwplannen is moeilijk te vinden";
const S_PARKVERLICHTING: &str = "Verlichting in het park valt 's avonds uit";
const S_BOUWVERKEER: &str = "Bouwverkeer rijdt door de woonstraat";
const S_CONTAINER_KAPOT: &str = "Ondergrondse container al twee weken kapot";
const S_INFOBIJEENKOMST: &str = "Meer informatiebijeenkomsten in de wijk";
const S_GANZEN: &str = "Ganzenpoep op de grasvelden en speelplekken";
const S_TERUGKOPPELING: &str = "Afspraak over terugkoppeling op vragen";
const S_GROFVUIL: &str = "Grofvuil naast de containers";
const S_KIJKDUIN: &str = "Bewoners betrekken bij de herinrichting van Kijkduin";
const S_EENZAAM_HYACINT: &str = "Eenzame buurtbewoners in beeld brengen";
const S_GRASVELD: &str = "Extra parkeerplaatsen op het grasveld";

pub const SIGNALS: &[DemoSignal] = &[
    // --- New: not yet triaged -------------------------------------------
    new_signal(
        ZEEHELDEN,
        "Losse stoeptegels bij de basisschool",
        "Voor de ingang van de basisschool liggen al weken losse en scheve stoeptegels. Ouders met kinderwagens en kinderen op de step struikelen erover. Wilt u dit snel laten herstellen?",
        "openbare-ruimte",
        Some("Zeeheldenkwartier"),
        2,
        None,
    ),
    new_signal(
        BOUWLUST,
        "Ondergrondse containers bij het winkelcentrum puilen uit",
        "De ondergrondse containers bij het winkelcentrum zitten na het weekend steeds vol. Bewoners zetten hun zakken ernaast en die worden opengetrokken. Kan er vaker geleegd worden?",
        "afval",
        Some("Vrederust"),
        18,
        None,
    ),
    new_signal(
        BEZUIDENHOUT,
        "Gevaarlijke oversteek bij de tramhalte",
        "Bij de tramhalte steken veel scholieren en ouderen over op een plek zonder zebrapad. Auto's rijden er hard en het zicht wordt ontnomen door geparkeerde bestelbussen. Er zijn al bijna-ongelukken geweest.",
        "verkeer",
        Some("Bezuidenhout-Oost"),
        9,
        None,
    ),
    new_signal(
        YPENBURG,
        "Jongeren hangen na 23.00 uur bij het speelveld",
        "Omwonenden van het speelveld hebben 's avonds laat last van harde muziek en scooters. De bo wil graag samen met wijkagent en jongerenwerk kijken wat er kan.",
        "jeugd",
        Some("Ypenburg"),
        4,
        None,
    ),
    new_signal(
        STATENKWARTIER,
        "Wie is ons aanspreekpunt bij het stadsdeel?",
        "Sinds het vertrek van onze vaste contactpersoon weten we niet meer bij wie we moeten zijn. Bij wie moet je zijn? Dat is vaak onduidelijk. Graag een naam en een telefoonnummer.",
        "communicatie",
        Some("Statenkwartier"),
        12,
        Some("Eva Hendriks"),
    ),
    new_signal(
        BINCKHORST,
        "Parkeerdruk door bedrijfsbusjes in woonstraten",
        "In de woonstraten aan de rand van het bedrijventerrein staan 's nachts tientallen bedrijfsbusjes. Bewoners vinden geen plek meer bij hun huis.",
        "parkeren",
        Some("Binckhorst"),
        20,
        None,
    ),
    new_signal(
        HYACINT,
        "Boomwortels drukken de stoep omhoog",
        "Op meerdere plekken in de buurt drukken boomwortels de stoeptegels omhoog. Voor mensen met een rollator is de stoep bijna niet meer te gebruiken.",
        "groen",
        Some("Bloemenbuurt-West"),
        6,
        Some("Ingrid Smits"),
    ),
    new_signal(
        OUDE_CENTRUM,
        "Bewonersbrief over werkzaamheden kwam pas na de start",
        "De bewonersbrief over de werkzaamheden in onze straat viel pas in de bus toen de hekken er al stonden. Ook de bo wist van niets. Zo kunnen we bewoners niet op tijd informeren.",
        "informatievoorziening",
        Some("Oude Centrum"),
        1,
        None,
    ),
    new_signal(
        WALDECK,
        "Verzoek om een bankje bij de bushalte",
        "Oudere bewoners wachten lang op de bus en kunnen nergens zitten. De bo vraagt of er een bankje bij de halte kan komen.",
        "openbare-ruimte",
        Some("Nieuw Waldeck"),
        15,
        Some("Kees Mulder"),
    ),
    // --- Triaged: owner, expectation and feedback due date set -------------
    DemoSignal {
        org: ZEEHELDEN,
        title: S_BRIEVEN,
        body: "Bewonersbrieven worden vaak pas verstuurd als het werk al begint. Deel ze eerder met bewoners en bewonersorganisaties, maar ook met het stadsdeel, zodat wij vragen kunnen beantwoorden.",
        theme: "informatievoorziening",
        neighbourhood: None,
        received_days_ago: 30,
        state: DemoSignalState::Triaged,
        owner: Some("Linda Jansen"),
        expectation: Some(
            "Wat kan wel: we spreken met DSO en DSB af dat bewonersbrieven voortaan twee weken voor verzending met de bo en het stadsdeel worden gedeeld. Wat niet kan: bij spoedreparaties lukt dat niet; dan krijgt de bo de brief op de dag van verzending.",
        ),
        feedback_due_offset: Some(-6),
        feedback: &[],
        decline_explanation: None,
    },
    DemoSignal {
        org: BEZUIDENHOUT,
        title: S_AANSPREEKPUNT,
        body: "Bewonersorganisaties worden van het kastje naar de muur gestuurd. Wij willen één centraal aanspreekpunt vanuit het stadsdeel dat onze vragen doorzet naar de diensten en bewaakt dat er antwoord komt.",
        theme: "communicatie",
        neighbourhood: None,
        received_days_ago: 21,
        state: DemoSignalState::Triaged,
        owner: Some("Fatma Yilmaz"),
        expectation: Some(
            "De wijkmanager wordt het vaste aanspreekpunt voor het wijkberaad. Of dat voor alle bo's in de stad zo geregeld wordt, kan het stadsdeel niet alleen beslissen; dat leggen we voor aan de stadsdeeldirecteuren.",
        ),
        feedback_due_offset: Some(3),
        feedback: &[],
        decline_explanation: None,
    },
    DemoSignal {
        org: DUINOORD,
        title: S_GROEN_DUINOORD,
        body: "Op de smalle stoepen groeit onkruid tussen de tegels en hangen struiken uit voortuinen over de stoep. Met een kinderwagen of rolstoel moet je de straat op.",
        theme: "groen",
        neighbourhood: Some("Duinoord"),
        received_days_ago: 16,
        state: DemoSignalState::Triaged,
        owner: Some("Ingrid Smits"),
        expectation: Some(
            "Onkruid op de stoep haalt DSB weg in de eerstvolgende ronde. Overhangend groen uit particuliere tuinen is de verantwoordelijkheid van de eigenaar; daar kunnen we alleen een brief over sturen.",
        ),
        feedback_due_offset: Some(-2),
        feedback: &[],
        decline_explanation: None,
    },
    DemoSignal {
        org: LEIDSCHENVEEN,
        title: S_EENZAAM_LV,
        body: "Sinds het buurthuis dicht is, hebben veel oudere bewoners geen plek meer om elkaar te ontmoeten. De bo ziet dat mensen vereenzamen en wil meedenken over een alternatief.",
        theme: "eenzaamheid",
        neighbourhood: Some("Leidschenveen"),
        received_days_ago: 22,
        state: DemoSignalState::Triaged,
        owner: Some("Hanneke Brouwer"),
        expectation: Some(
            "Een nieuw buurthuis kunnen we niet toezeggen. Wel zoeken we met het ouderenwerk naar een tijdelijke ontmoetingsplek en koppelen we voor de vervaldatum terug wat er mogelijk is.",
        ),
        feedback_due_offset: Some(5),
        feedback: &[],
        decline_explanation: None,
    },
    DemoSignal {
        org: SCHEV_DORP,
        title: "Drukte en foutparkeren rond de boulevard in het weekend",
        body: "Op zonnige weekenden staan auto's op stoepen en in uitritten rond de boulevard. Hulpdiensten kunnen er soms niet door.",
        theme: "parkeren",
        neighbourhood: Some("Oud Scheveningen"),
        received_days_ago: 24,
        state: DemoSignalState::Triaged,
        owner: Some("Gert-Jan Hoekstra"),
        expectation: Some(
            "Het lopende parkeeronderzoek neemt de straten rond de boulevard mee. Extra handhaving in het weekend vragen we aan; of die er komt, bepaalt handhaving.",
        ),
        feedback_due_offset: Some(10),
        feedback: &[],
        decline_explanation: None,
    },
    DemoSignal {
        org: HAVENKWARTIER,
        title: S_MEEUWEN,
        body: "Meeuwen trekken de zakken naast de containers open; het afval waait over de kade en de straten.",
        theme: "afval",
        neighbourhood: Some("Scheveningen Haven"),
        received_days_ago: 10,
        state: DemoSignalState::Triaged,
        owner: Some("Ingrid Smits"),
        expectation: Some(
            "DSB kijkt of de containers vaker geleegd kunnen worden. Bijplaatsingen blijven verboden; we vragen de bo om dat in de wijkmedia te herhalen.",
        ),
        feedback_due_offset: Some(4),
        feedback: &[],
        decline_explanation: None,
    },
    DemoSignal {
        org: PARAPLU,
        title: S_AVG,
        body: "Door de AVG krijgen wij geen gegevens van nieuwe bewoners en kunnen we hen niet welkom heten of uitnodigen. Zo bereiken we alleen de bewoners die ons al kennen.",
        theme: "participatie",
        neighbourhood: Some("Schilderswijk"),
        received_days_ago: 35,
        state: DemoSignalState::Triaged,
        owner: Some("Lotte Meijer"),
        expectation: Some(
            "Wat niet kan: adresgegevens van bewoners mogen we op grond van de AVG niet delen. Wat wel kan: we laten uitzoeken of het stadsdeel een welkomstfolder van de bo kan meesturen met de post voor nieuwe bewoners.",
        ),
        feedback_due_offset: Some(-12),
        feedback: &[fb(
            30,
            Channel::Email,
            false,
            "Dank voor uw signaal. We laten juridisch toetsen of een welkomstfolder van de bo kan worden meegestuurd. U hoort binnen drie weken van ons.",
            "Lotte Meijer",
        )],
        decline_explanation: None,
    },
    DemoSignal {
        org: MARLOT,
        title: "Te hard rijden op de doorgaande weg langs het park",
        body: "Op de doorgaande weg langs het park wordt veel te hard gereden, ook door vrachtverkeer. Bewoners vragen om snelheidsremmende maatregelen.",
        theme: "verkeer",
        neighbourhood: Some("Marlot"),
        received_days_ago: 19,
        state: DemoSignalState::Triaged,
        owner: Some("Marloes de Wit"),
        expectation: Some(
            "We laten eerst de snelheid meten. Drempels op een doorgaande weg zijn meestal niet mogelijk vanwege bus en hulpdiensten; andere maatregelen bespreken we na de meting.",
        ),
        feedback_due_offset: Some(20),
        feedback: &[],
        decline_explanation: None,
    },
    DemoSignal {
        org: HOFKWARTIER,
        title: "Fietsen en scooters blokkeren de stoep",
        body: "In de smalle winkelstraten staan fietsen en deelscooters kriskras over de stoep. Voetgangers en mensen met een rollator kunnen er niet langs.",
        theme: "openbare-ruimte",
        neighbourhood: Some("Hofkwartier"),
        received_days_ago: 8,
        state: DemoSignalState::Triaged,
        owner: Some("Peter van Dijk"),
        expectation: Some(
            "DSB bekijkt of er extra fietsparkeerplekken kunnen komen. Over deelscooters maken we afspraken met de aanbieders; dat kost meer tijd.",
        ),
        feedback_due_offset: Some(6),
        feedback: &[],
        decline_explanation: None,
    },
    DemoSignal {
        org: VROONDAAL,
        title: S_BOUWPLANNEN,
        body: "Informatie over de bouwplannen in en rond de wijk staat verspreid over verschillende websites. Bewoners vragen de bo wat er gebouwd wordt en wij weten het ook niet.",
        theme: "informatievoorziening",
        neighbourhood: Some("Vroondaal"),
        received_days_ago: 25,
        state: DemoSignalState::Triaged,
        owner: Some("Bart Kok"),
        expectation: Some(
            "We zetten alle lopende bouwplannen met een contactpersoon op één pagina. Over plannen van particuliere ontwikkelaars kunnen we alleen delen wat openbaar is.",
        ),
        feedback_due_offset: Some(-1),
        feedback: &[fb(
            20,
            Channel::Phone,
            false,
            "Telefonisch besproken met de secretaris: we verzamelen de plannen en laten voor de vervaldatum weten wanneer de pagina klaar is.",
            "Bart Kok",
        )],
        decline_explanation: None,
    },
    DemoSignal {
        org: DUTTENDEL,
        title: "Structureel overleg met stadsdeel en stadsdeelwethouder",
        body: "Naar aanleiding van de inspiratiebijeenkomst: er is behoefte aan een structureel overleg tussen bewonersorganisaties, het stadsdeel en de stadsdeelwethouder, in plaats van overleg per project.",
        theme: "participatie",
        neighbourhood: None,
        received_days_ago: 13,
        state: DemoSignalState::Triaged,
        owner: Some("Eva Hendriks"),
        expectation: Some(
            "Het stadsdeeloverleg Scheveningen wordt vier keer per jaar gehouden. Of de wethouder vaker dan eens per jaar aanschuift, hangt af van diens agenda; dat vragen we na.",
        ),
        feedback_due_offset: Some(2),
        feedback: &[],
        decline_explanation: None,
    },
    // --- In progress ------------------------------------------------------
    DemoSignal {
        org: ZORGVLIET,
        title: S_PARKVERLICHTING,
        body: "De lantaarns op het wandelpad door het park gaan regelmatig 's avonds uit. Bewoners voelen zich onveilig als ze in het donker naar huis lopen.",
        theme: "veiligheid",
        neighbourhood: Some("Zorgvliet"),
        received_days_ago: 45,
        state: DemoSignalState::InProgress,
        owner: Some("Ingrid Smits"),
        expectation: Some(
            "DSB laat de storing onderzoeken. Als de oorzaak in het kabelnet zit, zijn we afhankelijk van de netbeheerder en kan herstel enkele weken duren.",
        ),
        feedback_due_offset: Some(1),
        feedback: &[
            fb(
                30,
                Channel::Email,
                false,
                "We zijn ermee bezig: de aannemer heeft de lantaarns gecontroleerd en de storing zit in een kabel. U hoort binnen drie weken van ons.",
                "Ingrid Smits",
            ),
            fb(
                9,
                Channel::Email,
                false,
                "De netbeheerder heeft de kabel nog niet vervangen. We zitten erbovenop; u hoort voor het einde van volgende week van ons.",
                "Ingrid Smits",
            ),
        ],
        decline_explanation: None,
    },
    DemoSignal {
        org: BOUWLUST,
        title: "Eenzaamheid onder ouderen in de flats",
        body: "In de flats wonen veel alleenstaande ouderen die de deur bijna niet meer uitkomen. Vrijwilligers van de bo merken het bij de koffieochtend, maar bereiken lang niet iedereen.",
        theme: "eenzaamheid",
        neighbourhood: Some("Bouwlust"),
        received_days_ago: 60,
        state: DemoSignalState::InProgress,
        owner: Some("Hanneke Brouwer"),
        expectation: Some(
            "Samen met het ouderenwerk en de woningcorporatie starten we huisbezoeken. De bo vragen we om signalen door te geven, niet om zelf zorg te organiseren.",
        ),
        feedback_due_offset: Some(25),
        feedback: &[
            fb(
                40,
                Channel::Meeting,
                false,
                "Besproken met de bo en het ouderenwerk: huisbezoeken worden voorbereid. U hoort binnen vijf weken van ons.",
                "Hanneke Brouwer",
            ),
            fb(
                5,
                Channel::Phone,
                false,
                "De eerste huisbezoeken zijn gedaan. We koppelen de resultaten terug in de bo-vergadering; u hoort over drie à vier weken van ons.",
                "Hanneke Brouwer",
            ),
        ],
        decline_explanation: None,
    },
    DemoSignal {
        org: BUURTSTATION,
        title: "Overlast van jongeren bij het station in de avond",
        body: "Rond de ingang van het station hangen 's avonds groepen jongeren. Bewoners voelen zich niet veilig en er is vernieling aan fietsen.",
        theme: "jeugd",
        neighbourhood: Some("Stationsbuurt"),
        received_days_ago: 50,
        state: DemoSignalState::InProgress,
        owner: Some("Linda Jansen"),
        expectation: Some(
            "Wijkagent en jongerenwerk gaan er vaker langs. Cameratoezicht kunnen we niet beloven; daarover beslist de burgemeester.",
        ),
        feedback_due_offset: Some(-4),
        feedback: &[fb(
            25,
            Channel::Email,
            false,
            "We zijn ermee bezig: wijkagent en jongerenwerk lopen twee avonden per week extra rondes. U hoort binnen drie weken hoe het gaat.",
            "Linda Jansen",
        )],
        decline_explanation: None,
    },
    DemoSignal {
        org: ARCHIPEL,
        title: "Parkeerregeling voor bezoekers onduidelijk",
        body: "Bewoners begrijpen de nieuwe bezoekersregeling niet: hoeveel uur, welke zones, hoe meld je je bezoek aan? Ouderen zonder smartphone lopen vast.",
        theme: "parkeren",
        neighbourhood: Some("Willemspark"),
        received_days_ago: 33,
        state: DemoSignalState::InProgress,
        owner: Some("Gert-Jan Hoekstra"),
        expectation: Some(
            "We maken een begrijpelijke samenvatting in duidelijke taal voor de wijkkrant. De regeling zelf veranderen kan alleen de gemeenteraad.",
        ),
        feedback_due_offset: Some(12),
        feedback: &[],
        decline_explanation: None,
    },
    DemoSignal {
        org: STATENKWARTIER,
        title: "Herinrichting winkelstraat: bewoners vooraf laten meedenken",
        body: "Bij de herinrichting van de winkelstraat willen bewoners vooraf meedenken, niet achteraf horen wat er besloten is. Practice what you preach.",
        theme: "participatie",
        neighbourhood: Some("Statenkwartier"),
        received_days_ago: 70,
        state: DemoSignalState::InProgress,
        owner: Some("Sanne Vermeulen"),
        expectation: Some(
            "Er komt een klankbordgroep met de bo en de ondernemers. Over het budget en de planning valt niet te onderhandelen; over de inrichting wel.",
        ),
        feedback_due_offset: Some(7),
        feedback: &[
            fb(
                56,
                Channel::Letter,
                false,
                "De klankbordgroep wordt samengesteld. U hoort binnen zes weken wie er zitting in hebben en wanneer de eerste bijeenkomst is.",
                "Sanne Vermeulen",
            ),
            fb(
                10,
                Channel::Email,
                false,
                "De eerste klankbordgroep is gepland; het verslag en de vervolgstappen krijgt u binnen een week na die bijeenkomst.",
                "Sanne Vermeulen",
            ),
        ],
        decline_explanation: None,
    },
    DemoSignal {
        org: BINCKHORST,
        title: S_BOUWVERKEER,
        body: "Vrachtwagens voor de bouwprojecten rijden door de woonstraat in plaats van over de afgesproken route. Er spelen kinderen en de straat is smal.",
        theme: "verkeer",
        neighbourhood: Some("Binckhorst"),
        received_days_ago: 28,
        state: DemoSignalState::InProgress,
        owner: Some("Youssef Amrani"),
        expectation: Some(
            "We spreken de aannemers aan op de afgesproken route en laten het verkeer tellen. Een volledige afsluiting voor vrachtverkeer is niet mogelijk vanwege de bedrijven in de straat.",
        ),
        feedback_due_offset: Some(-3),
        feedback: &[fb(
            14,
            Channel::Email,
            false,
            "De aannemers zijn aangesproken en er is een verkeerstelling gedaan. U hoort binnen tien dagen de uitkomst.",
            "Youssef Amrani",
        )],
        decline_explanation: None,
    },
    DemoSignal {
        org: KORTEBOS,
        title: S_CONTAINER_KAPOT,
        body: "De ondergrondse restafvalcontainer gaat al twee weken niet open. Bewoners zetten hun zakken ernaast.",
        theme: "afval",
        neighbourhood: Some("Kortenbos"),
        received_days_ago: 15,
        state: DemoSignalState::InProgress,
        owner: Some("Peter van Dijk"),
        expectation: Some(
            "De container wordt vervangen; tot die tijd halen we de bijgeplaatste zakken twee keer per week op.",
        ),
        feedback_due_offset: Some(2),
        feedback: &[],
        decline_explanation: None,
    },
    DemoSignal {
        org: WALDECK,
        title: "Speelplek voor jonge kinderen ontbreekt",
        body: "In het noordelijk deel van de wijk is geen speelplek voor kinderen onder de zes. Jonge gezinnen vragen de bo al jaren om een plek.",
        theme: "jeugd",
        neighbourhood: Some("Nieuw Waldeck"),
        received_days_ago: 80,
        state: DemoSignalState::InProgress,
        owner: Some("Kees Mulder"),
        expectation: Some(
            "We zoeken een geschikte plek en budget in het speelruimteplan. Een speelplek binnen dit jaar kunnen we niet beloven.",
        ),
        feedback_due_offset: Some(30),
        feedback: &[fb(
            50,
            Channel::Letter,
            false,
            "Er zijn twee mogelijke plekken gevonden. We bespreken ze met de bo en laten binnen twee maanden weten welke haalbaar is.",
            "Kees Mulder",
        )],
        decline_explanation: None,
    },
    // --- Answered: final feedback given -----------------------------------
    DemoSignal {
        org: ZEEHELDEN,
        title: S_NAMEN,
        body: "Wij willen een overzicht van namen van gemeenteambtenaren: wie doet wat in de wijk. Niet alleen het stadsdeel, maar ook DSO (de gebiedsregisseur) en de andere diensten.",
        theme: "informatievoorziening",
        neighbourhood: None,
        received_days_ago: 40,
        state: DemoSignalState::Answered,
        owner: Some("Linda Jansen"),
        expectation: Some(
            "Voor Centrum maken we direct een lijst; een stadsbreed overzicht hangt af van alle diensten en kost meer tijd.",
        ),
        feedback_due_offset: Some(-8),
        feedback: &[fb(
            10,
            Channel::Email,
            true,
            "Bijgaand een overzicht met de namen van de wijkmanager, de DSO- en DSB-gebiedsregisseur en de wijkagent voor uw wijk. Het stadsbrede overzicht volgt; dat hebben we als toezegging vastgelegd.",
            "Linda Jansen",
        )],
        decline_explanation: None,
    },
    DemoSignal {
        org: STOLKPARK,
        title: "Snoeiafval blijft weken liggen",
        body: "Na de snoeiwerkzaamheden in de Scheveningse Bosjes bleef het snoeiafval weken langs het pad liggen.",
        theme: "groen",
        neighbourhood: Some("Scheveningse Bosjes"),
        received_days_ago: 30,
        state: DemoSignalState::Answered,
        owner: Some("Ingrid Smits"),
        expectation: Some("DSB laat het snoeiafval ophalen en spreekt de aannemer aan."),
        feedback_due_offset: Some(-14),
        feedback: &[fb(
            12,
            Channel::Email,
            true,
            "Het snoeiafval is opgehaald. De aannemer moet voortaan binnen een week na het snoeien opruimen; dat is in het contract vastgelegd.",
            "Ingrid Smits",
        )],
        decline_explanation: None,
    },
    DemoSignal {
        org: SCHEV_DORP,
        title: S_INFOBIJEENKOMST,
        body: "Beleg vaker informatiebijeenkomsten in de wijk zelf, in duidelijke taal, en niet alleen digitaal.",
        theme: "participatie",
        neighbourhood: Some("Oud Scheveningen"),
        received_days_ago: 55,
        state: DemoSignalState::Answered,
        owner: Some("Eva Hendriks"),
        expectation: Some(
            "Het stadsdeel organiseert een informatiebijeenkomst in de wijk over de boulevard. Voor elk project een avond kunnen we niet beloven.",
        ),
        feedback_due_offset: Some(-18),
        feedback: &[
            fb(
                40,
                Channel::Email,
                false,
                "We plannen een informatiebijeenkomst in het buurthuis. De datum hoort u binnen drie weken.",
                "Eva Hendriks",
            ),
            fb(
                20,
                Channel::Meeting,
                true,
                "In het stadsdeeloverleg teruggekoppeld: de informatiebijeenkomst over de boulevard is gehouden, het verslag is gedeeld, en het stadsdeel organiseert voortaan twee keer per jaar een bijeenkomst in de wijk.",
                "Eva Hendriks",
            ),
        ],
        decline_explanation: None,
    },
    DemoSignal {
        org: YPENBURG,
        title: S_GANZEN,
        body: "De grasvelden en speelplekken liggen vol ganzenpoep. Kinderen kunnen er niet meer spelen.",
        theme: "groen",
        neighbourhood: Some("Ypenburg"),
        received_days_ago: 40,
        state: DemoSignalState::Answered,
        owner: Some("Kees Mulder"),
        expectation: Some(
            "Speelplekken worden vaker schoongemaakt. Ganzen verjagen of vangen mag alleen binnen de regels van de provincie.",
        ),
        feedback_due_offset: Some(-12),
        feedback: &[fb(
            8,
            Channel::Phone,
            true,
            "Met de voorzitter besproken: de speelplekken worden wekelijks schoongemaakt en het plan van aanpak voor ganzenbeheer is gedeeld.",
            "Kees Mulder",
        )],
        decline_explanation: None,
    },
    DemoSignal {
        org: BEZUIDENHOUT,
        title: S_TERUGKOPPELING,
        body: "Maak een afspraak over terugkoppeling op een vraag: wanneer horen we iets, en van wie? Nu blijft het vaak stil.",
        theme: "communicatie",
        neighbourhood: None,
        received_days_ago: 50,
        state: DemoSignalState::Answered,
        owner: Some("Fatma Yilmaz"),
        expectation: Some(
            "Het stadsdeel noemt bij elke vraag een datum waarop u antwoord krijgt, ook als het antwoord dan nog niet compleet is.",
        ),
        feedback_due_offset: Some(-15),
        feedback: &[fb(
            16,
            Channel::Email,
            true,
            "Afgesproken: op elke vraag van het wijkberaad krijgt u binnen twee weken een antwoord of een datum waarop het antwoord komt, met de naam van wie het oppakt.",
            "Fatma Yilmaz",
        )],
        decline_explanation: None,
    },
    DemoSignal {
        org: PARAPLU,
        title: "Vocht en schimmel in portiekwoningen",
        body: "Huurders in de portiekflats klagen over vocht en schimmel. Ze weten niet bij wie ze terecht kunnen en durven niet te klagen.",
        theme: "wonen",
        neighbourhood: Some("Schilderswijk"),
        received_days_ago: 26,
        state: DemoSignalState::Answered,
        owner: Some("Wouter Schouten"),
        expectation: Some(
            "De woningcorporatie inspecteert de portieken. Individuele klachten moeten huurders zelf melden; de bo kan hen daarbij helpen.",
        ),
        feedback_due_offset: Some(-5),
        feedback: &[fb(
            6,
            Channel::Phone,
            true,
            "De portieken zijn geïnspecteerd; in twaalf woningen wordt de ventilatie verbeterd. Huurders krijgen een brief met een vast telefoonnummer voor klachten.",
            "Wouter Schouten",
        )],
        decline_explanation: None,
    },
    // --- Closed -------------------------------------------------------------
    DemoSignal {
        org: HOFKWARTIER,
        title: "Kapotte straatverlichting in de steeg",
        body: "In de steeg achter de winkels is de verlichting al weken kapot. 's Avonds is het er pikdonker.",
        theme: "veiligheid",
        neighbourhood: Some("Hofkwartier"),
        received_days_ago: 90,
        state: DemoSignalState::Closed,
        owner: Some("Peter van Dijk"),
        expectation: Some("De lampen worden binnen twee weken vervangen."),
        feedback_due_offset: Some(-76),
        feedback: &[
            fb(
                85,
                Channel::Phone,
                false,
                "De melding is doorgezet naar de aannemer; u hoort binnen tien dagen wanneer de lampen zijn vervangen.",
                "Peter van Dijk",
            ),
            fb(
                72,
                Channel::Email,
                true,
                "De verlichting in de steeg is hersteld. Excuses dat het langer duurde dan afgesproken.",
                "Peter van Dijk",
            ),
        ],
        decline_explanation: None,
    },
    DemoSignal {
        org: LEIDSCHENVEEN,
        title: "Tijdig informeren over afsluiting van de hoofdweg",
        body: "De hoofdweg werd afgesloten zonder dat bewoners of de bo het wisten. Tijdige communicatie en tijdig handelen, graag.",
        theme: "verkeer",
        neighbourhood: Some("Leidschenveen"),
        received_days_ago: 120,
        state: DemoSignalState::Closed,
        owner: Some("Marloes de Wit"),
        expectation: Some("Voortaan krijgt de bo afsluitingen minstens vier weken vooraf door."),
        feedback_due_offset: Some(-106),
        feedback: &[fb(
            108,
            Channel::Email,
            true,
            "Excuses: de bewonersbrief is te laat verstuurd. Afsluitingen worden voortaan vier weken vooraf gemeld aan de bo en in de wijkmedia.",
            "Marloes de Wit",
        )],
        decline_explanation: None,
    },
    DemoSignal {
        org: BOUWLUST,
        title: S_GROFVUIL,
        body: "Naast de containers staat steeds grofvuil: matrassen, kasten, bankstellen.",
        theme: "afval",
        neighbourhood: Some("Bouwlust"),
        received_days_ago: 75,
        state: DemoSignalState::Closed,
        owner: Some("Rachid Bouzid"),
        expectation: Some(
            "We ruimen op en zetten handhaving in; de ophaaldienst voor grofvuil maken we bekend via de bo.",
        ),
        feedback_due_offset: Some(-61),
        feedback: &[fb(
            63,
            Channel::Letter,
            true,
            "Het grofvuil is opgeruimd en handhaving controleert extra. Een folder over de gratis ophaaldienst ligt bij de bo.",
            "Rachid Bouzid",
        )],
        decline_explanation: None,
    },
    DemoSignal {
        org: OUDE_CENTRUM,
        title: "Weesfietsen en overvolle fietsenrekken",
        body: "De fietsenrekken staan vol met fietsen die er al maanden staan. Bewoners en bezoekers zetten hun fiets daardoor op de stoep.",
        theme: "openbare-ruimte",
        neighbourhood: Some("Oude Centrum"),
        received_days_ago: 100,
        state: DemoSignalState::Closed,
        owner: Some("Peter van Dijk"),
        expectation: Some("Weesfietsen worden gelabeld en na vier weken verwijderd."),
        feedback_due_offset: Some(-86),
        feedback: &[fb(
            80,
            Channel::Email,
            true,
            "Er zijn 64 weesfietsen gelabeld en verwijderd. In het voorjaar volgt een nieuwe ronde.",
            "Peter van Dijk",
        )],
        decline_explanation: None,
    },
    DemoSignal {
        org: LOOSDUINEN,
        title: S_KIJKDUIN,
        body: "Laat bewoners deelnemen in een klankbordgroep bij de herinrichting van Kijkduin, en neem de uitkomsten serieus.",
        theme: "participatie",
        neighbourhood: Some("Kijkduin"),
        received_days_ago: 200,
        state: DemoSignalState::Closed,
        owner: Some("Marloes de Wit"),
        expectation: Some(
            "Er komt een klankbordgroep met twee plaatsen voor de commissie. Het programma van eisen ligt vast; de inrichting van het plein niet.",
        ),
        feedback_due_offset: Some(-150),
        feedback: &[
            fb(
                188,
                Channel::Letter,
                false,
                "De klankbordgroep wordt opgezet; u hoort binnen zes weken wanneer hij begint.",
                "Marloes de Wit",
            ),
            fb(
                152,
                Channel::Meeting,
                true,
                "In de klankbordgroep toegelicht wat er met de inbreng van bewoners is gedaan: drie van de vier voorstellen zitten in het ontwerp; het vierde past niet binnen het budget.",
                "Marloes de Wit",
            ),
        ],
        decline_explanation: None,
    },
    DemoSignal {
        org: HYACINT,
        title: S_EENZAAM_HYACINT,
        body: "De bo ziet dat steeds meer buurtbewoners alleen zijn, maar weet niet hoe ze hen kan helpen zonder zich op te dringen.",
        theme: "eenzaamheid",
        neighbourhood: Some("Bloemenbuurt-Oost"),
        received_days_ago: 110,
        state: DemoSignalState::Closed,
        owner: Some("Samira Ouali"),
        expectation: Some(
            "Het ouderenwerk gaat samen met de bo op huisbezoek; de bo signaleert, het ouderenwerk zorgt voor hulp.",
        ),
        feedback_due_offset: Some(-96),
        feedback: &[fb(
            90,
            Channel::Meeting,
            true,
            "Samen met twee vrijwilligers van de bo zijn 25 huisbezoeken gedaan; acht bewoners doen nu mee aan de wekelijkse koffieochtend.",
            "Samira Ouali",
        )],
        decline_explanation: None,
    },
    // --- Declined: what can and cannot be done, and why -----------------------
    DemoSignal {
        org: MARLOT,
        title: S_GRASVELD,
        body: "Bewoners vragen om het grasveld aan de rand van de wijk om te bouwen tot parkeerplaatsen.",
        theme: "parkeren",
        neighbourhood: Some("Marlot"),
        received_days_ago: 40,
        state: DemoSignalState::Declined,
        owner: Some("Gert-Jan Hoekstra"),
        expectation: Some(
            "We bekijken het verzoek aan de hand van het bestemmingsplan en het parkeeronderzoek.",
        ),
        feedback_due_offset: Some(-26),
        feedback: &[fb(
            20,
            Channel::Email,
            true,
            "Wat niet kan: het grasveld heeft een groenbestemming en wordt niet omgebouwd tot parkeerplaatsen, omdat de gemeente groen in de wijk wil behouden. Wat wel kan: het parkeeronderzoek van dit jaar neemt Marlot mee, en de uitkomsten bespreken we met de vereniging.",
            "Gert-Jan Hoekstra",
        )],
        decline_explanation: Some(
            "Wat niet kan: het grasveld heeft een groenbestemming en wordt niet omgebouwd tot parkeerplaatsen, omdat de gemeente groen in de wijk wil behouden. Wat wel kan: het parkeeronderzoek van dit jaar neemt Marlot mee, en de uitkomsten bespreken we met de vereniging.",
        ),
    },
    DemoSignal {
        org: ARCHIPEL,
        title: "Wijkagent bij elke bewonersvergadering",
        body: "De bo wil dat de wijkagent bij elke maandelijkse bewonersvergadering aanwezig is.",
        theme: "veiligheid",
        neighbourhood: None,
        received_days_ago: 30,
        state: DemoSignalState::Declined,
        owner: Some("Linda Jansen"),
        expectation: None,
        feedback_due_offset: Some(-16),
        feedback: &[fb(
            17,
            Channel::Email,
            true,
            "Wat niet kan: de wijkagent kan niet bij elke vergadering zijn; de politie bepaalt zelf de inzet en de capaciteit is beperkt. Wat wel kan: de wijkagent schuift twee keer per jaar aan en is tussendoor bereikbaar via het stadsdeel.",
            "Linda Jansen",
        )],
        decline_explanation: Some(
            "Wat niet kan: de wijkagent kan niet bij elke vergadering zijn; de politie bepaalt zelf de inzet en de capaciteit is beperkt. Wat wel kan: de wijkagent schuift twee keer per jaar aan en is tussendoor bereikbaar via het stadsdeel.",
        ),
    },
    DemoSignal {
        org: KORTEBOS,
        title: "Gemeente drukt en bezorgt de wijkkrant",
        body: "Het bestuur heeft te weinig vrijwilligers om de wijkkrant te laten drukken en rond te brengen. Kan de gemeente dat overnemen?",
        theme: "informatievoorziening",
        neighbourhood: Some("Kortenbos"),
        received_days_ago: 45,
        state: DemoSignalState::Declined,
        owner: Some("Noor van Beek"),
        expectation: None,
        feedback_due_offset: Some(-31),
        feedback: &[fb(
            33,
            Channel::Email,
            true,
            "Wat niet kan: de gemeente drukt en bezorgt geen wijkkranten van bewonersorganisaties; dan zou de gemeente bepalen wat erin staat en dat willen we niet. Wat wel kan: de bo kan de kosten vergoed krijgen uit het budget voor bewonersorganisaties, en het stadsdeel plaatst berichten van de bo op de eigen wijkpagina.",
            "Noor van Beek",
        )],
        decline_explanation: Some(
            "Wat niet kan: de gemeente drukt en bezorgt geen wijkkranten van bewonersorganisaties; dan zou de gemeente bepalen wat erin staat en dat willen we niet. Wat wel kan: de bo kan de kosten vergoed krijgen uit het budget voor bewonersorganisaties, en het stadsdeel plaatst berichten van de bo op de eigen wijkpagina.",
        ),
    },
];

// ---------------------------------------------------------------------------
// Commitments (toezeggingen)

pub const COMMITMENTS: &[DemoCommitment] = &[
    DemoCommitment {
        org: ZEEHELDEN,
        text: "Minimaal 2x per jaar overleg met de stadsdeeldirecteur",
        owner: "Monique de Graaf",
        due_offset: 40,
        state: DemoCommitmentState::Open,
        signal_title: None,
        meeting: Some(M_OKTOBER),
        moves: &[DemoMove {
            from_offset: -20,
            to_offset: 40,
            reason: "Nieuwe stadsdeeldirecteur aangetreden; het eerste overleg volgt na de inwerkperiode.",
        }],
        acknowledgement: None,
        reason: None,
        resolved_offset: None,
    },
    DemoCommitment {
        org: ZEEHELDEN,
        text: "Overzicht van namen: wie doet wat in de wijk",
        owner: "Noor van Beek",
        due_offset: -9,
        state: DemoCommitmentState::Open,
        signal_title: Some(S_NAMEN),
        meeting: None,
        moves: &[
            DemoMove {
                from_offset: -45,
                to_offset: -23,
                reason: "Nog niet alle diensten hebben hun contactpersonen aangeleverd.",
            },
            DemoMove {
                from_offset: -23,
                to_offset: -9,
                reason: "DSB herziet de gebiedsindeling; de namen zijn pas daarna definitief.",
            },
        ],
        acknowledgement: None,
        reason: None,
        resolved_offset: None,
    },
    DemoCommitment {
        org: ZEEHELDEN,
        text: "Bewonersbrieven twee weken eerder delen met de bo en het stadsdeel",
        owner: "Jeroen Bakker",
        due_offset: 5,
        state: DemoCommitmentState::Open,
        signal_title: Some(S_BRIEVEN),
        meeting: None,
        moves: &[],
        acknowledgement: None,
        reason: None,
        resolved_offset: None,
    },
    DemoCommitment {
        org: BUURTSTATION,
        text: "Infographic gemeentelijke organisatie",
        owner: "Lotte Meijer",
        due_offset: -3,
        state: DemoCommitmentState::Open,
        signal_title: None,
        meeting: Some(M_OKTOBER),
        moves: &[DemoMove {
            from_offset: -60,
            to_offset: -3,
            reason: "Eerste versie getest met twee bo's; de teksten worden begrijpelijker gemaakt.",
        }],
        acknowledgement: None,
        reason: None,
        resolved_offset: None,
    },
    DemoCommitment {
        org: STATENKWARTIER,
        text: "Planning bewonersorganisatiebijeenkomsten voor het komende jaar",
        owner: "Noor van Beek",
        due_offset: 20,
        state: DemoCommitmentState::Open,
        signal_title: None,
        meeting: None,
        moves: &[],
        acknowledgement: None,
        reason: None,
        resolved_offset: None,
    },
    DemoCommitment {
        org: BEZUIDENHOUT,
        text: "Op elke vraag binnen twee weken antwoord of een datum",
        owner: "Fatma Yilmaz",
        due_offset: -30,
        state: DemoCommitmentState::KeptOnTime,
        signal_title: Some(S_TERUGKOPPELING),
        meeting: None,
        moves: &[],
        acknowledgement: None,
        reason: None,
        resolved_offset: Some(-32),
    },
    DemoCommitment {
        org: SCHEV_DORP,
        text: "Informatiebijeenkomst in de wijk over de drukte op de boulevard",
        owner: "Eva Hendriks",
        due_offset: -22,
        state: DemoCommitmentState::KeptOnTime,
        signal_title: Some(S_INFOBIJEENKOMST),
        meeting: None,
        moves: &[],
        acknowledgement: None,
        reason: None,
        resolved_offset: Some(-24),
    },
    DemoCommitment {
        org: BOUWLUST,
        text: "Extra lediging van de ondergrondse containers in de zomer",
        owner: "Rachid Bouzid",
        due_offset: -40,
        state: DemoCommitmentState::Broken,
        signal_title: Some(S_GROFVUIL),
        meeting: None,
        moves: &[],
        acknowledgement: Some(
            "De extra lediging is nooit ingepland: de opdracht is niet bij de inzameldienst aangekomen en niemand heeft dat gecontroleerd. Voortaan bevestigt de inzameldienst elke extra opdracht schriftelijk en controleert de gebiedsregisseur een week vooraf of die in de planning staat.",
        ),
        reason: None,
        resolved_offset: Some(-35),
    },
    DemoCommitment {
        org: KORTEBOS,
        text: "Kapotte container binnen vijf werkdagen vervangen",
        owner: "Peter van Dijk",
        due_offset: -2,
        state: DemoCommitmentState::Open,
        signal_title: Some(S_CONTAINER_KAPOT),
        meeting: None,
        moves: &[],
        acknowledgement: None,
        reason: None,
        resolved_offset: None,
    },
    DemoCommitment {
        org: MARLOT,
        text: "Uitkomsten parkeeronderzoek delen met de vereniging",
        owner: "Gert-Jan Hoekstra",
        due_offset: 45,
        state: DemoCommitmentState::Open,
        signal_title: Some(S_GRASVELD),
        meeting: None,
        moves: &[],
        acknowledgement: None,
        reason: None,
        resolved_offset: None,
    },
    DemoCommitment {
        org: HAVENKWARTIER,
        text: "Extra afvalbakken op de kade plaatsen",
        owner: "Ingrid Smits",
        due_offset: 10,
        state: DemoCommitmentState::Withdrawn,
        signal_title: Some(S_MEEUWEN),
        meeting: None,
        moves: &[],
        acknowledgement: None,
        reason: Some(
            "De kade is geen gemeentegrond; plaatsing gaat via de beheerder van de haven. Het verzoek is doorgezet en de bo is daarover geïnformeerd.",
        ),
        resolved_offset: Some(-3),
    },
    DemoCommitment {
        org: BEZUIDENHOUT,
        text: "Verslag van het overleg binnen twee weken delen",
        owner: "Fatma Yilmaz",
        due_offset: 26,
        state: DemoCommitmentState::Open,
        signal_title: None,
        meeting: Some(M_BEZUIDENHOUT),
        moves: &[],
        acknowledgement: None,
        reason: None,
        resolved_offset: None,
    },
    DemoCommitment {
        org: YPENBURG,
        text: "Plan van aanpak ganzenoverlast delen",
        owner: "Kees Mulder",
        due_offset: -20,
        state: DemoCommitmentState::KeptLate,
        signal_title: Some(S_GANZEN),
        meeting: None,
        moves: &[],
        acknowledgement: None,
        reason: None,
        resolved_offset: Some(-8),
    },
    DemoCommitment {
        org: VROONDAAL,
        text: "Bouwplannen op één webpagina met contactpersoon",
        owner: "Bart Kok",
        due_offset: 9,
        state: DemoCommitmentState::Open,
        signal_title: Some(S_BOUWPLANNEN),
        meeting: None,
        moves: &[DemoMove {
            from_offset: -1,
            to_offset: 9,
            reason: "De webredactie heeft pas volgende week ruimte.",
        }],
        acknowledgement: None,
        reason: None,
        resolved_offset: None,
    },
    DemoCommitment {
        org: HYACINT,
        text: "Huisbezoeken bij alleenwonende ouderen samen met de bo",
        owner: "Samira Ouali",
        due_offset: -100,
        state: DemoCommitmentState::KeptOnTime,
        signal_title: Some(S_EENZAAM_HYACINT),
        meeting: None,
        moves: &[],
        acknowledgement: None,
        reason: None,
        resolved_offset: Some(-104),
    },
    DemoCommitment {
        org: STATENKWARTIER,
        text: "Contactgegevens van de wijkmanager op de website van de bo",
        owner: "Eva Hendriks",
        due_offset: 3,
        state: DemoCommitmentState::Open,
        signal_title: None,
        meeting: None,
        moves: &[],
        acknowledgement: None,
        reason: None,
        resolved_offset: None,
    },
    DemoCommitment {
        org: LOOSDUINEN,
        text: "Klankbordgroep herinrichting Kijkduin starten",
        owner: "Marloes de Wit",
        due_offset: -180,
        state: DemoCommitmentState::KeptLate,
        signal_title: Some(S_KIJKDUIN),
        meeting: None,
        moves: &[DemoMove {
            from_offset: -190,
            to_offset: -180,
            reason: "De werving van leden voor de klankbordgroep duurde langer dan gepland.",
        }],
        acknowledgement: None,
        reason: None,
        resolved_offset: Some(-170),
    },
];

// ---------------------------------------------------------------------------
// Actions (internal tasks)

pub const ACTIONS: &[DemoAction] = &[
    DemoAction {
        text: "Namen en rollen van DSO- en DSB-gebiedsregisseurs opvragen",
        owner: "Noor van Beek",
        due_offset: -15,
        state: DemoActionState::Done,
        signal_title: Some(S_NAMEN),
        meeting: None,
    },
    DemoAction {
        text: "Contactgegevens wijkagenten per stadsdeel aan het namenoverzicht toevoegen",
        owner: "Eva Hendriks",
        due_offset: 1,
        state: DemoActionState::Open,
        signal_title: Some(S_NAMEN),
        meeting: None,
    },
    DemoAction {
        text: "Overzicht geplande bewonersbrieven bij DSO opvragen",
        owner: "Jeroen Bakker",
        due_offset: 2,
        state: DemoActionState::Open,
        signal_title: Some(S_BRIEVEN),
        meeting: None,
    },
    DemoAction {
        text: "Schouw met de bo plannen",
        owner: "Ingrid Smits",
        due_offset: 4,
        state: DemoActionState::Open,
        signal_title: Some(S_GROEN_DUINOORD),
        meeting: None,
    },
    DemoAction {
        text: "Netbeheerder bellen over de storing in de parkverlichting",
        owner: "Ingrid Smits",
        due_offset: -5,
        state: DemoActionState::Open,
        signal_title: Some(S_PARKVERLICHTING),
        meeting: None,
    },
    DemoAction {
        text: "Agenda en stukken rondsturen",
        owner: "Fatma Yilmaz",
        due_offset: 7,
        state: DemoActionState::Open,
        signal_title: None,
        meeting: Some(M_BEZUIDENHOUT),
    },
    DemoAction {
        text: "Zaal reserveren in het wijkcentrum",
        owner: "Linda Jansen",
        due_offset: -2,
        state: DemoActionState::Done,
        signal_title: None,
        meeting: Some(M_CENTRUM),
    },
    DemoAction {
        text: "Verslag opstellen en delen met alle bo's in Scheveningen",
        owner: "Eva Hendriks",
        due_offset: -6,
        state: DemoActionState::Done,
        signal_title: None,
        meeting: Some(M_SCHEVENINGEN),
    },
    DemoAction {
        text: "Welkomstfolder van de bo met post voor nieuwe bewoners: juridisch laten toetsen",
        owner: "Lotte Meijer",
        due_offset: 10,
        state: DemoActionState::Open,
        signal_title: Some(S_AVG),
        meeting: None,
    },
    DemoAction {
        text: "Tijdelijke ontmoetingsplek voor ouderen inventariseren",
        owner: "Hanneke Brouwer",
        due_offset: 6,
        state: DemoActionState::Open,
        signal_title: Some(S_EENZAAM_LV),
        meeting: None,
    },
    DemoAction {
        text: "Verkeerstelling bouwverkeer aanvragen",
        owner: "Youssef Amrani",
        due_offset: -16,
        state: DemoActionState::Done,
        signal_title: Some(S_BOUWVERKEER),
        meeting: None,
    },
    DemoAction {
        text: "Tweede informatieavond over Kijkduin organiseren",
        owner: "Marloes de Wit",
        due_offset: -160,
        state: DemoActionState::Cancelled,
        signal_title: Some(S_KIJKDUIN),
        meeting: None,
    },
    DemoAction {
        text: "Wijkberaad Kraayenstein uitnodigen voor een nieuw overleg",
        owner: "Bart Kok",
        due_offset: -30,
        state: DemoActionState::Open,
        signal_title: None,
        meeting: Some(M_KRAAYENSTEIN),
    },
];

// ---------------------------------------------------------------------------
// Meetings

const fn m(agenda_index: usize, line: &'static str) -> DemoMinute {
    DemoMinute { agenda_index, line }
}

pub const MEETINGS: &[DemoMeeting] = &[
    // Seed 000: thematafel on 17 April 2024. The report gives no time or place;
    // the start time and location here are assumed.
    DemoMeeting {
        title: M_APRIL,
        kind: "inspiratiebijeenkomst",
        start: DemoWhen::Absolute("2024-04-17T19:30"),
        end_time: Some("22:00"),
        location: "Stadhuis Den Haag, Spui 70",
        district: None,
        status: DemoMeetingStatus::Final,
        orgs: &[
            BUURTSTATION,
            ZEEHELDEN,
            PARAPLU,
            HOFKWARTIER,
            ARCHIPEL,
            OUDE_CENTRUM,
            KORTEBOS,
            BOUWLUST,
            BEZUIDENHOUT,
            MARLOT,
            BINCKHORST,
            LEIDSCHENVEEN,
            YPENBURG,
            KRAAYENSTEIN,
            VROONDAAL,
            LOOSDUINEN,
            WALDECK,
            HAVENKWARTIER,
            STATENKWARTIER,
            DUINOORD,
            SCHEV_DORP,
            DUTTENDEL,
            STOLKPARK,
            ZORGVLIET,
            HYACINT,
            DPZ,
            BSD,
        ],
        attended: &[
            ZEEHELDEN,
            PARAPLU,
            ARCHIPEL,
            OUDE_CENTRUM,
            BOUWLUST,
            BEZUIDENHOUT,
            MARLOT,
            LEIDSCHENVEEN,
            YPENBURG,
            LOOSDUINEN,
            STATENKWARTIER,
            DUINOORD,
            SCHEV_DORP,
            DUTTENDEL,
            HYACINT,
            DPZ,
            BSD,
        ],
        chair: Some("Lotte Meijer"),
        minute_taker: Some("Noor van Beek"),
        agenda: &[
            "Opening: informatievoorziening en samenwerking vanuit de gemeente",
            "Communicatie",
            "Samenwerking",
            "Participatie",
            "Tips: hoe neem je bewoners mee",
            "Afsluiting en vervolg",
        ],
        minutes: &[
            m(
                0,
                "Twee gespreksrondes tussen bewonersorganisaties en stadsdelen: hoe komen we van de huidige naar de gewenste situatie?",
            ),
            m(
                0,
                "De punten zijn geclusterd in drie overkoepelende thema's: communicatie, samenwerking en participatie.",
            ),
            m(
                1,
                "Wederzijds transparante en duidelijke communicatie #communicatie",
            ),
            m(
                1,
                "Tijdige communicatie en tijdig handelen; vroeg, tijdig, duidelijk, veel en open communiceren.",
            ),
            m(
                1,
                "Bewonersbrieven eerder delen met bewoners en bewonersorganisaties, maar ook met de stadsdelen #informatievoorziening",
            ),
            m(
                1,
                "Regulier contact met het stadsdeel: minimaal 2x per jaar met de stadsdeeldirecteur om de tafel.",
            ),
            m(
                1,
                "Q: Wie bepaalt wanneer een bewonersbrief verstuurd wordt, en kan het stadsdeel die vooraf inzien? #informatievoorziening",
            ),
            m(
                2,
                "Meer gelijkwaardigheid: bo's niet alleen zien als vrijwilliger maar als semi-professionals die weten wat er in hun wijk speelt.",
            ),
            m(
                2,
                "Zorg wederzijds voor korte lijntjes; dat zorgt voor goede samenwerking tussen bewonersorganisaties en stadsdelen.",
            ),
            m(
                2,
                "Ambtenaren van andere diensten geregeld laten aanschuiven; dit gebeurt nu al in sommige stadsdelen, bijvoorbeeld Leidschenveen-Ypenburg.",
            ),
            m(
                2,
                "Bewoners laten deelnemen in klankbordgroepen, zoals in Loosduinen bij de herinrichting van Kijkduin org:Loosduinen #participatie",
            ),
            m(
                2,
                "Een overzicht van namen van gemeenteambtenaren: wie doet wat in de wijk of het stadsdeel, niet alleen het stadsdeel maar ook DSO (de gebiedsregisseur) en andere diensten.",
            ),
            m(2, "Sparringpartner van elkaar zijn; wederzijds begrip."),
            m(
                2,
                "Q: Kan er een overzicht komen van contactpersonen per dienst en per stadsdeel? @DPZ #informatievoorziening",
            ),
            m(
                3,
                "Zorg voor duidelijk verwachtingsmanagement: wat kan wel en wat kan niet, en leg uit waarom #participatie",
            ),
            m(
                3,
                "Erken als iets fout gaat en geef aan hoe dit in de toekomst voorkomen kan worden.",
            ),
            m(
                3,
                "Projecten en processen evalueren en iedereen daarbij betrekken en meenemen.",
            ),
            m(
                3,
                "Practice what you preach: als de gemeente participatie en inspraak belangrijk vindt, neem dan ook de uitkomsten serieus en doe er wat mee.",
            ),
            m(
                3,
                "Q: Hoe hoort een bo terug wat er met haar inbreng is gedaan? #participatie",
            ),
            m(4, "Tijdig informeren."),
            m(
                4,
                "Duidelijke taal: niet te veel vaktaal en niet te wollig; maak begrijpelijke samenvattingen.",
            ),
            m(
                4,
                "Beleg informatiebijeenkomsten in de wijk en treed gezamenlijk op.",
            ),
            m(
                5,
                "D: Vaker (inspiratie)bijeenkomsten tussen stadsdelen en bewonersorganisaties beleggen; de volgende in het najaar.",
            ),
            m(
                5,
                "D: De opbrengst van de thematafel wordt in de volgende bijeenkomst uitgediept aan de hand van vijf subthema's.",
            ),
            m(
                5,
                "D: Het verslag van de thematafel gaat naar alle bewonersorganisaties en stadsdelen.",
            ),
        ],
    },
    // Seed 001: impressieverslag of 16 October 2024 at Het Koorenhuis.
    DemoMeeting {
        title: M_OKTOBER,
        kind: "inspiratiebijeenkomst",
        start: DemoWhen::Absolute("2024-10-16T19:30"),
        end_time: Some("22:30"),
        location: "Het Koorenhuis",
        district: None,
        status: DemoMeetingStatus::Final,
        orgs: &[
            BUURTSTATION,
            ZEEHELDEN,
            PARAPLU,
            HOFKWARTIER,
            ARCHIPEL,
            OUDE_CENTRUM,
            KORTEBOS,
            BOUWLUST,
            BEZUIDENHOUT,
            MARLOT,
            BINCKHORST,
            LEIDSCHENVEEN,
            YPENBURG,
            KRAAYENSTEIN,
            VROONDAAL,
            LOOSDUINEN,
            WALDECK,
            HAVENKWARTIER,
            STATENKWARTIER,
            DUINOORD,
            SCHEV_DORP,
            DUTTENDEL,
            STOLKPARK,
            ZORGVLIET,
            HYACINT,
            DPZ,
            DSO,
            DSB,
            BSD,
            SZW,
            OCW,
        ],
        attended: &[
            BUURTSTATION,
            ZEEHELDEN,
            PARAPLU,
            HOFKWARTIER,
            ARCHIPEL,
            OUDE_CENTRUM,
            BOUWLUST,
            BEZUIDENHOUT,
            YPENBURG,
            LOOSDUINEN,
            WALDECK,
            HAVENKWARTIER,
            STATENKWARTIER,
            DUINOORD,
            SCHEV_DORP,
            DUTTENDEL,
            ZORGVLIET,
            HYACINT,
            DPZ,
            DSO,
            DSB,
            BSD,
            SZW,
            OCW,
        ],
        chair: Some("Noor van Beek"),
        minute_taker: Some("Lotte Meijer"),
        agenda: &[
            "Inloop, ontvangst en opening met videoboodschap van de wethouder",
            "Zaal blauw",
            "Zaal geel",
            "Zaal roze",
            "Zaal groen",
            "Opbrengsten en afsluiting",
        ],
        minutes: &[
            m(
                0,
                "Navolging van de bijeenkomst van 17 april over samenwerking met en informatievoorziening vanuit de gemeente.",
            ),
            m(
                0,
                "Vijf subthema's: communicatie, participatie, transparantie, samenwerken bewonersorganisaties en gemeente, en wederzijdse verwachtingen.",
            ),
            m(
                0,
                "We lossen vanavond niet alles op; dit is de eerste stap in een gezamenlijk verbetertraject.",
            ),
            m(
                1,
                "Creëren van een workshop over of infographic van de gemeentelijke organisatie #informatievoorziening",
            ),
            m(
                1,
                "Gelijkwaardig samenwerken tussen bewonersorganisaties en de diensten van de gemeente.",
            ),
            m(
                1,
                "Inzetten op transparante communicatie, tijdig terugkoppelen en duidelijkheid over wederzijdse verwachtingen #communicatie",
            ),
            m(
                1,
                "Verbeteren van de onderlinge communicatie tussen diensten van de gemeente.",
            ),
            m(
                1,
                "DSO-gebiedsregisseur en DSB-gebiedsregisseur als eerste contactpersoon voor de bo.",
            ),
            m(
                1,
                "Tip: beginnende bo's ondersteunen, bijvoorbeeld met een workshop over de gemeentelijke organisatie.",
            ),
            m(
                1,
                "Afspraak maken over terugkoppeling op een vraag; verwachtingen wederzijds uitspreken, ook gezien de rol die de bo heeft.",
            ),
            m(
                1,
                "Q: Kan de gemeente wijkfestivals vaker koppelen aan de bo? #participatie",
            ),
            m(
                2,
                "Pas op dat vrijwilligers niet overvraagd worden: 'participatiemoe' #participatie",
            ),
            m(
                2,
                "Gemeente, neem bewonersorganisaties serieus: 'afspraak is afspraak'.",
            ),
            m(
                2,
                "Maak een planning voor bewonersorganisatiebijeenkomsten.",
            ),
            m(
                2,
                "Behoefte aan een structureel overleg tussen bewonersorganisaties, het stadsdeel en de (stadsdeel)wethouder.",
            ),
            m(2, "Laten we meer gebruikmaken van wijkmedia #communicatie"),
            m(
                3,
                "Overkoepelend samenwerken aan thema's op de wijkagenda en in de wijkuitvoeringsplannen; bo's hebben een signaalfunctie, bijvoorbeeld bij sociale eenzaamheid #eenzaamheid",
            ),
            m(
                3,
                "Hoe kan de samenwerking tussen het stadsdeel en de diensten van de gemeente verbeterd worden? Idee: 'accountmanagers' aan beide kanten.",
            ),
            m(
                3,
                "Bewonersorganisaties worden overvraagd en hebben behoefte aan resultaat; stroperigheid werkt demotiverend.",
            ),
            m(
                3,
                "AVG bemoeilijkt het contact tussen bewonersorganisaties en (nieuwe) bewoners; denk aan wijkmedia en digitale enquêtetools #participatie",
            ),
            m(
                3,
                "Q: Hoe kan een bo nieuwe bewoners bereiken zonder hun adresgegevens? #participatie",
            ),
            m(
                4,
                "Weinig bo's in deze zaal vanwege andere bijeenkomsten en verplichtingen: je kunt niet aan alles tegelijk deelnemen.",
            ),
            m(
                4,
                "Het merendeel van de aanbevelingen en verbeterpunten uit het rapport van Radar Advies heeft betrekking op de gemeente, niet op de bo's.",
            ),
            m(
                4,
                "Een uniforme visie op het communicatieproces ontbreekt; liever structurele contacten en posities dan projectmatig werken.",
            ),
            m(
                4,
                "Behoefte aan een platform waar bo's, gemeente, politie en welzijnsorganisaties periodiek samenkomen, zoals het GSBO in Scheveningen.",
            ),
            m(
                4,
                "Bij wie moet je zijn? Vaak onduidelijk: behoefte aan één centraal aanspreekpunt voor bo's vanuit het stadsdeel en bij de diensten #communicatie",
            ),
            m(
                4,
                "Een aanjager vanuit de gemeente die stadsdeeloverstijgend kan werken en beslissen.",
            ),
            m(
                4,
                "Q: Hoe kan het stadsdeel helpen als een bo zelf een leefbaarheidsoverleg organiseert? #participatie",
            ),
            m(
                5,
                "D: De highlights van de vier zalen worden gebundeld in een impressieverslag voor alle deelnemers.",
            ),
            m(
                5,
                "D: Gemeente en bo's werken de opbrengsten uit in een gezamenlijk verbetertraject.",
            ),
            m(
                5,
                "D: Er komt een planning voor de bewonersorganisatiebijeenkomsten.",
            ),
            m(
                5,
                "Q: Wanneer krijgen de bo's een overzicht van namen: wie doet wat in de wijk? @BSD #informatievoorziening",
            ),
            m(5, "Dank voor uw deelname; afsluiting met een borrel."),
        ],
    },
    // Recent: held, minutes typed but not yet finalised.
    DemoMeeting {
        title: M_SCHEVENINGEN,
        kind: "stadsdeeloverleg",
        start: DemoWhen::Relative {
            days: -20,
            time: "19:30",
        },
        end_time: Some("21:30"),
        location: "Stadsdeelkantoor Scheveningen",
        district: Some("Scheveningen"),
        status: DemoMeetingStatus::Held,
        orgs: &[
            HAVENKWARTIER,
            STATENKWARTIER,
            DUINOORD,
            SCHEV_DORP,
            DUTTENDEL,
            STOLKPARK,
            ZORGVLIET,
            POLITIE,
            WELZIJN,
        ],
        attended: &[
            HAVENKWARTIER,
            STATENKWARTIER,
            DUINOORD,
            SCHEV_DORP,
            DUTTENDEL,
            STOLKPARK,
            ZORGVLIET,
            WELZIJN,
        ],
        chair: Some("Robert van Leeuwen"),
        minute_taker: Some("Eva Hendriks"),
        agenda: &[
            "Opening en mededelingen",
            "Terugblik inspiratiebijeenkomst en vervolg",
            "Boulevard: drukte en parkeren",
            "Afval en groen in de wijk",
            "Rondvraag",
        ],
        minutes: &[
            m(
                0,
                "Welkom door de stadsdeeldirecteur; de wijkagent is met kennisgeving afwezig.",
            ),
            m(
                0,
                "De nieuwe wijkmanager stelt zich voor en is het vaste aanspreekpunt voor alle bo's in het stadsdeel #communicatie",
            ),
            m(
                1,
                "D: Het stadsdeeloverleg wordt voortaan vier keer per jaar gehouden; de stadsdeelwethouder schuift minimaal één keer per jaar aan.",
            ),
            m(
                1,
                "T: Overzicht wie doet wat in Scheveningen met namen van DSO, DSB, politie en welzijn naar alle bo's org:Statenkwartier @demo due:+14d #informatievoorziening",
            ),
            m(
                1,
                "A: Data van de stadsdeeloverleggen voor volgend jaar vastleggen en rondsturen @demo due:+3w",
            ),
            m(
                2,
                "Bewoners melden in het weekend foutparkeren en volle straten rond de boulevard org:Scheveningen #parkeren",
            ),
            m(
                2,
                "T: Uitkomsten parkeeronderzoek boulevard bespreken met de bo org:Scheveningen @ghoekstra due:+6w #parkeren",
            ),
            m(
                2,
                "Q: Kan handhaving in het hoogseizoen vaker 's avonds langskomen? #parkeren",
            ),
            m(
                3,
                "S: Bankjes in het Westbroekpark zijn vernield en niet vervangen org:Duttendel #openbare-ruimte",
            ),
            m(
                3,
                "S: Geen bewonersbrief ontvangen over de kap van bomen in de Scheveningse Bosjes org:Stolkpark #groen",
            ),
            m(
                3,
                "A: Bij DSB navragen wanneer de bewonersbrief over de bomenkap is verstuurd @ismits due:vr #groen",
            ),
            m(
                3,
                "D: De DSB-gebiedsregisseur schuift bij het volgende stadsdeeloverleg aan.",
            ),
            m(
                4,
                "Q: Komt er een platform waar bo's, politie en welzijn periodiek samenkomen, zoals het GSBO? #veiligheid",
            ),
            m(
                4,
                "De bo vraagt of de parkverlichting al is hersteld; antwoord volgt via de DSB-gebiedsregisseur org:Zorgvliet #veiligheid",
            ),
        ],
    },
    DemoMeeting {
        title: M_CENTRUM,
        kind: "wijkoverleg",
        start: DemoWhen::Relative {
            days: 5,
            time: "19:30",
        },
        end_time: Some("21:30"),
        location: "Wijkcentrum Centrum",
        district: Some("Centrum"),
        status: DemoMeetingStatus::Planned,
        orgs: &[
            BUURTSTATION,
            ZEEHELDEN,
            PARAPLU,
            HOFKWARTIER,
            ARCHIPEL,
            OUDE_CENTRUM,
            KORTEBOS,
            POLITIE,
        ],
        attended: &[],
        chair: Some("Linda Jansen"),
        minute_taker: Some("Annelies Bos"),
        agenda: &[
            "Opening en verslag vorig overleg",
            "Bewonersbrieven eerder delen: stand van zaken",
            "Jongerenoverlast rond het station",
            "Wie doet wat in Centrum: het namenoverzicht",
            "Rondvraag",
        ],
        minutes: &[],
    },
    DemoMeeting {
        title: M_BEZUIDENHOUT,
        kind: "bo-overleg",
        start: DemoWhen::Relative {
            days: 12,
            time: "20:00",
        },
        end_time: Some("21:30"),
        location: "Buurthuis Bezuidenhout",
        district: Some("Haagse Hout"),
        status: DemoMeetingStatus::Planned,
        orgs: &[BEZUIDENHOUT],
        attended: &[],
        chair: Some("Margriet Hoogland"),
        minute_taker: Some("Fatma Yilmaz"),
        agenda: &[
            "Opening",
            "Eén centraal aanspreekpunt vanuit het stadsdeel",
            "Terugkoppeling op vragen: hoe gaat het nu?",
            "Gevaarlijke oversteek bij de tramhalte",
            "Rondvraag",
        ],
        minutes: &[],
    },
    // The last meeting with Kraayenstein is long ago: its cadence is overdue.
    DemoMeeting {
        title: M_KRAAYENSTEIN,
        kind: "wijkoverleg",
        start: DemoWhen::Relative {
            days: -300,
            time: "20:00",
        },
        end_time: Some("21:30"),
        location: "Wijkgebouw Kraayenstein",
        district: Some("Loosduinen"),
        status: DemoMeetingStatus::Final,
        orgs: &[KRAAYENSTEIN],
        attended: &[KRAAYENSTEIN],
        chair: Some("Bart Kok"),
        minute_taker: Some("Bart Kok"),
        agenda: &["Kennismaking", "Wat speelt er in Kraayenstein", "Afspraken"],
        minutes: &[
            m(0, "Kennismaking met de wijkmanager Loosduinen."),
            m(
                1,
                "Zorgen over de bereikbaarheid van de winkels tijdens de werkzaamheden #verkeer",
            ),
            m(
                1,
                "Het wijkberaad zoekt nieuwe bestuursleden; vrijwilligers zijn lastig te vinden #participatie",
            ),
            m(
                2,
                "D: Wijkberaad en stadsdeel spreken elkaar minimaal twee keer per jaar.",
            ),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet, HashSet};

    /// The residents' organisations and their stadsdeel, verbatim from seed 001.
    const SEED_001: &[(&str, &str)] = &[
        ("Bewonersorganisatie Buurtstation", "Centrum"),
        ("Bewonersorganisatie Zeeheldenkwartier", "Centrum"),
        ("Bewonersorganisatie de Paraplu", "Centrum"),
        ("Bewonersvereniging Hofkwartier", "Centrum"),
        ("Bewonersorganisatie Archipel-Willemspark", "Centrum"),
        ("Wijkorganisatie Het Oude Centrum", "Centrum"),
        ("Wijkorganisatie Kortebos", "Centrum"),
        ("Bewonersorganisatie Bouwlust Vrederust", "Escamp"),
        ("Wijkberaad Bezuidenhout", "Haagse Hout"),
        ("Vereniging Marlot", "Haagse Hout"),
        ("Bewonersorganisatie Binckhorst", "Laak"),
        (
            "Bewonersorganisatie Leidschenveen",
            "Leidschenveen-Ypenburg",
        ),
        ("Bewonersplatform Ypenburg", "Leidschenveen-Ypenburg"),
        ("Wijkberaad Kraayenstein", "Loosduinen"),
        ("Wijkberaad Vroondaal", "Loosduinen"),
        ("Commissie Loosduinen", "Loosduinen"),
        ("Wijkberaad Nieuw Waldeck", "Loosduinen"),
        ("Bewonersorganisatie Havenkwartier", "Scheveningen"),
        ("Bewonersorganisatie Statenkwartier", "Scheveningen"),
        ("Bewonersoverleg Duinoord", "Scheveningen"),
        ("Bewonersorganisatie Scheveningen-dorp", "Scheveningen"),
        ("Wijkvereniging Duttendel en Wittebrug", "Scheveningen"),
        ("Wijkvereniging van Stolkpark", "Scheveningen"),
        ("Wijkoverleg Zorgvliet", "Scheveningen"),
        ("Bewonersorganisatie Bloemenbuurt de Hyacint", "Segbroek"),
    ];

    fn org(name: &str) -> &'static DemoOrg {
        ORGANISATIONS
            .iter()
            .find(|o| o.name == name)
            .unwrap_or_else(|| panic!("unknown organisation {name:?}"))
    }

    fn person(name: &str) -> &'static DemoPerson {
        PEOPLE
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("unknown person {name:?}"))
    }

    /// Municipal staff or partner staff, never a resident.
    fn staff_member(name: &str) -> &'static DemoPerson {
        let p = person(name);
        assert_ne!(
            org(p.org).kind,
            OrgKind::Residents,
            "{name} is a resident, not staff"
        );
        p
    }

    fn signal(title: &str) -> &'static DemoSignal {
        SIGNALS
            .iter()
            .find(|s| s.title == title)
            .unwrap_or_else(|| panic!("unknown signal {title:?}"))
    }

    fn meeting(title: &str) -> &'static DemoMeeting {
        MEETINGS
            .iter()
            .find(|m| m.title == title)
            .unwrap_or_else(|| panic!("unknown meeting {title:?}"))
    }

    fn assert_unique<'a>(what: &str, items: impl IntoIterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for item in items {
            assert!(seen.insert(item), "duplicate {what}: {item:?}");
        }
    }

    fn is_example_email(e: &str) -> bool {
        (e.ends_with("@example.nl") || e.ends_with("@example.org"))
            && !e.contains(' ')
            && e.matches('@').count() == 1
            && !e.starts_with('@')
    }

    #[test]
    fn names_are_unique() {
        assert_unique("organisation", ORGANISATIONS.iter().map(|o| o.name));
        assert_unique(
            "organisation short name",
            ORGANISATIONS.iter().filter_map(|o| o.short),
        );
        assert_unique("person", PEOPLE.iter().map(|p| p.name));
        assert_unique("username", PEOPLE.iter().filter_map(|p| p.username));
        assert_unique("email", PEOPLE.iter().filter_map(|p| p.email));
        assert_unique("phone", PEOPLE.iter().filter_map(|p| p.phone));
        assert_unique("signal title", SIGNALS.iter().map(|s| s.title));
        assert_unique("commitment", COMMITMENTS.iter().map(|c| c.text));
        assert_unique("action", ACTIONS.iter().map(|a| a.text));
        assert_unique("meeting title", MEETINGS.iter().map(|m| m.title));
        assert_unique("theme", THEMES.iter().copied());
        assert_unique("district", DISTRICTS.iter().copied());
    }

    #[test]
    fn organisations_match_the_seeds() {
        let residents: Vec<_> = ORGANISATIONS
            .iter()
            .filter(|o| o.kind == OrgKind::Residents)
            .collect();
        assert_eq!(residents.len(), 25);
        assert_eq!(SEED_001.len(), 25);
        for (name, district) in SEED_001 {
            assert_eq!(org(name).kind, OrgKind::Residents);
            assert_eq!(org(name).district, Some(*district), "{name}");
        }
        let services: Vec<_> = ORGANISATIONS
            .iter()
            .filter(|o| o.kind == OrgKind::Service)
            .collect();
        assert_eq!(services.len(), 6);
        let shorts: BTreeSet<_> = services.iter().filter_map(|o| o.short).collect();
        assert_eq!(
            shorts,
            BTreeSet::from(["BSD", "DPZ", "DSB", "DSO", "OCW", "SZW"])
        );
        let partners = ORGANISATIONS
            .iter()
            .filter(|o| o.kind == OrgKind::Partner)
            .count();
        assert_eq!(partners, 3);
        for o in ORGANISATIONS {
            match o.kind {
                OrgKind::Residents => {
                    let d = o
                        .district
                        .expect("residents' organisations have a district");
                    assert!(DISTRICTS.contains(&d), "{}: unknown district {d}", o.name);
                    assert!(!o.neighbourhoods.is_empty(), "{}", o.name);
                    assert!(o.cadence_per_year > 0, "{}", o.name);
                }
                OrgKind::Service | OrgKind::Partner => {
                    assert!(o.district.is_none(), "{}", o.name);
                    assert!(o.short.is_some(), "{}", o.name);
                }
            }
            if let Some(e) = o.email {
                assert!(is_example_email(e), "{}: {e}", o.name);
            }
            assert!(!o.notes.is_empty(), "{}", o.name);
        }
    }

    #[test]
    fn people_resolve_and_are_invented() {
        let mut residents = 0;
        let mut staff = 0;
        for p in PEOPLE {
            let o = org(p.org);
            let email = p.email.expect("everyone has an email address");
            assert!(is_example_email(email), "{}: {email}", p.name);
            if let Some(phone) = p.phone {
                let rest = phone
                    .strip_prefix("06-0000 0")
                    .unwrap_or_else(|| panic!("{}: phone {phone}", p.name));
                assert!(
                    rest.len() == 3 && rest.chars().all(|c| c.is_ascii_digit()),
                    "{}: phone {phone}",
                    p.name
                );
            }
            for d in p.districts {
                assert!(DISTRICTS.contains(d), "{}: unknown district {d}", p.name);
            }
            for t in p.themes {
                assert!(THEMES.contains(t), "{}: unknown theme {t}", p.name);
            }
            if o.kind == OrgKind::Residents {
                residents += 1;
                assert!(p.username.is_none(), "{}", p.name);
                assert!(p.districts.is_empty() && p.themes.is_empty(), "{}", p.name);
            } else {
                staff += 1;
                assert!(!p.districts.is_empty(), "{}", p.name);
                assert!(!p.themes.is_empty(), "{}", p.name);
                if o.kind == OrgKind::Service {
                    assert!(p.username.is_some(), "{} needs a login", p.name);
                }
            }
        }
        assert!((30..=40).contains(&residents), "{residents} residents");
        assert!((20..=30).contains(&staff), "{staff} staff");
        assert!(PEOPLE.iter().any(|p| p.username == Some("demo")));
        // Most residents' organisations have a chair or secretary.
        let with_people: BTreeSet<_> = PEOPLE
            .iter()
            .filter(|p| org(p.org).kind == OrgKind::Residents)
            .map(|p| p.org)
            .collect();
        assert_eq!(with_people.len(), 25);
    }

    #[test]
    fn who_does_what_covers_every_district_and_theme() {
        for d in DISTRICTS {
            for t in THEMES {
                let found = PEOPLE
                    .iter()
                    .filter(|p| org(p.org).kind != OrgKind::Residents)
                    .any(|p| p.districts.contains(d) && p.themes.contains(t));
                assert!(found, "nobody covers {t} in {d}");
            }
            for short in ["DSO", "DSB"] {
                let found = PEOPLE.iter().any(|p| {
                    org(p.org).short == Some(short)
                        && p.role == "gebiedsregisseur"
                        && p.districts.contains(d)
                });
                assert!(found, "no {short} gebiedsregisseur in {d}");
            }
            let wijkagent = PEOPLE
                .iter()
                .any(|p| p.role == "wijkagent" && p.districts.contains(d));
            assert!(wijkagent, "no wijkagent in {d}");
        }
    }

    #[test]
    fn signals_resolve_and_follow_the_workflow() {
        use DemoSignalState as S;
        for s in SIGNALS {
            let o = org(s.org);
            assert_eq!(o.kind, OrgKind::Residents, "{}", s.title);
            assert!(THEMES.contains(&s.theme), "{}: theme {}", s.title, s.theme);
            if let Some(n) = s.neighbourhood {
                assert!(o.neighbourhoods.contains(&n), "{}: {n}", s.title);
            }
            assert!(s.received_days_ago > 0, "{}", s.title);
            if let Some(owner) = s.owner {
                staff_member(owner);
            }
            let mut last = s.received_days_ago;
            for f in s.feedback {
                staff_member(f.by);
                assert!(
                    f.days_ago >= 0 && f.days_ago <= last,
                    "{}: feedback out of order",
                    s.title
                );
                last = f.days_ago;
            }
            let finals = s.feedback.iter().filter(|f| f.final_).count();
            let last_is_final = s.feedback.last().is_some_and(|f| f.final_);
            if let Some(due) = s.feedback_due_offset {
                assert!(
                    due > -s.received_days_ago,
                    "{}: due before receipt",
                    s.title
                );
            }
            match s.state {
                S::New => {
                    assert!(s.expectation.is_none(), "{}", s.title);
                    assert!(s.feedback_due_offset.is_none(), "{}", s.title);
                    assert!(s.feedback.is_empty(), "{}", s.title);
                }
                S::Triaged | S::InProgress => {
                    assert!(s.owner.is_some(), "{}", s.title);
                    assert!(s.expectation.is_some(), "{}", s.title);
                    assert!(s.feedback_due_offset.is_some(), "{}", s.title);
                    assert_eq!(finals, 0, "{}", s.title);
                }
                S::Answered | S::Closed => {
                    assert!(s.owner.is_some(), "{}", s.title);
                    assert!(s.feedback_due_offset.is_some(), "{}", s.title);
                    assert!(last_is_final && finals == 1, "{}", s.title);
                }
                S::Declined => {
                    assert!(s.owner.is_some(), "{}", s.title);
                    let why = s.decline_explanation.expect("decline needs explanation");
                    assert!(why.contains("Wat niet kan") && why.contains("Wat wel kan"));
                    assert!(last_is_final && finals == 1, "{}", s.title);
                    assert_eq!(s.feedback.last().unwrap().text, why, "{}", s.title);
                }
            }
            if s.state != S::Declined {
                assert!(s.decline_explanation.is_none(), "{}", s.title);
            }
        }
    }

    #[test]
    fn signals_have_the_intended_mix() {
        use DemoSignalState as S;
        let count = |state| SIGNALS.iter().filter(|s| s.state == state).count();
        for (state, min) in [
            (S::New, 6),
            (S::Triaged, 8),
            (S::InProgress, 6),
            (S::Answered, 4),
            (S::Closed, 5),
            (S::Declined, 3),
        ] {
            assert!(count(state) >= min, "{state:?}: {}", count(state));
        }
        assert!((35..=45).contains(&SIGNALS.len()));
        for t in THEMES {
            assert!(SIGNALS.iter().any(|s| s.theme == *t), "no signal on {t}");
        }
        let open = |s: &&DemoSignal| matches!(s.state, S::Triaged | S::InProgress);
        let overdue = SIGNALS
            .iter()
            .filter(open)
            .filter(|s| s.feedback_due_offset.is_some_and(|d| d < 0))
            .count();
        let soon = SIGNALS
            .iter()
            .filter(open)
            .filter(|s| s.feedback_due_offset.is_some_and(|d| (0..=7).contains(&d)))
            .count();
        let later = SIGNALS
            .iter()
            .filter(open)
            .filter(|s| s.feedback_due_offset.is_some_and(|d| d > 7))
            .count();
        assert!(
            overdue >= 4 && soon >= 4 && later >= 3,
            "{overdue} {soon} {later}"
        );
        assert!(
            SIGNALS
                .iter()
                .any(|s| s.state == S::New && s.owner.is_none() && s.received_days_ago > 14),
            "a new signal overdue for triage"
        );
        let interim = SIGNALS
            .iter()
            .filter(|s| s.state == S::InProgress && s.feedback.iter().any(|f| !f.final_))
            .count();
        assert!(interim >= 3);
    }

    #[test]
    fn commitments_resolve_and_follow_the_workflow() {
        use DemoCommitmentState as C;
        for c in COMMITMENTS {
            assert_eq!(org(c.org).kind, OrgKind::Residents, "{}", c.text);
            staff_member(c.owner);
            if let Some(t) = c.signal_title {
                assert_eq!(signal(t).org, c.org, "{}: signal from another org", c.text);
            }
            if let Some(title) = c.meeting {
                assert!(meeting(title).orgs.contains(&c.org), "{}", c.text);
            }
            for pair in c.moves.windows(2) {
                assert_eq!(pair[0].to_offset, pair[1].from_offset, "{}", c.text);
            }
            if let Some(last) = c.moves.last() {
                assert_eq!(last.to_offset, c.due_offset, "{}", c.text);
            }
            assert!(c.moves.iter().all(|mv| !mv.reason.is_empty()));
            assert_eq!(
                c.state == C::Broken,
                c.acknowledgement.is_some(),
                "{}",
                c.text
            );
            assert_eq!(c.state == C::Withdrawn, c.reason.is_some(), "{}", c.text);
            match (c.state, c.resolved_offset) {
                (C::Open, None) => {}
                (C::KeptOnTime, Some(r)) => assert!(r <= c.due_offset && r <= 0, "{}", c.text),
                (C::KeptLate, Some(r)) => assert!(r > c.due_offset && r <= 0, "{}", c.text),
                (C::Broken | C::Withdrawn, Some(r)) => assert!(r <= 0, "{}", c.text),
                (state, r) => panic!("{}: {state:?} with resolved {r:?}", c.text),
            }
        }
        for state in [C::Open, C::KeptOnTime, C::KeptLate, C::Broken, C::Withdrawn] {
            assert!(
                COMMITMENTS.iter().any(|c| c.state == state),
                "no {state:?} commitment"
            );
        }
        let open = COMMITMENTS.iter().filter(|c| c.state == C::Open);
        assert!(open.clone().filter(|c| c.due_offset < 0).count() >= 3);
        assert!(open.filter(|c| (0..=10).contains(&c.due_offset)).count() >= 3);
        assert!(COMMITMENTS.iter().any(|c| c.moves.len() == 2));
    }

    #[test]
    fn actions_resolve() {
        for a in ACTIONS {
            staff_member(a.owner);
            if let Some(t) = a.signal_title {
                signal(t);
            }
            if let Some(t) = a.meeting {
                meeting(t);
            }
        }
        for state in [
            DemoActionState::Open,
            DemoActionState::Done,
            DemoActionState::Cancelled,
        ] {
            assert!(ACTIONS.iter().any(|a| a.state == state));
        }
    }

    #[test]
    fn the_demo_user_has_something_of_their_own() {
        let me = PEOPLE
            .iter()
            .find(|p| p.username == Some("demo"))
            .unwrap()
            .name;
        assert!(SIGNALS.iter().any(|s| s.owner == Some(me)));
        assert!(
            COMMITMENTS
                .iter()
                .any(|c| c.owner == me && c.state == DemoCommitmentState::Open)
        );
        assert!(
            ACTIONS
                .iter()
                .any(|a| a.owner == me && a.state == DemoActionState::Open)
        );
    }

    fn valid_time(t: &str) -> bool {
        let b = t.as_bytes();
        b.len() == 5
            && b[2] == b':'
            && t[..2].parse::<u32>().is_ok_and(|h| h < 24)
            && t[3..].parse::<u32>().is_ok_and(|m| m < 60)
    }

    #[test]
    fn meetings_resolve() {
        for mt in MEETINGS {
            for o in mt.orgs {
                org(o);
            }
            assert_unique("invited org", mt.orgs.iter().copied());
            for o in mt.attended {
                assert!(mt.orgs.contains(o), "{}: {o} attended uninvited", mt.title);
            }
            if let Some(d) = mt.district {
                assert!(DISTRICTS.contains(&d));
            }
            if let Some(c) = mt.chair {
                person(c);
            }
            if let Some(c) = mt.minute_taker {
                person(c);
            }
            if let Some(t) = mt.end_time {
                assert!(valid_time(t), "{}: {t}", mt.title);
            }
            let future = match mt.start {
                DemoWhen::Absolute(s) => {
                    assert!(chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").is_ok());
                    false
                }
                DemoWhen::Relative { days, time } => {
                    assert!(valid_time(time), "{}: {time}", mt.title);
                    days > 0
                }
            };
            assert_eq!(
                future,
                mt.status == DemoMeetingStatus::Planned,
                "{}",
                mt.title
            );
            if mt.status == DemoMeetingStatus::Planned {
                assert!(mt.attended.is_empty() && mt.minutes.is_empty());
            } else {
                assert!(!mt.attended.is_empty());
            }
            for line in mt.minutes {
                assert!(line.agenda_index < mt.agenda.len(), "{}", line.line);
            }
        }
        let oct = meeting(M_OKTOBER);
        assert!(matches!(oct.start, DemoWhen::Absolute("2024-10-16T19:30")));
        let residents_invited = oct
            .orgs
            .iter()
            .filter(|o| org(o).kind == OrgKind::Residents)
            .count();
        let residents_attended = oct
            .attended
            .iter()
            .filter(|o| org(o).kind == OrgKind::Residents)
            .count();
        assert_eq!(residents_invited, 25);
        assert_eq!(residents_attended, 18);
        assert!(matches!(
            meeting(M_APRIL).start,
            DemoWhen::Absolute("2024-04-17T19:30")
        ));
        let historic_lines = meeting(M_APRIL).minutes.len() + oct.minutes.len();
        assert!((50..=70).contains(&historic_lines), "{historic_lines}");
    }

    /// Every token in every minutes line resolves the way DESIGN section 3 says:
    /// `@owner` a unique prefix of a login, a service/partner short name or a
    /// person's name without spaces; `org:` a unique prefix of a word of one
    /// organisation's name; `#theme` a theme; `due:` a date the parser accepts.
    #[test]
    fn minutes_tokens_resolve() {
        let lc = |s: &str| s.to_lowercase();
        for mt in MEETINGS {
            for entry in mt.minutes {
                let line = entry.line;
                let mut kinds = BTreeMap::new();
                for word in line.split_whitespace() {
                    let kind = if let Some(who) = word.strip_prefix('@') {
                        let who = lc(who);
                        let mut hits = BTreeSet::new();
                        for p in PEOPLE {
                            let compact = lc(&p.name.replace(' ', ""));
                            if compact.starts_with(&who)
                                || p.username.is_some_and(|u| lc(u).starts_with(&who))
                            {
                                hits.insert(p.name);
                            }
                        }
                        for o in ORGANISATIONS {
                            if o.short.is_some_and(|s| lc(s).starts_with(&who)) {
                                hits.insert(o.name);
                            }
                        }
                        assert_eq!(hits.len(), 1, "{line}: @{who} matches {hits:?}");
                        "owner"
                    } else if let Some(name) = word.strip_prefix("org:") {
                        let name = lc(name);
                        let hits: Vec<_> = ORGANISATIONS
                            .iter()
                            .filter(|o| {
                                o.name
                                    .split(|c: char| c.is_whitespace() || c == '-')
                                    .chain(o.name.split_whitespace())
                                    .any(|w| lc(w).starts_with(&name))
                            })
                            .map(|o| o.name)
                            .collect();
                        assert_eq!(hits.len(), 1, "{line}: org:{name} matches {hits:?}");
                        "org"
                    } else if let Some(theme) = word.strip_prefix('#') {
                        assert!(THEMES.contains(&theme), "{line}: #{theme}");
                        "theme"
                    } else if let Some(due) = word.strip_prefix("due:") {
                        let ok = chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").is_ok()
                            || due
                                .strip_prefix('+')
                                .and_then(|n| n.strip_suffix(['d', 'w']))
                                .is_some_and(|n| n.parse::<u32>().is_ok())
                            || [
                                "ma", "di", "wo", "do", "vr", "mon", "tue", "wed", "thu", "fri",
                            ]
                            .contains(&due);
                        assert!(ok, "{line}: due:{due}");
                        "due"
                    } else {
                        continue;
                    };
                    *kinds.entry(kind).or_insert(0) += 1;
                }
                assert!(kinds.values().all(|&n| n == 1), "{line}: repeated token");
                let prefix = line.get(..2).unwrap_or("");
                if matches!(prefix, "A:" | "T:" | "C:") {
                    assert!(kinds.contains_key("owner"), "{line}: needs @owner");
                    assert!(kinds.contains_key("due"), "{line}: needs due:");
                }
                if matches!(prefix, "T:" | "C:" | "S:") && mt.orgs.len() > 1 {
                    assert!(kinds.contains_key("org"), "{line}: needs org:");
                }
            }
        }
        // The held recent meeting shows every kind of line.
        let held = meeting(M_SCHEVENINGEN);
        for p in ["A:", "T:", "S:", "D:", "Q:"] {
            assert!(held.minutes.iter().any(|l| l.line.starts_with(p)), "{p}");
        }
    }

    /// Last contact (meetings attended, feedback given) within the cadence for
    /// every residents' organisation except Kraayenstein.
    #[test]
    fn only_kraayenstein_is_overdue_for_contact() {
        let mut last: BTreeMap<&str, i64> = BTreeMap::new();
        let mut see = |o: &'static str, day: i64| {
            let e = last.entry(o).or_insert(i64::MIN);
            *e = (*e).max(day);
        };
        for mt in MEETINGS {
            if let (DemoWhen::Relative { days, .. }, false) =
                (mt.start, mt.status == DemoMeetingStatus::Planned)
            {
                for o in mt.attended {
                    see(o, days);
                }
            }
        }
        for s in SIGNALS {
            for f in s.feedback {
                see(s.org, -f.days_ago);
            }
        }
        let overdue: Vec<_> = ORGANISATIONS
            .iter()
            .filter(|o| o.kind == OrgKind::Residents)
            .filter(|o| {
                let period = 365 / i64::from(o.cadence_per_year);
                last.get(o.name).is_none_or(|&d| d < -period)
            })
            .map(|o| o.name)
            .collect();
        assert_eq!(overdue, vec![KRAAYENSTEIN]);
    }
}
