//! `wijkdesk search QUERY`: find any record by its words, grouped by kind.

use super::output::Table;
use super::{App, Result};
use crate::store::{SearchHit, SearchKind, build_query};
use clap::Args;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for (each matched as the start of a word, accents optional), or an
    /// ID such as S-42
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// At most N results
    #[arg(long, short = 'n', value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

/// Where a snippet adds nothing to the title (an organisation found by its name).
fn snippet_cell(hit: &SearchHit, ascii: bool) -> String {
    if hit.snippet.trim() == hit.title.trim() {
        return String::new();
    }
    if ascii {
        hit.marked("[", "]")
    } else {
        hit.marked("«", "»")
    }
}

pub(crate) fn run(a: SearchArgs, app: &mut App) -> Result<()> {
    let query = a.query.join(" ");
    let hits = if a.limit == 0 {
        Vec::new()
    } else {
        app.store.search(&query, a.limit)?
    };
    if a.json {
        return app.out.json(&hits);
    }
    if hits.is_empty() {
        return app.out.line(format!("nothing found for \"{query}\""));
    }
    // `--ascii` shows as "-" for a missing value; marks follow the same choice.
    let ascii = app.out.none() == "-";
    // An ID typed in the query comes first, on its own.
    let typed = build_query(&query)
        .ok()
        .and_then(|q| q.record)
        .map(|r| r.to_string());
    let (exact, rest) = match hits.split_first() {
        Some((h, rest)) if typed.as_deref() == Some(h.record.as_str()) => (Some(h), rest),
        _ => (None, hits.as_slice()),
    };
    let mut sections: Vec<(&str, Vec<&SearchHit>)> = Vec::new();
    if let Some(h) = exact {
        sections.push(("Record", vec![h]));
    }
    for kind in SearchKind::ALL {
        let group: Vec<&SearchHit> = rest.iter().filter(|h| h.kind == kind).collect();
        if !group.is_empty() {
            sections.push((kind.heading(), group));
        }
    }
    for (i, (heading, group)) in sections.into_iter().enumerate() {
        if i > 0 {
            app.out.blank()?;
        }
        app.out.line(format!("{heading} ({})", group.len()))?;
        let mut t = Table::new(&["ID", "*Title", "~Match"]);
        for h in group {
            t.row(vec![
                h.record.clone(),
                h.title.clone(),
                snippet_cell(h, ascii),
            ]);
        }
        app.out.table(&t)?;
    }
    Ok(())
}
