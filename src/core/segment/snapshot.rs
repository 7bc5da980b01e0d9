//! A snapshot of a segmentation: what the user froze to compare newer
//! data with later. The description (`SnapshotInfo`) is small and listed;
//! the members (every customer's id and segment, see `movement.rs`) are
//! kept apart and read only to compare.

use serde::{Deserialize, Serialize};

use crate::core::persona::KeyFigure;

/// The stored format of a snapshot; a newer one is not read.
pub const SNAPSHOT_FORMAT: u32 = 1;

/// Which kind of segmentation a snapshot froze.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SnapshotKind {
    KMeans,
    Rules,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotInfo {
    pub format: u32,
    /// Unique among the snapshots: the time it was taken, in ms since 1970.
    pub id: u64,
    /// The segmentation's name then.
    pub name: String,
    pub kind: SnapshotKind,
    /// The file it was taken of.
    pub file: String,
    /// The id column it matches customers by (header name).
    pub id_column: String,
    /// Segment names then, and customers in each.
    pub segment_names: Vec<String>,
    pub sizes: Vec<usize>,
    /// Each segment's persona figures then (by segment number), to show
    /// how each persona changed; empty when they could not be worked out.
    #[serde(default)]
    pub figures: Vec<Vec<KeyFigure>>,
}

impl SnapshotInfo {
    pub fn customers(&self) -> usize {
        self.sizes.iter().sum()
    }
}
