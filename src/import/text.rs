//! Numbered document text with inline responsibility — "1.做好……。（责任单位：市财政局。完成时限：
//! 全年）" under "一、" / "（一）" headings, in simplified or traditional script — read into items
//! and scope statements (`clean` the lines, `blocks` by number, `items` at the document's task
//! level, with `bracket` / `fields` for the brackets, `due` for deadlines in the text, `scope`
//! for statements and `title` for the title).

pub mod blocks;
pub mod bracket;
pub mod clean;
pub mod due;
pub mod fields;
pub mod items;
pub mod marker;
pub mod scope;
pub mod title;

use super::Recognised;
use super::table::Found;

/// The document's title among its lines (the last short line naming a year, see `title`), for a
/// document whose task table has no title row of its own; None unless it names a year.
pub fn title(lines: &[String]) -> Option<String> {
    find_title(&cleaned(lines)).map(|t| t.0).filter(|t| super::meta::year_in(t).is_some())
}

fn cleaned(lines: &[String]) -> Vec<clean::Line> {
    lines.iter().map(|l| clean::line(l)).collect()
}

/// The title and its line numbers, from the lines outside any item.
fn find_title(cleaned: &[clean::Line]) -> Option<(String, Vec<usize>)> {
    title::find(&blocks::walk(cleaned, None).loose)
}

/// Finds the numbered items of a document's lines. None when no numbered item carries a
/// responsibility or deadline bracket and no scope statement gives items units.
pub fn recognise(lines: &[String]) -> Option<Found> {
    let cleaned = cleaned(lines);
    let title = find_title(&cleaned);
    let walk = blocks::walk(&cleaned, title.as_ref().map(|t| t.0.as_str()));
    let level = items::task_level(&walk.events)?;
    let built = items::build(walk.events, level);
    let named = built.items.iter().any(|i| i.responsible.is_some() || i.deadline.is_some());
    if built.items.is_empty() || (!named && built.scopes.is_empty()) {
        return None;
    }
    let title_lines = title.as_ref().map(|t| t.1.clone()).unwrap_or_default();
    let mut skipped: Vec<usize> = walk.loose.iter().map(|l| l.0).filter(|n| !title_lines.contains(n)).collect();
    skipped.extend(walk.skipped.iter().chain(&built.skipped));
    skipped.sort_unstable();
    skipped.dedup();
    let recognised = Recognised { items: built.items, scopes: built.scopes };
    Some(Found { recognised, title: title.map(|t| t.0), skipped })
}

#[cfg(test)]
mod tests;
