//! Generated data for benchmarks and scale tests: `demo --scale N` adds N signals with
//! feedback, commitments, actions, meetings and minutes in realistic proportion.
//! Deterministic: the same N gives the same database (but for "today").

use crate::store::{BulkSignal, Result, Store};
use chrono::{Duration, NaiveDate, NaiveTime};

const DISTRICTS: &[&str] = &[
    "Centrum",
    "Escamp",
    "Haagse Hout",
    "Laak",
    "Leidschenveen-Ypenburg",
    "Loosduinen",
    "Scheveningen",
    "Segbroek",
];
const THEMES: &[&str] = &[
    "verkeer",
    "groen",
    "veiligheid",
    "eenzaamheid",
    "communicatie",
    "afval",
    "wonen",
    "jeugd",
    "parkeren",
];
const PROBLEMS: &[&str] = &[
    "Losse stoeptegels",
    "Volle ondergrondse container",
    "Gevaarlijke oversteek",
    "Overlast hangjongeren",
    "Kapotte straatverlichting",
    "Te hard rijden",
    "Onderhoud plantsoen",
    "Eenzame ouderen",
    "Zwerfvuil",
    "Fietswrakken",
    "Parkeerdruk",
    "Bewonersbrief te laat",
];
const PLACES: &[&str] = &[
    "bij de school",
    "op het plein",
    "in de Hoofdstraat",
    "bij de speeltuin",
    "achter het buurthuis",
    "langs de gracht",
];
const NOTES: &[&str] = &[
    "De voorzitter opent de vergadering.",
    "Bewoners geven aan dat de situatie al maanden speelt.",
    "D: Het stadsdeel neemt dit mee in het wijkuitvoeringsplan.",
    "Q: Wie is het aanspreekpunt bij DSB?",
    "Het stadsdeel zoekt uit wanneer het onderhoud gepland is.",
    "De wijkagent licht de cijfers toe.",
    "Bewoners vragen om een terugkoppeling over de aanpak.",
    "Afspraak: volgend overleg over drie maanden.",
];

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// What was generated.
#[derive(Debug, Default, Clone, Copy)]
pub struct Generated {
    pub organisations: usize,
    pub people: usize,
    pub signals: usize,
    pub feedback: usize,
    pub commitments: usize,
    pub actions: usize,
    pub meetings: usize,
    pub minutes: usize,
}

