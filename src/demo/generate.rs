//! Generated data for benchmarks and scale tests: `demo --scale N` adds N signals with
//! the history a city would have after six years of work, as of today: intake that
//! grows a little every year and follows the seasons and the working week, triage
//! within days, feedback within the promised two weeks for most signals, answers and
//! closing within weeks, a few percent still open, postponements with reasons,
//! declines, merges of duplicates, commitments kept, late, broken or withdrawn, actions,
//! and meetings with their minutes. docs/performance.md describes the model and the
//! proportions it gives. Deterministic: the same N gives the same database (but for
//! "today").

use super::DemoSummary;
use crate::store::{BulkAction, BulkCommitment, BulkSignal, Result, Store};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

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
const BODIES: &[&str] = &[
    "Gemeld door de bewonersorganisatie.",
    "Meerdere bewoners hebben dit gemeld bij de bewonersorganisatie.",
    "Speelt al langer; de organisatie vraagt om een aanpak.",
];
const EXPECTATIONS: &[&str] = &[
    "Bewoners willen weten wanneer het wordt opgelost.",
    "Een reactie van de gemeente binnen twee weken.",
    "Graag een gesprek ter plaatse.",
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
const INTERIM: &[&str] = &[
    "Wij hebben uw signaal opgepakt en laten u binnenkort meer weten.",
    "De aannemer is ingeschakeld; wij houden u op de hoogte.",
    "Het signaal ligt bij de dienst; wij verwachten binnen enkele weken een antwoord.",
];
const FINAL: &[&str] = &[
    "Het probleem is verholpen. Dank voor uw melding.",
    "De dienst heeft het opgelost; laat het ons weten als het terugkomt.",
    "Dit is opgenomen in het onderhoudsplan en inmiddels uitgevoerd.",
    "Wij hebben het besproken in het wijkoverleg en de afspraken staan in het verslag.",
];
const DECLINES: &[&str] = &[
    "Dit valt buiten wat de gemeente kan doen; wij hebben u doorverwezen naar de woningcorporatie.",
    "Dit is particulier terrein; de eigenaar is aangeschreven.",
];
const POSTPONED: &[&str] = &[
    "Wacht op het advies van de dienst; de organisatie is gebeld",
    "De aannemer kan pas later; met de organisatie afgestemd",
    "Vakantieperiode; nieuwe datum doorgegeven aan de organisatie",
    "Meer onderzoek nodig; de organisatie is op de hoogte",
];
const COMMITMENTS: &[&str] = &[
    "Terugkoppeling over de aanpak",
    "Schouw met bewoners in de wijk",
    "Voorstel voor herinrichting bespreken",
    "Extra controle en terugmelding",
];
const ACTIONS: &[&str] = &[
    "Ter plaatse kijken",
    "Dienst vragen om planning",
    "Bewoners bellen over de stand van zaken",
];
const FIRST_NAMES: &[&str] = &[
    "Anna", "Bram", "Chantal", "Dirk", "Esra", "Fatima", "Gert", "Hanneke", "Ivo", "Jasmijn",
    "Karim", "Lotte", "Mohamed", "Noor", "Olaf", "Priya", "Ruud", "Sanne", "Tom", "Yasmina",
];
const LAST_NAMES: &[&str] = &[
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "El Amrani",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Yilmaz",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
];

/// Six years of history, ending today.
const HISTORY_DAYS: i64 = 6 * 365;
/// Intake per month, relative: quieter in the summer holidays and around Christmas,
/// busiest in spring (green, traffic) and autumn.
const MONTH: [f64; 12] = [
    0.95, 0.95, 1.1, 1.15, 1.2, 1.1, 0.8, 0.75, 1.1, 1.1, 1.0, 0.75,
];
/// Growth of intake per year (the city and the tool's use both grow).
const GROWTH: f64 = 0.06;

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

    /// A whole number of days in `lo..=hi`.
    fn days(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as usize) as i64
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }
}

