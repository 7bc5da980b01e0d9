//! A project's settings are kept in two copies. A save writes over the
//! older copy and stamps it with the next revision, so the newer copy is
//! always whole before the older one is touched ("write new, then switch":
//! the switch is the revision). If the newest copy does not read back —
//! half-written, edited by hand, damaged — the one before it is there.

use serde::{Deserialize, Serialize};

use crate::core::project::{decode_value, ProjectState, Restored};

/// The copy format this build writes.
pub const COPY_FORMAT: u32 = 1;

/// One saved copy of a project's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedCopy {
    pub format: u32,
    /// Counts saves of the project; the highest readable one is current.
    pub revision: u64,
    /// Milliseconds since 1970.
    pub saved_ms: f64,
    /// Which open tab wrote it (to tell the user another tab changed it).
    pub tab: String,
    /// The settings, in their own versioned format (`ProjectState`).
    pub project: serde_json::Value,
}

impl SavedCopy {
    pub fn new(state: &ProjectState, revision: u64, saved_ms: f64, tab: &str) -> Self {
        SavedCopy {
            format: COPY_FORMAT,
            revision,
            saved_ms,
            tab: tab.to_string(),
            // Plain data: serialising cannot fail.
            project: serde_json::to_value(state).unwrap_or_default(),
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What one stored copy turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum ReadCopy {
    Empty,
    /// The copy and what its project decoded to (never `Corrupt`/`Fresh`).
    Good(Box<(SavedCopy, Restored)>),
    /// Unreadable; its revision when at least that was legible.
    Bad {
        revision: Option<u64>,
        reason: String,
    },
}

pub(super) fn read(text: Option<&str>) -> ReadCopy {
    let Some(text) = text else {
        return ReadCopy::Empty;
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(err) => {
            return ReadCopy::Bad {
                revision: None,
                reason: err.to_string(),
            }
        }
    };
    let revision = value.get("revision").and_then(|r| r.as_u64());
    let copy: SavedCopy = match serde_json::from_value(value) {
        Ok(copy) => copy,
        Err(err) => {
            return ReadCopy::Bad {
                revision,
                reason: err.to_string(),
            }
        }
    };
    match decode_value(copy.project.clone()) {
        Restored::Corrupt { reason } => ReadCopy::Bad { revision, reason },
        Restored::Fresh => ReadCopy::Bad {
            revision,
            reason: "empty project".to_string(),
        },
        restored => ReadCopy::Good(Box::new((copy, restored))),
    }
}

impl ReadCopy {
    /// The revision as far as it can be read (0 for nothing).
    pub(super) fn revision(&self) -> u64 {
        match self {
            ReadCopy::Empty => 0,
            ReadCopy::Good(good) => good.0.revision,
            ReadCopy::Bad { revision, .. } => revision.unwrap_or(0),
        }
    }
}
