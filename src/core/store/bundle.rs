//! A project as one file, to move it to another machine or hand it to a
//! colleague through the user's own channels: a text header (a magic line,
//! then the settings and the list of files as one line of JSON) followed
//! by the files' bytes, as they were, one after the other. Reading the
//! header needs only the file's start; the files are cut out of the rest
//! without copying them (the app slices the Blob).

use serde::{Deserialize, Serialize};

use crate::core::project::{decode_value, ProjectState, Restored};

const MAGIC: &[u8] = b"NIMROKH-PROJECT\n";
/// The bundle format this build writes.
pub const BUNDLE_FORMAT: u32 = 1;
/// A header longer than this is not a project file's (settings are small).
pub const MAX_HEADER: usize = 64 << 20;

/// One file inside a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleFile {
    pub name: String,
    pub size: u64,
    /// Milliseconds since 1970, as the browser gave it.
    #[serde(default)]
    pub last_modified: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Header {
    format: u32,
    name: String,
    exported_ms: f64,
    project: serde_json::Value,
    files: Vec<BundleFile>,
}

/// A project file's header as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub name: String,
    pub project: ProjectState,
    /// The files included, in the order of their bytes.
    pub files: Vec<BundleFile>,
    /// Where the first file's bytes start.
    pub data_start: u64,
}

/// Why a file is not a project Nimrokh can open.
#[derive(Debug, Clone, PartialEq)]
pub enum BundleError {
    /// Not a Nimrokh project file at all.
    NotAProject,
    /// The header is not all in the bytes given: read at least this many.
    NeedMore(usize),
    /// Made by a newer build, in this format.
    Newer(u32),
    /// Damaged: what did not read.
    Damaged(String),
    /// Cut short: the files need this many bytes, the file has that many.
    Truncated { expected: u64, found: u64 },
}

/// The bytes that go before the files.
pub fn encode_header(
    name: &str,
    project: &ProjectState,
    files: &[BundleFile],
    exported_ms: f64,
) -> Vec<u8> {
    let header = Header {
        format: BUNDLE_FORMAT,
        name: name.to_string(),
        exported_ms,
        project: serde_json::to_value(project).unwrap_or_default(),
        files: files.to_vec(),
    };
    // JSON escapes newlines inside strings, so the header is one line.
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(
        serde_json::to_string(&header)
            .unwrap_or_default()
            .as_bytes(),
    );
    bytes.push(b'\n');
    bytes
}