/// How many signals come in on each of the last `HISTORY_DAYS` days (oldest first),
/// adding up to exactly `n`.
fn intake(n: usize, today: NaiveDate) -> Vec<(NaiveDate, usize)> {
    let weights: Vec<(NaiveDate, f64)> = (0..HISTORY_DAYS)
        .map(|i| {
            let day = today - Duration::days(HISTORY_DAYS - 1 - i);
            let year = i as f64 / 365.0;
            let week = match day.weekday() {
                Weekday::Mon => 1.2,
                Weekday::Sat => 0.25,
                Weekday::Sun => 0.15,
                _ => 1.0,
            };
            let w = (1.0 + GROWTH * year) * MONTH[day.month0() as usize] * week;
            (day, w)
        })
        .collect();
    let total: f64 = weights.iter().map(|(_, w)| w).sum();
    let mut out = Vec::with_capacity(weights.len());
    let (mut acc, mut given) = (0.0, 0usize);
    for (day, w) in weights {
        acc += n as f64 * w / total;
        let upto = (acc.round() as usize).min(n);
        out.push((day, upto - given));
        given = upto;
    }
    if let Some(last) = out.last_mut() {
        last.1 += n - given;
    }
    out
}

/// A moment on a day: events of one day keep their order by the slot.
fn stamp(day: NaiveDate, slot: u32) -> String {
    format!(
        "{}T{:02}:{:02}:00Z",
        day.format("%Y-%m-%d"),
        8 + slot,
        5 * slot
    )
}

/// How a signal's story goes.
#[derive(Clone, Copy, PartialEq)]
enum Path {
    /// Triaged, answered within weeks, closed.
    Normal,
    /// Declined with an explanation.
    Declined,
    /// A duplicate, merged into an earlier open signal in its district.
    Merged,
    /// Needs months (a contractor, a plan, a budget).
    Slow,
    /// Fell between the cracks: no feedback at all.
    Forgotten,
}

/// A signal that can take duplicates: its id, when it was triaged and answered, and
/// the answer it got.
#[derive(Clone, Copy)]
struct Target {
    id: i64,
    org: usize,
    triaged: NaiveDate,
    answered: NaiveDate,
    channel: &'static str,
    text: &'static str,
}

/// One step of a signal's story, on a day.
#[derive(Clone, Copy)]
enum Step {
    Triage,
    Start,
    Interim {
        next_due: NaiveDate,
    },
    Postpone {
        to: NaiveDate,
        reason: &'static str,
    },
    Final,
    Close,
    Decline,
    Merge(Target),
    /// The final feedback given with the signal this one was merged into.
    AnsweredWith(Target),
}

const CHANNELS: &[&str] = &[
    "email", "email", "email", "phone", "phone", "meeting", "letter",
];

/// Add `n` signals and everything around them, in one transaction.
pub fn generate(store: &mut Store, n: usize) -> Result<DemoSummary> {
    generate_with(store, n, false)
}

/// [`generate`] into a database made for it: loaded without a journal (see
/// [`Store::bulk_new_file`]); a load that fails leaves a file to delete.
pub fn generate_into_new_file(store: &mut Store, n: usize) -> Result<DemoSummary> {
    generate_with(store, n, true)
}

