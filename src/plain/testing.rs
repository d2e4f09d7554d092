//! For tests of the quick readers: a check against serde, and texts changed at random places,
//! the same way on every run, to find any text a quick reader reads differently from toml.

use serde::de::DeserializeOwned;

/// `text` read the quick way, checked against serde: what the quick way reads, serde must
/// read the same (spans included). True when the quick way read it.
pub(crate) fn same_as_serde<T: std::fmt::Debug + DeserializeOwned>(text: &str, quick: fn(&str) -> Option<T>) -> bool {
    let slow = toml::from_str::<T>(text);
    match quick(text) {
        Some(fast) => {
            let slow = slow.unwrap_or_else(|e| panic!("serde refuses what the quick way read: {e}\n{text:?}"));
            assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{text:?}");
            true
        }
        None => false,
    }
}

/// A small deterministic generator (xorshift), so a failure is the same on every run.
pub(crate) struct Rng(pub u64);

impl Rng {
    pub(crate) fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }

    /// A place in `text` on a character boundary (moving back to one).
    pub(crate) fn place(&mut self, text: &str) -> usize {
        let mut at = self.next() % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}

/// What mutations put in: the characters and forms that change how TOML reads.
pub(crate) const PIECES: &[&str] = &[
    "\"", "'", "\\", "\n", "\r", "#", "=", " ", "[", "]", "0", "-", ":", ",", "x", "中", "\u{7f}", "\u{1}", "\"\"\"",
    "true",
];

/// `text` with one to three stretches of up to three bytes replaced by one of `pieces` (or
/// removed).
pub(crate) fn mutate(text: &mut String, pieces: &[&str], rng: &mut Rng) {
    for _ in 0..1 + rng.next() % 3 {
        let at = rng.place(text);
        let mut end = (at + rng.next() % 4).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let piece = if rng.next().is_multiple_of(4) { "" } else { pieces[rng.next() % pieces.len()] };
        text.replace_range(at..end, piece);
    }
}
