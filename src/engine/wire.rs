//! The messages between the page and the engine's Web Worker.
//!
//! Plain serde data, sent as JSON. A file travels beside an [`Call::Open`]
//! as the browser's own `File` handle (structured-cloned, not copied), so
//! the page never reads the file itself; the worker reads it in chunks.

use serde::{Deserialize, Serialize};

use super::{FilePlace, Progress, Request, Response};
use crate::core::ingest::LoadOptions;

/// Page to worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "call", rename_all = "snake_case")]
pub enum Call {
    /// Any engine request; answered by one [`Reply::Answer`] with the same id
    /// (a `Segment` request runs in steps, with [`Reply::Progress`] meanwhile).
    Ask { id: u32, request: Request },
    /// Load the file sent beside this call, in chunks: [`Reply::Progress`]
    /// while it runs, then one [`Reply::Answer`] (`Loaded`, `LoadFailed` or
    /// `LoadCancelled`). A new `Open` cancels a load still running.
    Open {
        id: u32,
        file_name: String,
        size: u64,
        #[serde(default)]
        options: LoadOptions,
        /// Open it, or add it to the project beside the open file.
        #[serde(default)]
        place: FilePlace,
    },
    /// Stop the load started by the `Open` with this id (or a stepped
    /// `Ask`, such as a segmentation), between two steps.
    Cancel { id: u32 },
    /// How much memory the engine's wasm instance and its helpers' hold
    /// (it only grows, so this is the peak); answered by
    /// [`Reply::Memory`]. For benchmarks.
    Memory { id: u32 },
}

/// Worker to page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reply", rename_all = "snake_case")]
pub enum Reply {
    /// The worker has loaded its wasm and takes calls.
    Ready,
    Answer {
        id: u32,
        response: Response,
    },
    Progress {
        id: u32,
        progress: Progress,
    },
    Memory {
        id: u32,
        /// The engine's wasm memory.
        bytes: u64,
        /// The helper workers ready to infer lent columns (see
        /// `worker::helpers`), and their wasm memory when they last
        /// answered (0 before any answered).
        helpers: usize,
        helpers_bytes: u64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ingest::Delimiter;
    use crate::engine::LoadPhase;

    #[test]
    fn calls_and_replies_survive_json() {
        let calls = [
            Call::Open {
                id: 3,
                file_name: "مشتریان.csv".into(),
                size: 1 << 33,
                options: LoadOptions {
                    encoding: Some("windows-1256".into()),
                    delimiter: Some(Delimiter::Whitespace),
                    has_header: Some(false),
                    sheet: None,
                },
                place: FilePlace::Beside,
            },
            Call::Cancel { id: 3 },
            Call::Ask {
                id: 4,
                request: Request::Rows { start: 0, end: 20 },
            },
        ];
        for call in calls {
            let json = serde_json::to_string(&call).expect("serialises");
            assert_eq!(serde_json::from_str::<Call>(&json).ok(), Some(call));
        }
        let reply = Reply::Progress {
            id: 3,
            progress: Progress {
                phase: LoadPhase::Parsing,
                done: 10,
                total: 20,
            },
        };
        let json = serde_json::to_string(&reply).expect("serialises");
        assert_eq!(serde_json::from_str::<Reply>(&json).ok(), Some(reply));
        assert_eq!(
            serde_json::from_str::<Reply>(r#"{"reply":"ready"}"#).ok(),
            Some(Reply::Ready)
        );
    }
}