fn generate_with(store: &mut Store, n: usize, new_file: bool) -> Result<DemoSummary> {
    let today = store.today();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    let mut g = DemoSummary::default();
    let bulk = if new_file {
        store.bulk_new_file(n)?
    } else {
        store.bulk(n)?
    };
    // Thousands of organisations at city scale: one per 50 signals, at least 25.
    let n_orgs = (n / 50).max(25);
    let mut orgs = Vec::with_capacity(n_orgs);
    for i in 0..n_orgs {
        let district = DISTRICTS[i % DISTRICTS.len()];
        let name = format!("Bewonersgroep {} {}", district, i + 1);
        let id = bulk.org(&name, "residents", Some(district), "")?;
        orgs.push((id, district, name));
    }
    g.organisations = n_orgs;
    let service = bulk.org(&format!("Gegenereerde dienst {n}"), "service", None, "")?;
    g.organisations += 1;
    // The municipality's staff: one per thousand signals (at least eight), each
    // working in one district on one theme; and two contact people per organisation.
    let n_staff = (n / 1000).max(8);
    let mut staff: Vec<Vec<i64>> = vec![Vec::new(); DISTRICTS.len()];
    for i in 0..n_staff {
        let d = i % DISTRICTS.len();
        let name = format!(
            "{} {} ({})",
            FIRST_NAMES[i % FIRST_NAMES.len()],
            LAST_NAMES[(i / FIRST_NAMES.len()) % LAST_NAMES.len()],
            i + 1
        );
        staff[d].push(bulk.person(
            &name,
            service,
            "gebiedsregisseur",
            None,
            None,
            DISTRICTS[d],
            THEMES[i % THEMES.len()],
        )?);
    }
    g.people = n_staff;
    for (i, (org, district, _)) in orgs.iter().enumerate() {
        for k in 0..2 {
            let first = rng.pick(FIRST_NAMES);
            let last = rng.pick(LAST_NAMES);
            let email = format!(
                "{}.{}.{}@example.nl",
                first.to_lowercase(),
                last.replace(' ', "").to_lowercase(),
                2 * i + k + 1
            );
            bulk.person(
                &format!("{first} {last}"),
                *org,
                if k == 0 { "voorzitter" } else { "secretaris" },
                Some(&email),
                None,
                district,
                "",
            )?;
            g.people += 1;
        }
    }
    // Recent signals per district that duplicates can be merged into.
    let mut recent: Vec<Vec<Target>> = vec![Vec::new(); DISTRICTS.len()];
    let mut number = 0usize;
    for (received, count) in intake(n, today) {
        for _ in 0..count {
            number += 1;
            signal(
                &bulk,
                &mut rng,
                &mut g,
                &mut recent,
                &orgs,
                &staff,
                service,
                received,
                today,
                number,
            )?;
        }
    }
    // Years of minutes: one meeting per ten signals, about a hundred lines each, from
    // six years ago to two months ahead.
    let n_meetings = n / 10;
    let mut days: Vec<i64> = (0..n_meetings)
        .map(|_| rng.days(-HISTORY_DAYS, 60))
        .collect();
    days.sort_unstable();
    for (m, offset) in days.into_iter().enumerate() {
        let (org_id, district, _) = &orgs[m % orgs.len()];
        let day = today + Duration::days(offset);
        let start = day.and_time(NaiveTime::from_hms_opt(19, 30, 0).unwrap_or_default());
        let end = start + Duration::hours(2);
        // Held in the last fortnight (minutes being finished), final before that.
        let status = if day >= today {
            "planned"
        } else if day >= today - Duration::days(14) {
            "held"
        } else {
            "final"
        };
        let made = (day - Duration::days(21)).min(today);
        let meeting_id = bulk.meeting(
            &format!("Wijkoverleg {district} {}", m + 1),
            start,
            end,
            status,
            Some(district),
            *org_id,
            &stamp(made, 1),
        )?;
        g.meetings += 1;
        if status == "planned" {
            continue;
        }
        let at = stamp(day, 12);
        for pos in 0..100 {
            let line = rng.pick(NOTES);
            let kind = match line.as_bytes().get(..2) {
                Some(b"D:") => "decision",
                Some(b"Q:") => "question",
                _ => "note",
            };
            bulk.minute(meeting_id, pos + 1, kind, line, &at)?;
            g.minutes += 1;
        }
    }
    bulk.commit(&format!(
        "{} signals, {} meetings, {} minute lines",
        g.signals, g.meetings, g.minutes
    ))?;
    store.finish_bulk()?;
    Ok(g)
}

