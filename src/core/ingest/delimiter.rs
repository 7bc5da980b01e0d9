//! The field separators ingest knows.

use serde::{Deserialize, Serialize};

/// A field separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
    Pipe,
    /// Columns separated by runs of spaces or tabs, as in fixed-width
    /// exports like CDNOW's (` 00001 19970101  1   11.77`). No quoting:
    /// such files have none, and a quote is just a character in a cell.
    Whitespace,
}

impl Delimiter {
    /// Separators a csv reader splits on, in order of preference when two
    /// fit a file equally well. Whitespace is sniffed separately, last.
    pub const CSV: [Delimiter; 4] = [
        Delimiter::Comma,
        Delimiter::Semicolon,
        Delimiter::Tab,
        Delimiter::Pipe,
    ];

    pub fn as_char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
            Delimiter::Tab => '\t',
            Delimiter::Pipe => '|',
            Delimiter::Whitespace => ' ',
        }
    }

    /// The separator as the single ASCII byte the csv reader wants; `None`
    /// for whitespace-aligned columns, which are split by runs instead.
    pub fn as_byte(self) -> Option<u8> {
        match self {
            Delimiter::Comma => Some(b','),
            Delimiter::Semicolon => Some(b';'),
            Delimiter::Tab => Some(b'\t'),
            Delimiter::Pipe => Some(b'|'),
            Delimiter::Whitespace => None,
        }
    }

    /// Every delimiter a user can choose.
    pub const ALL: [Delimiter; 5] = [
        Delimiter::Comma,
        Delimiter::Semicolon,
        Delimiter::Tab,
        Delimiter::Pipe,
        Delimiter::Whitespace,
    ];

    /// Stable name for saved settings and the CLI ("comma", "whitespace").
    pub fn key(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Semicolon => "semicolon",
            Delimiter::Tab => "tab",
            Delimiter::Pipe => "pipe",
            Delimiter::Whitespace => "whitespace",
        }
    }

    pub fn from_key(key: &str) -> Option<Delimiter> {
        Delimiter::ALL.into_iter().find(|d| d.key() == key)
    }
}
