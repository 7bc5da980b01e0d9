//! What the user changed on a persona (name, description, goals, pain
//! points, notes, picture), kept in the project by the segment it is of:
//! which segmentation (k-means or rules, and its id) and which segment.
//! Regenerating from new data keeps the edits; the segment's size when
//! last edited tells whether the segment has changed a lot since.

use serde::{Deserialize, Serialize};

/// Which kind of segmentation a persona's segment belongs to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonaSegmentation {
    #[default]
    KMeans,
    Rules,
    /// The RFM segments of the customer base (one per project: id 0).
    Rfm,
}

/// A persona's identity: its segment of a saved segmentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonaKey {
    pub segmentation: PersonaSegmentation,
    /// The saved segmentation's id in the project.
    pub id: u32,
    /// 0-based segment number.
    pub segment: usize,
}

/// The user's changes to one persona (empty fields: as generated).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaEdit {
    pub key: PersonaKey,
    /// The segment's size when the persona was last edited.
    pub size_at_edit: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goals: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pain_points: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// A local image as a `data:image/png` or `data:image/jpeg` URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
}

/// A segment whose size moved by more than this share since the persona
/// was edited has changed a lot: the edits may no longer fit it.
pub const CHANGED_SHARE: f64 = 0.25;

/// Largest picture kept (characters of its data URL): a 160 px JPEG is
/// ~10–20 kB, so this only stops a mistake from filling localStorage.
pub const MAX_PICTURE_CHARS: usize = 200_000;

impl PersonaEdit {
    pub fn new(key: PersonaKey, size: usize) -> Self {
        PersonaEdit {
            key,
            size_at_edit: size,
            name: None,
            description: None,
            goals: String::new(),
            pain_points: String::new(),
            notes: String::new(),
            picture: None,
        }
    }

    /// How much the segment's size moved since the edit, as a share of
    /// the size then (a segment that was empty and now is not: 1).
    pub fn size_moved(&self, size: usize) -> f64 {
        let then = self.size_at_edit as f64;
        let moved = (size as f64 - then).abs();
        if self.size_at_edit == 0 {
            f64::from(u8::from(size > 0))
        } else {
            moved / then
        }
    }

    /// Whether the segment changed a lot since the persona was edited.
    pub fn segment_changed(&self, size: usize) -> bool {
        self.size_moved(size) > CHANGED_SHARE
    }

    /// Nothing the user changed is left.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.description.is_none()
            && self.goals.is_empty()
            && self.pain_points.is_empty()
            && self.notes.is_empty()
            && self.picture.is_none()
    }
}

/// Only a picture read from a local file: an inline PNG or JPEG, never an
/// address the browser would fetch.
pub fn is_local_picture(url: &str) -> bool {
    (url.starts_with("data:image/png;base64,") || url.starts_with("data:image/jpeg;base64,"))
        && url.len() <= MAX_PICTURE_CHARS
}

/// The edit of the persona `key`, if the user made one.
pub fn edit_of(edits: &[PersonaEdit], key: PersonaKey) -> Option<&PersonaEdit> {
    edits.iter().find(|e| e.key == key)
}

/// Change the edit of `key` (made if there is none), noting the segment's
/// size now; an edit left empty is dropped. A picture that is not a local
/// image is refused.
pub fn change_edit(
    edits: &mut Vec<PersonaEdit>,
    key: PersonaKey,
    size: usize,
    change: impl FnOnce(&mut PersonaEdit),
) {
    let at = match edits.iter().position(|e| e.key == key) {
        Some(at) => at,
        None => {
            edits.push(PersonaEdit::new(key, size));
            edits.len() - 1
        }
    };
    if let Some(edit) = edits.get_mut(at) {
        change(edit);
        edit.size_at_edit = size;
        if edit
            .picture
            .as_deref()
            .is_some_and(|p| !is_local_picture(p))
        {
            edit.picture = None;
        }
        for text in [&mut edit.name, &mut edit.description] {
            if text.as_deref().is_some_and(|t| t.trim().is_empty()) {
                *text = None;
            }
        }
    }
    edits.retain(|e| !e.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(segment: usize) -> PersonaKey {
        PersonaKey {
            segmentation: PersonaSegmentation::KMeans,
            id: 1,
            segment,
        }
    }

    #[test]
    fn an_edit_is_kept_by_segment_and_dropped_when_emptied() {
        let mut edits = Vec::new();
        change_edit(&mut edits, key(2), 40, |e| e.name = Some("Careful".into()));
        change_edit(&mut edits, key(2), 41, |e| e.goals = "Save".into());
        assert_eq!(edits.len(), 1);
        let edit = edit_of(&edits, key(2)).expect("kept");
        assert_eq!(edit.name.as_deref(), Some("Careful"));
        assert_eq!((edit.goals.as_str(), edit.size_at_edit), ("Save", 41));
        assert!(edit_of(&edits, key(1)).is_none());
        change_edit(&mut edits, key(2), 41, |e| {
            e.name = Some("  ".into());
            e.goals.clear();
        });
        assert!(edits.is_empty());
    }

    #[test]
    fn a_segment_that_moved_more_than_a_quarter_changed() {
        let edit = PersonaEdit::new(key(0), 80);
        // 100 is 80 + 25%: not more than a quarter.
        assert!(!edit.segment_changed(100));
        assert!(edit.segment_changed(101));
        assert!(!edit.segment_changed(60));
        assert!(edit.segment_changed(59));
        assert_eq!(edit.size_moved(40), 0.5);
        let empty = PersonaEdit::new(key(0), 0);
        assert!(!empty.segment_changed(0) && empty.segment_changed(3));
    }

    #[test]
    fn only_local_pictures_are_kept() {
        let mut edits = Vec::new();
        change_edit(&mut edits, key(0), 5, |e| {
            e.picture = Some("https://example.com/face.png".into());
        });
        assert!(edits.is_empty());
        change_edit(&mut edits, key(0), 5, |e| {
            e.picture = Some("data:image/png;base64,iVBORw0KGgo=".into());
        });
        assert!(edit_of(&edits, key(0))
            .and_then(|e| e.picture.as_ref())
            .is_some());
        assert!(!is_local_picture("data:image/svg+xml,<svg onload=x>"));
    }

    #[test]
    fn edits_survive_json_and_old_saves_without_them() {
        let mut edits = Vec::new();
        change_edit(&mut edits, key(3), 9, |e| e.notes = "نکته".into());
        let json = serde_json::to_string(&edits).expect("json");
        let back: Vec<PersonaEdit> = serde_json::from_str(&json).expect("back");
        assert_eq!(back, edits);
        let minimal: PersonaEdit = serde_json::from_str(
            r#"{"key":{"segmentation":"rules","id":2,"segment":0},"size_at_edit":4}"#,
        )
        .expect("minimal");
        assert_eq!(minimal.key.segmentation, PersonaSegmentation::Rules);
        assert!(minimal.is_empty());
    }
}