/// One signal's story, written as it stands today.
#[allow(clippy::too_many_arguments)]
fn signal(
    bulk: &crate::store::Bulk<'_>,
    rng: &mut Rng,
    g: &mut DemoSummary,
    recent: &mut [Vec<Target>],
    orgs: &[(i64, &'static str, String)],
    staff: &[Vec<i64>],
    service: i64,
    received: NaiveDate,
    today: NaiveDate,
    number: usize,
) -> Result<()> {
    let day = |offset: i64| received + Duration::days(offset);
    // Some organisations report far more than others.
    let o = {
        let r = rng.below(1 << 16) as f64 / 65536.0;
        ((r * r) * orgs.len() as f64) as usize
    };
    let (org_id, district, _) = &orgs[o.min(orgs.len() - 1)];
    let d = DISTRICTS.iter().position(|x| x == district).unwrap_or(0);
    let owner = staff[d][rng.below(staff[d].len())];
    let title = format!("{} {} ({number})", rng.pick(PROBLEMS), rng.pick(PLACES));
    let theme = rng.pick(THEMES);
    let first_due = day(crate::store::DEFAULT_FEEDBACK_DAYS);
    let triage = day(match rng.below(100) {
        0..=34 => 0,
        35..=79 => 1,
        80..=91 => 2,
        _ => rng.days(3, 7),
    });
    let mut path = match rng.below(1000) {
        0..=44 => Path::Declined,
        45..=74 => Path::Merged,
        75..=104 => Path::Slow,
        105..=109 => Path::Forgotten,
        _ => Path::Normal,
    };
    let target = if path == Path::Merged {
        let found = recent[d]
            .iter()
            .rev()
            .find(|t| t.triaged <= triage && t.answered > triage && t.id > 0)
            .copied();
        if found.is_none() {
            path = Path::Normal;
        }
        found
    } else {
        None
    };
    let channel = rng.pick(CHANNELS);
    let final_text = rng.pick(FINAL);
    let mut steps: Vec<(NaiveDate, Step)> = vec![(triage, Step::Triage)];
    let mut answered = None;
    match path {
        Path::Normal | Path::Slow => {
            let mut first = if path == Path::Slow {
                rng.days(10, 30)
            } else {
                match rng.below(100) {
                    0..=54 => rng.days(2, 10),
                    55..=79 => rng.days(10, 14),
                    80..=94 => rng.days(15, 30),
                    _ => rng.days(31, 90),
                }
            };
            // Postponed before the promised day, with a reason, when it will not make it.
            if rng.chance(if path == Path::Slow { 400 } else { 80 }) {
                let on = (first_due - Duration::days(rng.days(1, 4))).max(triage);
                let to = first_due + Duration::days(7 * rng.days(2, 6));
                let reason = rng.pick(POSTPONED);
                steps.push((on, Step::Postpone { to, reason }));
                first =
                    first.max((on - received).num_days() + 1 + rng.days(0, (to - on).num_days()));
            }
            let first = day(first).max(triage);
            if rng.chance(700) {
                let start = (triage + Duration::days(rng.days(0, 3))).min(first);
                steps.push((start, Step::Start));
            }
            let last = if path == Path::Slow {
                steps.push((
                    first,
                    Step::Interim {
                        next_due: first + Duration::days(rng.days(14, 28)),
                    },
                ));
                first + Duration::days(rng.days(60, 700))
            } else if rng.chance(300) {
                steps.push((
                    first,
                    Step::Interim {
                        next_due: first + Duration::days(rng.days(14, 28)),
                    },
                ));
                first + Duration::days(rng.days(3, 20) + rng.days(2, 20))
            } else {
                first
            };
            steps.push((last, Step::Final));
            answered = Some(last);
            if rng.chance(950) {
                steps.push((last + Duration::days(rng.days(1, 12)), Step::Close));
            }
        }
        Path::Declined => {
            let on = triage + Duration::days(rng.days(1, 20));
            if rng.chance(500) {
                steps.push((
                    triage + Duration::days(rng.days(0, 2)).min(on - triage),
                    Step::Start,
                ));
            }
            steps.push((on, Step::Decline));
        }
        Path::Merged => {
            if let Some(t) = target {
                steps.push((triage, Step::Merge(t)));
                steps.push((t.answered, Step::AnsweredWith(t)));
            }
        }
        Path::Forgotten => {
            if rng.chance(200) {
                steps.clear();
            }
        }
    }
    // In the order they happened (a stable sort keeps a day's steps as written).
    steps.sort_by_key(|(d, _)| *d);
    let steps: Vec<(NaiveDate, Step)> = steps.into_iter().filter(|(d, _)| *d <= today).collect();

    // The signal as it stands today.
    let mut state = "new";
    let mut due = first_due;
    let (mut moves, mut moved_days) = (0, 0);
    let mut merged_into = None;
    let (mut first_fb, mut answered_on, mut last_fb) = (None, None, None);
    let mut triaged = false;
    let mut updated = stamp(received, 0);
    for (slot, (on, step)) in steps.iter().enumerate() {
        let on = *on;
        updated = stamp(on, slot as u32 + 1);
        let mut given = |final_: bool| {
            first_fb = first_fb.or(Some(on));
            last_fb = Some(on);
            if final_ {
                answered_on = answered_on.or(Some(on));
            }
        };
        match *step {
            Step::Triage => {
                state = "triaged";
                triaged = true;
            }
            Step::Start => state = "in_progress",
            Step::Interim { next_due } => {
                given(false);
                due = next_due;
            }
            Step::Postpone { to, .. } => {
                moves += 1;
                moved_days += (to - due).num_days();
                due = to;
            }
            Step::Final => {
                given(true);
                state = "answered";
            }
            Step::Close => state = "closed",
            Step::Decline => {
                given(true);
                state = "declined";
            }
            Step::Merge(t) => {
                state = "merged";
                merged_into = Some(t.id);
            }
            Step::AnsweredWith(_) => given(true),
        }
    }
    let created = stamp(received, 0);
    let id = bulk.signal(&BulkSignal {
        title: &title,
        body: rng.pick(BODIES),
        org_id: *org_id,
        district: Some(district),
        theme,
        state,
        owner_person_id: triaged.then_some(owner),
        owner_org_id: triaged.then_some(service),
        expectation: (triaged && rng.chance(300)).then(|| rng.pick(EXPECTATIONS)),
        received_on: received,
        feedback_due: due,
        first_due,
        due_moves: moves,
        due_moved_days: moved_days,
        merged_into,
        first_feedback_on: first_fb,
        answered_on,
        last_feedback_on: last_fb,
        version: 1 + steps.len() as i64,
        created_at: &created,
        updated_at: &updated,
    })?;
    g.signals += 1;
    bulk.event(id, &created, "received", None, Some("new"), "generated")?;
    let mut state = "new";
    let mut due = first_due;
    for (slot, (on, step)) in steps.iter().enumerate() {
        let on = *on;
        let at = stamp(on, slot as u32 + 1);
        match *step {
            Step::Triage => {
                bulk.event(
                    id,
                    &at,
                    "triaged",
                    Some(state),
                    Some("triaged"),
                    &format!("owner P-{owner}, feedback due {due}"),
                )?;
                state = "triaged";
            }
            Step::Start => {
                bulk.event(id, &at, "started", Some(state), Some("in_progress"), "")?;
                state = "in_progress";
            }
            Step::Interim { next_due } => {
                let text = rng.pick(INTERIM);
                let fid =
                    bulk.feedback(id, false, channel, text, on, Some(next_due), first_due, &at)?;
                g.feedback += 1;
                bulk.event(
                    id,
                    &at,
                    "due-date",
                    None,
                    None,
                    &format!(
                        "feedback due {due} → {next_due} (promised {first_due}): announced in interim feedback #{fid}"
                    ),
                )?;
                bulk.event(
                    id,
                    &at,
                    "feedback",
                    Some(state),
                    Some(state),
                    &format!("interim feedback #{fid} by {channel}: {text}"),
                )?;
                due = next_due;
            }
            Step::Postpone { to, reason } => {
                bulk.due_move(id, due, to, reason, &at)?;
                bulk.event(
                    id,
                    &at,
                    "due-date",
                    None,
                    None,
                    &format!("feedback due {due} → {to} (promised {first_due}): {reason}"),
                )?;
                due = to;
            }
            Step::Final => {
                let text = final_text;
                let fid = bulk.feedback(id, true, channel, text, on, None, first_due, &at)?;
                g.feedback += 1;
                bulk.event(
                    id,
                    &at,
                    "feedback",
                    Some(state),
                    Some("answered"),
                    &format!("final feedback #{fid} by {channel}: {text}"),
                )?;
                state = "answered";
            }
            Step::Close => {
                bulk.event(id, &at, "closed", Some(state), Some("closed"), "")?;
                state = "closed";
            }
            Step::Decline => {
                let text = rng.pick(DECLINES);
                bulk.feedback(id, true, channel, text, on, None, first_due, &at)?;
                g.feedback += 1;
                bulk.event(id, &at, "declined", Some(state), Some("declined"), text)?;
                state = "declined";
            }
            Step::Merge(t) => {
                let across = t.org != o;
                let (from_org, into_org) = (&orgs[o].2, &orgs[t.org].2);
                let owed = if across {
                    format!(
                        "; {from_org} is owed the final feedback given with S-{} ({into_org})",
                        t.id
                    )
                } else {
                    String::new()
                };
                bulk.event(
                    id,
                    &at,
                    "merged",
                    Some(state),
                    Some("merged"),
                    &format!("merged into S-{}{owed}", t.id),
                )?;
                let also = if across {
                    format!("; {from_org} gets the final feedback too")
                } else {
                    String::new()
                };
                bulk.event(
                    t.id,
                    &at,
                    "merge",
                    None,
                    None,
                    &format!("S-{id} merged into this signal: {title}{also}"),
                )?;
                state = "merged";
            }
            Step::AnsweredWith(t) => {
                let fid = bulk.feedback(id, true, t.channel, t.text, on, None, first_due, &at)?;
                g.feedback += 1;
                bulk.event(
                    id,
                    &at,
                    "feedback",
                    None,
                    None,
                    &format!(
                        "final feedback #{fid} by {}, given with S-{}: {}",
                        t.channel, t.id, t.text
                    ),
                )?;
                bulk.event(
                    t.id,
                    &at,
                    "feedback",
                    None,
                    None,
                    &format!("the final feedback was given to S-{id} ({}) too", orgs[o].2),
                )?;
            }
        }
    }
    // A signal answered later can take duplicates until then (the last few per district).
    if let (Path::Normal | Path::Slow, Some(a)) = (path, answered) {
        let list = &mut recent[d];
        if list.len() >= 16 {
            list.remove(0);
        }
        list.push(Target {
            id,
            org: o,
            triaged: triage,
            answered: a,
            channel,
            text: final_text,
        });
    }
    // A commitment to the organisation for some, made when the answer was given.
    let made = answered.unwrap_or(triage);
    if triaged && rng.chance(150) && made <= today {
        commitment(bulk, rng, g, *org_id, owner, service, id, made, today)?;
    }
    // An action for the owner for some, made at triage.
    if triaged && rng.chance(200) {
        let a_due = triage + Duration::days(rng.days(5, 30));
        let (state, resolved, reason) = match rng.below(100) {
            0..=87 => (
                "done",
                Some((a_due + Duration::days(rng.days(-10, 5))).max(triage)),
                None,
            ),
            88..=92 => (
                "cancelled",
                Some(triage + Duration::days(rng.days(2, 20))),
                Some("Niet meer nodig"),
            ),
            _ => ("open", None, None),
        };
        let (state, resolved, reason) = match resolved {
            Some(r) if r <= today => (state, Some(r), reason),
            _ => ("open", None, None),
        };
        let created = stamp(triage, 2);
        let updated = resolved
            .map(|r| stamp(r, 3))
            .unwrap_or_else(|| created.clone());
        bulk.action(&BulkAction {
            text: rng.pick(ACTIONS),
            owner_person_id: Some(owner),
            owner_org_id: Some(service),
            due: a_due,
            state,
            resolved_on: resolved,
            reason,
            signal_id: Some(id),
            created_at: &created,
            updated_at: &updated,
        })?;
        g.actions += 1;
    }
    Ok(())
}

/// A commitment made on `made`: most kept on time, some late, a few broken or
/// withdrawn, some moved once with a reason, a few still open past their date.
#[allow(clippy::too_many_arguments)]
fn commitment(
    bulk: &crate::store::Bulk<'_>,
    rng: &mut Rng,
    g: &mut DemoSummary,
    org_id: i64,
    owner: i64,
    service: i64,
    signal_id: i64,
    made: NaiveDate,
    today: NaiveDate,
) -> Result<()> {
    let first_due = made + Duration::days(rng.days(30, 150));
    let moved = rng.chance(120).then(|| {
        let on = (first_due - Duration::days(7)).max(made);
        (on, first_due + Duration::days(rng.days(14, 60)))
    });
    let due = moved.map(|(_, to)| to).unwrap_or(first_due);
    let (state, resolved) = match rng.below(100) {
        0..=69 => (
            "kept",
            Some((due - Duration::days(rng.days(0, 25))).max(made)),
        ),
        70..=81 => ("kept", Some(due + Duration::days(rng.days(1, 45)))),
        82..=87 => ("broken", Some(due + Duration::days(rng.days(0, 30)))),
        88..=91 => (
            "withdrawn",
            Some(made + Duration::days(rng.days(5, (due - made).num_days().max(5)))),
        ),
        _ => ("open", None),
    };
    // A move after the commitment was resolved, or still to come, did not happen.
    let moved = moved.filter(|(on, _)| *on <= today && resolved.is_none_or(|r| *on < r));
    let due = moved.map(|(_, to)| to).unwrap_or(first_due);
    let (state, resolved) = match resolved {
        Some(r) if r <= today => (state, Some(r)),
        _ => ("open", None),
    };
    let created = stamp(made, 6);
    let updated = resolved
        .map(|r| stamp(r, 7))
        .or_else(|| moved.map(|(on, _)| stamp(on, 7)))
        .unwrap_or_else(|| created.clone());
    let id = bulk.commitment(&BulkCommitment {
        text: rng.pick(COMMITMENTS),
        org_id,
        owner_person_id: Some(owner),
        owner_org_id: Some(service),
        due,
        first_due,
        state,
        resolved_on: resolved,
        acknowledgement: (state == "broken").then_some("Te laat opgepakt."),
        prevention: (state == "broken").then_some("Voortaan bewaakt in de wekelijkse planning."),
        reason: (state == "withdrawn").then_some("Niet meer nodig na overleg met de organisatie."),
        signal_id: Some(signal_id),
        version: 1 + i64::from(moved.is_some()) + i64::from(resolved.is_some()),
        created_at: &created,
        updated_at: &updated,
    })?;
    if let Some((on, to)) = moved {
        bulk.commitment_move(
            id,
            first_due,
            to,
            "Planning van de dienst schoof op; met de organisatie besproken",
            &stamp(on, 7),
        )?;
    }
    g.commitments += 1;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intake_adds_up_and_follows_the_week() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
        let days = intake(100_000, today);
        assert_eq!(days.len() as i64, HISTORY_DAYS);
        assert_eq!(days.iter().map(|(_, n)| n).sum::<usize>(), 100_000);
        assert_eq!(days.last().map(|(d, _)| *d), Some(today));
        let on = |wd: Weekday| -> usize {
            days.iter()
                .filter(|(d, _)| d.weekday() == wd)
                .map(|(_, n)| n)
                .sum()
        };
        assert!(on(Weekday::Sun) * 4 < on(Weekday::Tue), "quiet on Sundays");
        let first_year: usize = days[..365].iter().map(|(_, n)| n).sum();
        let last_year: usize = days[days.len() - 365..].iter().map(|(_, n)| n).sum();
        assert!(last_year > first_year, "intake grows");
    }
}
