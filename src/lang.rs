//! The user's language (Chinese by default, English on request) and the one helper every
//! user-facing string goes through.

/// Language of user-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Picks the Chinese or the English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// Separator between list items: "、" in Chinese, ", " in English.
    pub fn list_sep(self) -> &'static str {
        self.pick("、", ", ")
    }
}

/// Builds a localized string: `tr!(lang, "中文 {x}", "English {x}")`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal $(, $($arg:tt)*)?) => {
        match $lang {
            $crate::Lang::Zh => format!($zh $(, $($arg)*)?),
            $crate::Lang::En => format!($en $(, $($arg)*)?),
        }
    };
}