/// Add `n` signals and everything around them, committed in batches of about a second.
pub fn generate(store: &mut Store, n: usize) -> Result<Generated> {
    let today = store.today();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    let mut g = Generated::default();
    let mut bulk = store.bulk()?;
    // Thousands of organisations at city scale: one per 50 signals, at least 25.
    let n_orgs = (n / 50).max(25);
    let mut orgs = Vec::with_capacity(n_orgs);
    for i in 0..n_orgs {
        let district = DISTRICTS[i % DISTRICTS.len()];
        let id = bulk.org(
            &format!("Bewonersgroep {} {}", district, i + 1),
            "residents",
            Some(district),
            "",
        )?;
        orgs.push((id, district));
    }
    g.organisations = n_orgs;
    let service = bulk.org(&format!("Gegenereerde dienst {n}"), "service", None, "")?;
    g.organisations += 1;
    let n_staff = (n / 25).max(8);
    let mut staff = Vec::with_capacity(n_staff);
    for i in 0..n_staff {
        let d = DISTRICTS[i % DISTRICTS.len()];
        let t = THEMES[i % THEMES.len()];
        staff.push(bulk.person(
            &format!("Medewerker {}", i + 1),
            service,
            "gebiedsregisseur",
            d,
            t,
        )?);
    }
    g.people = n_staff;
    for i in 0..n {
        bulk.breathe()?;
        let (org_id, district) = orgs[rng.below(orgs.len())];
        let received = today - Duration::days(rng.below(720) as i64);
        let state = match rng.below(100) {
            0..=14 => "new",
            15..=34 => "triaged",
            35..=49 => "in_progress",
            50..=59 => "answered",
            60..=94 => "closed",
            _ => "declined",
        };
        let owned = state != "new";
        let title = format!("{} {} ({})", rng.pick(PROBLEMS), rng.pick(PLACES), i + 1);
        let due = received + Duration::days(14 + rng.below(30) as i64);
        let signal_id = bulk.signal(&BulkSignal {
            title: &title,
            body: "Gemeld door de bewonersorganisatie.",
            org_id,
            district: Some(district),
            theme: rng.pick(THEMES),
            state,
            owner_person_id: owned.then(|| staff[rng.below(staff.len())]),
            owner_org_id: owned.then_some(service),
            received_on: received,
            feedback_due: due,
        })?;
        g.signals += 1;
        let answered = matches!(state, "answered" | "closed" | "declined");
        if answered || rng.chance(30) {
            let given = (received + Duration::days(rng.below(40) as i64)).min(today);
            bulk.feedback(
                signal_id,
                answered,
                "email",
                "Wij hebben uw signaal opgepakt.",
                given,
            )?;
            g.feedback += 1;
        }
        if rng.chance(20) {
            let c_due = received + Duration::days(30 + rng.below(90) as i64);
            let (c_state, resolved) = resolved_state(
                &mut rng,
                c_due,
                today,
                &["kept", "kept", "broken", "withdrawn"],
            );
            bulk.commitment(
                "Terugkoppeling over de aanpak",
                org_id,
                Some(staff[rng.below(staff.len())]),
                c_due,
                c_state,
                resolved,
                Some(signal_id),
                None,
            )?;
            g.commitments += 1;
        }
        if rng.chance(20) {
            let a_due = received + Duration::days(7 + rng.below(60) as i64);
            let (a_state, _) =
                resolved_state(&mut rng, a_due, today, &["done", "done", "cancelled"]);
            bulk.action(
                "Ter plaatse kijken",
                Some(staff[rng.below(staff.len())]),
                a_due,
                a_state,
                Some(signal_id),
                None,
            )?;
            g.actions += 1;
        }
    }
    // Years of minutes: one meeting per ten signals, about a hundred lines each.
    let n_meetings = n / 10;
    for m in 0..n_meetings {
        bulk.breathe()?;
        let (org_id, district) = orgs[m % orgs.len()];
        let day = today - Duration::days(rng.below(1500) as i64 - 30);
        let start = day.and_time(NaiveTime::from_hms_opt(19, 30, 0).unwrap_or_default());
        let status = if day > today { "planned" } else { "final" };
        let meeting_id = bulk.meeting(
            &format!("Wijkoverleg {district} {}", m + 1),
            start,
            status,
            Some(district),
            org_id,
        )?;
        g.meetings += 1;
        if status == "planned" {
            continue;
        }
        for pos in 0..100 {
            let line = rng.pick(NOTES);
            let kind = match line.as_bytes().get(..2) {
                Some(b"D:") => "decision",
                Some(b"Q:") => "question",
                _ => "note",
            };
            bulk.minute(meeting_id, pos + 1, kind, line)?;
            g.minutes += 1;
        }
    }
    bulk.commit(&format!(
        "{} signals, {} meetings, {} minute lines",
        g.signals, g.meetings, g.minutes
    ))?;
    Ok(g)
}

/// Past due: mostly resolved; future: open.
fn resolved_state<'a>(
    rng: &mut Rng,
    due: NaiveDate,
    today: NaiveDate,
    outcomes: &[&'a str],
) -> (&'a str, Option<NaiveDate>) {
    if due > today || rng.chance(15) {
        ("open", None)
    } else {
        let state = outcomes[rng.below(outcomes.len())];
        let late = rng.below(20) as i64 - 10;
        (state, Some((due + Duration::days(late)).min(today)))
    }
}
