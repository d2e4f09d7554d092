//! JSON rendering of a listing: stable English field names (see docs/plan-format.md).

use super::Listing;

/// The listing as pretty-printed JSON; control and bidi characters as `\u` escapes (`\u001b`).
pub fn render(list: &Listing) -> Result<String, serde_json::Error> {
    let mut s = crate::text::json_safe(serde_json::to_string_pretty(list)?);
    s.push('\n');
    Ok(s)
}
