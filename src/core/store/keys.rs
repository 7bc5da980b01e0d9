//! The names things are stored under. Every key starts with `nimrokh.`, so
//! "forget everything" can find them all and nothing else is touched.

const PREFIX: &str = "nimrokh.";

/// The catalogue of projects.
pub(super) const CATALOG: &str = "nimrokh.projects";
/// Where builds before the catalogue kept their one project.
pub(super) const LEGACY_PROJECT: &str = "nimrokh.project";

/// One of project `id`'s two copies (`slot` 0 or 1).
pub(super) fn copy(id: u32, slot: usize) -> String {
    let letter = if slot == 0 { 'a' } else { 'b' };
    format!("nimrokh.project.{id}.{letter}")
}

/// Where an unreadable copy of project `id` is set aside.
pub(super) fn unreadable(id: u32) -> String {
    format!("nimrokh.project.{id}.unreadable")
}

/// Every key of project `id`.
pub(super) fn of_project(id: u32) -> [String; 3] {
    [copy(id, 0), copy(id, 1), unreadable(id)]
}

/// The project id in a key of [`copy`]'s or [`unreadable`]'s shape.
pub(super) fn project_id(key: &str) -> Option<u32> {
    let rest = key.strip_prefix("nimrokh.project.")?;
    let (id, _) = rest.split_once('.')?;
    id.parse().ok()
}

/// Whether `key` holds a copy of project `id` (another tab's write to
/// watch for).
pub fn is_copy_of(key: &str, id: u32) -> bool {
    key == copy(id, 0) || key == copy(id, 1)
}

/// Whether `key` is one of ours.
pub fn is_ours(key: &str) -> bool {
    key.starts_with(PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_and_their_project() {
        assert_eq!(copy(3, 0), "nimrokh.project.3.a");
        assert_eq!(copy(3, 1), "nimrokh.project.3.b");
        assert_eq!(project_id(&copy(12, 1)), Some(12));
        assert_eq!(project_id(&unreadable(7)), Some(7));
        assert_eq!(project_id(LEGACY_PROJECT), None);
        assert_eq!(project_id("nimrokh.project.unreadable"), None);
        assert!(is_ours(CATALOG) && !is_ours("other.app"));
        assert!(is_copy_of("nimrokh.project.4.b", 4));
        assert!(!is_copy_of("nimrokh.project.4.unreadable", 4));
        assert!(!is_copy_of("nimrokh.project.44.a", 4));
    }
}
