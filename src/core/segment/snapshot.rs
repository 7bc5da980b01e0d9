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
    /// The project it belongs to. Snapshots taken before projects (absent)
    /// belong to project 1, where that build's one project now lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<u32>,
}

impl SnapshotInfo {
    pub fn customers(&self) -> usize {
        self.sizes.iter().sum()
    }

    /// Whether the snapshot belongs to project `id`.
    pub fn belongs_to(&self, id: u32) -> bool {
        self.project.unwrap_or(1) == id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_from_before_projects_belongs_to_project_one() {
        // As the first build with snapshots wrote it.
        let old = r#"{"format":1,"id":1795400000000,"name":"Ages","kind":"rules","file":"a.csv","id_column":"id","segment_names":["Young","Everyone else"],"sizes":[3,4]}"#;
        let info: SnapshotInfo = serde_json::from_str(old).unwrap();
        assert!(info.belongs_to(1) && !info.belongs_to(2));
        let mine = SnapshotInfo {
            project: Some(4),
            ..info
        };
        let back: SnapshotInfo =
            serde_json::from_str(&serde_json::to_string(&mine).unwrap()).unwrap();
        assert!(back.belongs_to(4) && !back.belongs_to(1));
    }
}