/// Read a project file's header from its first bytes (`start`) and its
/// total length.
pub fn read_header(start: &[u8], total: u64) -> Result<Bundle, BundleError> {
    // The start must agree with the magic line as far as both go.
    let agrees = start.iter().zip(MAGIC).all(|(a, b)| a == b);
    if !agrees || total < MAGIC.len() as u64 {
        return Err(BundleError::NotAProject);
    }
    let rest = start.get(MAGIC.len()..).unwrap_or_default();
    let Some((line, _)) = rest
        .split_at_checked(rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len()))
        .filter(|(_, after)| !after.is_empty())
    else {
        let have_all = start.len() as u64 >= total;
        return if have_all || start.len() >= MAX_HEADER {
            Err(BundleError::Damaged("the header never ends".to_string()))
        } else {
            Err(BundleError::NeedMore(
                (start.len() * 4).clamp(1 << 16, MAX_HEADER),
            ))
        };
    };
    let header: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| BundleError::Damaged(e.to_string()))?;
    let format = header.get("format").and_then(|f| f.as_u64()).unwrap_or(0);
    if format > u64::from(BUNDLE_FORMAT) {
        return Err(BundleError::Newer(
            u32::try_from(format).unwrap_or(u32::MAX),
        ));
    }
    let header: Header =
        serde_json::from_value(header).map_err(|e| BundleError::Damaged(e.to_string()))?;
    let project = match decode_value(header.project) {
        Restored::Loaded(state) => state,
        Restored::Newer { found, .. } => return Err(BundleError::Newer(found)),
        Restored::Corrupt { reason } => return Err(BundleError::Damaged(reason)),
        Restored::Fresh => return Err(BundleError::Damaged("no project".to_string())),
    };
    let data_start = (MAGIC.len() + line.len() + 1) as u64;
    let expected = header
        .files
        .iter()
        .fold(0u64, |sum, f| sum.saturating_add(f.size));
    let found = total - data_start.min(total);
    if found != expected {
        return Err(BundleError::Truncated { expected, found });
    }
    Ok(Bundle {
        name: header.name,
        project,
        files: header.files,
        data_start,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::Lang;
    use crate::core::project::FileRef;

    fn project() -> ProjectState {
        ProjectState {
            lang: Lang::Ar,
            file: Some(FileRef {
                name: "عملاء.csv".into(),
                size: 5,
            }),
            chart_column: Some("a\nb".into()),
            ..ProjectState::default()
        }
    }

    fn bundle_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let listed: Vec<BundleFile> = files
            .iter()
            .map(|(name, bytes)| BundleFile {
                name: name.to_string(),
                size: bytes.len() as u64,
                last_modified: 7.0,
            })
            .collect();
        let mut bytes = encode_header("متجر", &project(), &listed, 1.0);
        for (_, data) in files {
            bytes.extend_from_slice(data);
        }
        bytes
    }

    #[test]
    fn reads_back_settings_and_where_each_file_is() {
        let bytes = bundle_of(&[("عملاء.csv", b"a,b\n1"), ("t.csv", b"x\ny\n")]);
        let bundle = read_header(&bytes, bytes.len() as u64).unwrap();
        assert_eq!(bundle.name, "متجر");
        assert_eq!(bundle.project, project());
        let start = bundle.data_start as usize;
        assert_eq!(&bytes[start..start + 5], b"a,b\n1");
        assert_eq!(&bytes[start + 5..], b"x\ny\n");
        assert_eq!(bundle.files[1].last_modified, 7.0);
    }

    #[test]
    fn settings_only_is_a_project_too() {
        let bytes = bundle_of(&[]);
        let bundle = read_header(&bytes, bytes.len() as u64).unwrap();
        assert!(bundle.files.is_empty());
    }

    #[test]
    fn asks_for_more_of_a_long_header() {
        let bytes = bundle_of(&[("a.csv", b"1")]);
        assert_eq!(
            read_header(&bytes[..30], bytes.len() as u64),
            Err(BundleError::NeedMore(1 << 16))
        );
    }

    #[test]
    fn never_panics_on_any_cut_or_damage() {
        let bytes = bundle_of(&[("a.csv", b"1,2\n3,4\n")]);
        for cut in 0..=bytes.len() {
            for total in [cut as u64, bytes.len() as u64, 0, u64::MAX] {
                let _ = read_header(&bytes[..cut], total);
            }
        }
        let mut flipped = bytes.clone();
        for at in 0..flipped.len() {
            flipped[at] ^= 0x5a;
            let _ = read_header(&flipped, flipped.len() as u64);
            flipped[at] ^= 0x5a;
        }
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(read_header(b"name,age\n", 9), Err(BundleError::NotAProject));
        let bytes = bundle_of(&[("a.csv", b"12345")]);
        assert_eq!(
            read_header(&bytes[..bytes.len() - 2], bytes.len() as u64 - 2),
            Err(BundleError::Truncated {
                expected: 5,
                found: 3
            })
        );
        let newer = String::from_utf8(bundle_of(&[]))
            .unwrap()
            .replace("\"format\":1", "\"format\":4");
        assert_eq!(
            read_header(newer.as_bytes(), newer.len() as u64),
            Err(BundleError::Newer(4))
        );
        let damaged = b"NIMROKH-PROJECT\n{\"format\":1,\n";
        assert!(matches!(
            read_header(damaged, damaged.len() as u64),
            Err(BundleError::Damaged(_))
        ));
    }
}
