//! CSV reports: UTF-8 with a BOM (Excel and WPS read the Chinese correctly), and every output
//! exactly one table — a header row, then rows of the header's length, no title rows — so that
//! it imports as a table. A unit or ledger report is its assignments ([`Table::Rows`]) or its
//! corrections and withdrawals ([`Table::Trail`]); a summary is one of its parts, the ranking of
//! units unless another is asked for. Dates are ISO (`2022-09-10`, `2022-09-10 18:00`).

mod tables;

use std::io::Write;

use super::view::to_string;
use super::{Kind, View};
use crate::Lang;
use crate::csvout::Csv;

/// One table of a report, as a CSV file holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// Every assignment of a unit or ledger report, one row each with all its fields.
    Rows,
    /// Corrections and withdrawals of a unit or ledger report's assignments.
    Trail,
    /// The summary's totals, one row.
    Totals,
    /// Assignments per schedule bucket (已完成 / 超进度 / 达进度 / 欠进度 / 逾期), one row.
    Buckets,
    /// Units ranked by completion.
    Units,
    /// Completion by section.
    Sections,
    /// Overdue assignments, with all their fields.
    Overdue,
    /// Units that did not report on time this period.
    NotReported,
    /// Assignments completed this period, with all their fields.
    Completed,
}

impl Table {
    /// A summary's tables, in the order of the printed summary.
    pub const SUMMARY: [Table; 7] = [
        Table::Totals,
        Table::Buckets,
        Table::Units,
        Table::Sections,
        Table::Overdue,
        Table::NotReported,
        Table::Completed,
    ];
    /// A unit or ledger report's tables.
    pub const ROWS: [Table; 2] = [Table::Rows, Table::Trail];

    /// The tables of a report of this kind.
    pub fn of(kind: Kind) -> &'static [Table] {
        match kind {
            Kind::Summary => &Table::SUMMARY,
            Kind::Unit | Kind::Ledger => &Table::ROWS,
        }
    }

    /// The table written when none is asked for: the ranking of units for a summary, the
    /// assignments otherwise.
    pub fn default_for(kind: Kind) -> Table {
        match kind {
            Kind::Summary => Table::Units,
            Kind::Unit | Kind::Ledger => Table::Rows,
        }
    }

    /// Whether a report of this kind has this table.
    pub fn fits(self, kind: Kind) -> bool {
        Table::of(kind).contains(&self)
    }

    /// Its name on the command line (`--table`), and its file's name without `.csv`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Rows => "rows",
            Table::Trail => "trail",
            Table::Totals => "totals",
            Table::Buckets => "buckets",
            Table::Units => "units",
            Table::Sections => "sections",
            Table::Overdue => "overdue",
            Table::NotReported => "not-reported",
            Table::Completed => "completed",
        }
    }
}

/// Renders a report's default table as CSV text (see [`write_table`]).
pub fn render(v: &dyn View, lang: Lang) -> Result<String, csv::Error> {
    to_string(|out| write(v, lang, out))
}

/// Writes a report's default table ([`Table::default_for`] its kind) as CSV.
pub fn write(v: &dyn View, lang: Lang, out: &mut dyn Write) -> Result<(), csv::Error> {
    write_table(v, lang, Table::default_for(v.head().kind), out)
}

/// Writes one table of a report as CSV: the BOM, a header row, then rows of the same length,
/// each cell neutralised as `crate::csvout` says. A table the report's kind does not have
/// ([`Table::fits`]) is written from what the report holds (a summary's trail is empty).
pub fn write_table(v: &dyn View, lang: Lang, table: Table, out: &mut dyn Write) -> Result<(), csv::Error> {
    let mut w = Csv::to(out)?;
    tables::write(&mut w, v, lang, table)?;
    w.into_inner()?.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests;
