//! The form's side of the evidence check: the items a save would record, whether they still
//! need checking, and, when some are neither a web address nor an existing path, saying which
//! line and putting the cursor there. Saving the same evidence again saves it as it is.

use taizhang::Lang;

use super::Form;

impl Form {
    /// The evidence as it would be saved: one item per non-blank line, trimmed.
    pub fn evidence_items(&self) -> Vec<String> {
        self.evidence.lines().iter().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
    }

    /// Whether a save must check the evidence first: it has items the operator was not already
    /// told about.
    pub fn evidence_unchecked(&self) -> bool {
        let items = self.evidence_items();
        !items.is_empty() && self.evidence_warned.as_ref() != Some(&items)
    }

    /// The evidence items `bad` (index among the items, item) were found to be neither an
    /// address nor an existing path: the form says which line, with the cursor on it, and
    /// remembers the evidence so that saving it unchanged saves it.
    pub fn warn_evidence(&mut self, bad: &[(usize, String)], lang: Lang) {
        let Some((first, item)) = bad.first() else { return };
        let line = self.evidence.lines().iter().enumerate().filter(|(_, l)| !l.trim().is_empty()).nth(*first);
        let line = line.map_or(0, |(n, _)| n);
        self.evidence_warned = Some(self.evidence_items());
        self.error = Some(crate::tui::text::evidence_bad(lang, line + 1, item, bad.len() - 1));
        self.cursor_to_evidence_line(line);
    }
}
