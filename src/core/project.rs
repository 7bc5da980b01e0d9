//! The project's saved state: small settings only (never customer data),
//! stored as versioned JSON. Loading never turns a bad save into a silently
//! empty project: it says what happened ([`Restored`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::customers::TransactionColumns;
use super::i18n::Lang;
use super::ingest::LoadOptions;
use super::persona::{PersonaEdit, PersonaSegmentation};
use super::quality::Fix;
use super::relate::FileRole;
use super::schema::{ColumnType, DateOrder, Role};
use super::segment::RfmRules;
use super::segment::{SavedRuleSegmentation, SavedSegmentation};

/// The format this build writes. Bump it when a saved field changes meaning,
/// and add a migration from every earlier version in [`decode`].
pub const FORMAT_VERSION: u32 = 3;

/// Which file the project was working on. The file itself is not saved here
/// (customer data never goes into settings); on reload the user is asked for
/// it again, and it is recognised by name and size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileRef {
    pub name: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectState {
    pub format_version: u32,
    pub lang: Lang,
    pub file: Option<FileRef>,
    /// The column drawn in the distribution chart, by header name.
    pub chart_column: Option<String>,
    /// The user's corrections of column types and roles, by header name
    /// (format 2; absent in format 1, which reads as "no corrections").
    #[serde(default)]
    pub columns: BTreeMap<String, ColumnChoice>,
    /// How the user told us to read the file (encoding, delimiter, header)
    /// when the automatic choice was wrong; re-used when the same file is
    /// chosen again. Absent in older saves: read everything automatically.
    #[serde(default, skip_serializing_if = "is_default")]
    pub load_options: LoadOptions,
    /// Data fixes the user accepted, applied in order on top of the file
    /// as read (never written into it). Absent in older saves: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
    /// How the table is read as a transaction log, when the user set it up
    /// (or accepted the columns found). Absent in older saves: found again
    /// from the columns' roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers: Option<CustomerSetup>,
    /// The project's other files (format 3), each with the settings it had
    /// when it was last the open file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub beside: Vec<FileSettings>,
    /// Each file's role and customer key as the user chose them, by file
    /// name (format 3); a file not here is guessed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub links: BTreeMap<String, LinkSetting>,
    /// The user's segmentations, of any file of the project (absent in
    /// older saves: none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segmentations: Vec<SavedSegmentation>,
    /// The segmentation shown, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_segmentation: Option<u32>,
    /// The user's RFM segment rules; absent: the standard map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rfm_rules: Option<RfmRules>,
    /// The user's rule segmentations, of any file of the project (absent
    /// in older saves: none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rule_segmentations: Vec<SavedRuleSegmentation>,
    /// The rule segmentation shown, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_rule_segmentation: Option<u32>,
    /// The user's edits of personas, by segmentation and segment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub persona_edits: Vec<PersonaEdit>,
    /// The segmentation whose personas were last made, so a reload makes
    /// them again once its segments are back (absent: none yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personas_of: Option<PersonaSegmentation>,
}

/// A file's own settings: kept at the top of [`ProjectState`] for the open
/// file, in [`ProjectState::beside`] for the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileSettings {
    pub file: FileRef,
    #[serde(default)]
    pub chart_column: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<String, ColumnChoice>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub load_options: LoadOptions,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
}

impl FileSettings {
    /// A file just added: nothing chosen yet.
    pub fn new(file: FileRef, load_options: LoadOptions) -> Self {
        FileSettings {
            file,
            chart_column: None,
            columns: BTreeMap::new(),
            load_options,
            fixes: Vec::new(),
        }
    }
}

/// What the user chose for a file's place in the customer database.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkSetting {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<FileRole>,
    /// The customer key's header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl ProjectState {
    /// The open file's settings, taken out of the top level (which is left
    /// as for no file).
    fn take_open(&mut self) -> Option<FileSettings> {
        let file = self.file.take()?;
        Some(FileSettings {
            file,
            chart_column: self.chart_column.take(),
            columns: std::mem::take(&mut self.columns),
            load_options: std::mem::take(&mut self.load_options),
            fixes: std::mem::take(&mut self.fixes),
        })
    }

    fn put_open(&mut self, settings: FileSettings) {
        self.file = Some(settings.file);
        self.chart_column = settings.chart_column;
        self.columns = settings.columns;
        self.load_options = settings.load_options;
        self.fixes = settings.fixes;
    }

    /// Make file `name` of [`ProjectState::beside`] the open one; the file
    /// open before moves beside it with its settings. False when there is
    /// no such file.
    pub fn open_beside(&mut self, name: &str) -> bool {
        let Some(at) = self.beside.iter().position(|f| f.file.name == name) else {
            return false;
        };
        let chosen = self.beside.remove(at);
        if let Some(previous) = self.take_open() {
            self.beside.push(previous);
        }
        self.put_open(chosen);
        true
    }

    /// Add (or replace) a file beside the open one.
    pub fn add_beside(&mut self, settings: FileSettings) {
        self.beside.retain(|f| f.file.name != settings.file.name);
        self.beside.push(settings);
    }

    /// Take file `name` out of the project, its settings with it.
    pub fn remove_file(&mut self, name: &str) {
        self.beside.retain(|f| f.file.name != name);
        self.links.remove(name);
        self.segmentations.retain(|s| s.file != name);
        self.rule_segmentations.retain(|s| s.file != name);
        if self.file.as_ref().is_some_and(|f| f.name == name) {
            self.take_open();
        }
        if self
            .customers
            .as_ref()
            .is_some_and(|c| c.file.as_deref() == Some(name))
        {
            self.customers = None;
        }
    }

    /// Every file the project names, the open one first.
    pub fn file_names(&self) -> Vec<String> {
        self.file
            .iter()
            .chain(self.beside.iter().map(|f| &f.file))
            .map(|f| f.name.clone())
            .collect()
    }
}

/// The columns that make a table a transaction log, by header name (names
/// survive a re-read that reorders columns), and the day the figures are
/// counted to (None: the day after the last transaction).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerSetup {
    /// The transaction log's file (`None`: the open file; format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub customer: String,
    pub date: String,
    /// The line's money; without it, quantity × unit price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<String>,
    /// The invoice column (groups lines into orders, marks cancellations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<i32>,
}

impl CustomerSetup {
    /// The setup of `columns` of a table whose headers are `names`.
    pub fn of_columns(columns: &TransactionColumns, names: &[String], as_of: Option<i32>) -> Self {
        let name = |i: Option<usize>| i.and_then(|i| names.get(i).cloned());
        CustomerSetup {
            file: None,
            customer: name(Some(columns.customer)).unwrap_or_default(),
            date: name(Some(columns.date)).unwrap_or_default(),
            value: name(columns.value),
            quantity: name(columns.quantity),
            unit_price: name(columns.unit_price),
            invoice: name(columns.invoice),
            as_of,
        }
    }

    /// The columns of a table whose headers are `names`, or `None` when a
    /// chosen column is not there any more.
    pub fn columns(&self, names: &[String]) -> Option<TransactionColumns> {
        let find = |name: &str| names.iter().position(|n| n == name);
        let optional = |name: &Option<String>| match name {
            Some(name) => find(name).map(Some),
            None => Some(None),
        };
        Some(TransactionColumns {
            customer: find(&self.customer)?,
            date: find(&self.date)?,
            value: optional(&self.value)?,
            quantity: optional(&self.quantity)?,
            unit_price: optional(&self.unit_price)?,
            invoice: optional(&self.invoice)?,
        })
    }
}

fn is_default(options: &LoadOptions) -> bool {
    *options == LoadOptions::default()
}

/// What the user chose for one column; `None` keeps the inferred value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ColumnChoice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_type: Option<ColumnType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Day/month order for `a/b/yyyy` dates the data left ambiguous (or
    /// read wrongly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
}

impl ColumnChoice {
    pub fn is_empty(&self) -> bool {
        self.column_type.is_none() && self.role.is_none() && self.date_order.is_none()
    }
}

impl Default for ProjectState {
    fn default() -> Self {
        ProjectState {
            format_version: FORMAT_VERSION,
            lang: Lang::En,
            file: None,
            chart_column: None,
            columns: BTreeMap::new(),
            load_options: LoadOptions::default(),
            fixes: Vec::new(),
            customers: None,
            beside: Vec::new(),
            links: BTreeMap::new(),
            segmentations: Vec::new(),
            shown_segmentation: None,
            rfm_rules: None,
            rule_segmentations: Vec::new(),
            shown_rule_segmentation: None,
            persona_edits: Vec::new(),
            personas_of: None,
        }
    }
}

/// What loading a saved project found.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    /// Nothing was saved: a first visit.
    Fresh,
    Loaded(ProjectState),
    /// Saved by a newer build: shown, but must not be saved over.
    Newer {
        found: u32,
        state: ProjectState,
    },
    /// Unreadable; the caller keeps the raw text aside and starts fresh,
    /// telling the user.
    Corrupt {
        reason: String,
    },
}

pub fn encode(state: &ProjectState) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string(state).unwrap_or_default()
}

/// Read a saved project, whatever its version.
pub fn decode(saved: Option<&str>) -> Restored {
    let Some(text) = saved else {
        return Restored::Fresh;
    };
    match serde_json::from_str(text) {
        Ok(value) => decode_value(value),
        Err(err) => Restored::Corrupt {
            reason: err.to_string(),
        },
    }
}

/// Read a saved project already parsed as JSON (the project inside a saved
/// copy or a project file), whatever its version.
pub fn decode_value(value: serde_json::Value) -> Restored {
    let Some(version) = value.get("format_version").and_then(|v| v.as_u64()) else {
        return Restored::Corrupt {
            reason: "no format_version".to_string(),
        };
    };
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > FORMAT_VERSION {
        // Read what this build understands (unknown fields are ignored), but
        // remember the newer version so nothing writes over it.
        return match serde_json::from_value::<ProjectState>(value) {
            Ok(state) => Restored::Newer {
                found: version,
                state,
            },
            Err(_) => Restored::Newer {
                found: version,
                state: ProjectState::default(),
            },
        };
    }
    match serde_json::from_value::<ProjectState>(value) {
        Ok(state) => Restored::Loaded(migrate(state)),
        Err(err) => Restored::Corrupt {
            reason: err.to_string(),
        },
    }
}

/// Bring an older save up to [`FORMAT_VERSION`]. Format 1 → 2 only added
/// `columns`, 2 → 3 `beside`, `links` and the customer log's `file`, which
/// serde fills with their defaults (one file, guessed links, the log being
/// the open file); the version is then stamped so the next save writes the
/// current format.
fn migrate(mut state: ProjectState) -> ProjectState {
    state.format_version = FORMAT_VERSION;
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::persona::{PersonaKey, PersonaSegmentation};

    fn sample() -> ProjectState {
        ProjectState {
            format_version: FORMAT_VERSION,
            lang: Lang::Fa,
            file: Some(FileRef {
                name: "مشتریان.csv".into(),
                size: 1234,
            }),
            chart_column: Some("Age".into()),
            columns: BTreeMap::from([(
                "City".to_string(),
                ColumnChoice {
                    column_type: Some(ColumnType::Category),
                    role: Some(Role::City),
                    date_order: Some(DateOrder::DayFirst),
                },
            )]),
            load_options: LoadOptions {
                encoding: Some("windows-1256".into()),
                delimiter: None,
                has_header: Some(true),
                sheet: Some("مشتریان".into()),
            },
            fixes: vec![Fix::Trim {
                column: "City".into(),
            }],
            customers: Some(CustomerSetup {
                customer: "شناسه".into(),
                date: "تاریخ".into(),
                value: Some("مبلغ".into()),
                quantity: None,
                unit_price: None,
                invoice: Some("فاکتور".into()),
                as_of: Some(19_000),
                file: Some("سفارش‌ها.csv".into()),
            }),
            beside: vec![FileSettings::new(
                FileRef {
                    name: "سفارش‌ها.csv".into(),
                    size: 99,
                },
                LoadOptions::default(),
            )],
            links: BTreeMap::from([(
                "سفارش‌ها.csv".to_string(),
                LinkSetting {
                    role: Some(FileRole::Transactions),
                    key: Some("شناسه".into()),
                },
            )]),
            segmentations: vec![SavedSegmentation {
                id: 1,
                name: "مشتریان بر پایه سن".into(),
                file: "مشتریان.csv".into(),
                features: vec![crate::core::segment::FeatureSetting {
                    column: "Age".into(),
                    kind: crate::core::segment::FeatureKind::Numeric(Default::default()),
                }],
                k_min: 2,
                k_max: 8,
                k: Some(4),
                seed: 42,
                restarts: 4,
                segment_names: vec!["جوان".into(), String::new()],
            }],
            shown_segmentation: Some(1),
            rfm_rules: Some(edited_rfm_rules()),
            rule_segmentations: vec![SavedRuleSegmentation {
                id: 1,
                name: "جوانان تهران".into(),
                file: "مشتریان.csv".into(),
                segments: vec![crate::core::segment::RuleSegment {
                    name: "۲۵ تا ۳۴".into(),
                    rule: crate::core::segment::Rule {
                        join: crate::core::segment::Join::All,
                        conditions: vec![crate::core::segment::Condition {
                            column: "Age".into(),
                            operator: crate::core::segment::Operator::Between,
                            values: vec!["25".into(), "34".into()],
                        }],
                    },
                }],
            }],
            shown_rule_segmentation: Some(1),
            persona_edits: vec![PersonaEdit {
                name: Some("شکارچیان تخفیف".into()),
                goals: "Save".into(),
                picture: Some("data:image/jpeg;base64,/9j/".into()),
                ..PersonaEdit::new(
                    PersonaKey {
                        segmentation: PersonaSegmentation::KMeans,
                        id: 1,
                        segment: 2,
                    },
                    35,
                )
            }],
            personas_of: Some(PersonaSegmentation::Rules),
        }
    }

    /// The standard RFM map with Champions widened to R 4–5.
    fn edited_rfm_rules() -> RfmRules {
        let mut rules = RfmRules::standard();
        if let Some(first) = rules.rules.first_mut() {
            first.recency = crate::core::segment::ScoreRange::new(4, 5);
        }
        rules
    }

    #[test]
    fn rfm_rules_are_kept_and_absent_in_older_saves() {
        let state = sample();
        let text = encode(&state);
        assert!(text.contains("\"rfm_rules\""));
        let Restored::Loaded(back) = decode(Some(&text)) else {
            panic!("not loaded");
        };
        assert_eq!(back.rfm_rules, Some(edited_rfm_rules()));
        let fresh = encode(&ProjectState::default());
        assert!(!fresh.contains("rfm_rules"), "{fresh}");
        let Restored::Loaded(back) = decode(Some(&fresh)) else {
            panic!("not loaded");
        };
        assert_eq!(back.rfm_rules, None);
    }

    #[test]
    fn opening_a_file_beside_swaps_the_settings() {
        let mut state = sample();
        assert!(state.open_beside("سفارش‌ها.csv"));
        assert_eq!(state.file.as_ref().map(|f| f.size), Some(99));
        assert!(state.fixes.is_empty());
        assert_eq!(state.beside.len(), 1);
        assert_eq!(state.beside[0].file.name, "مشتریان.csv");
        assert_eq!(state.beside[0].chart_column.as_deref(), Some("Age"));
        assert_eq!(state.beside[0].fixes.len(), 1);
        assert!(state.open_beside("مشتریان.csv"));
        assert_eq!(state, sample());
        assert!(!state.open_beside("nothing.csv"));
        state.remove_file("سفارش‌ها.csv");
        assert!(state.beside.is_empty() && state.links.is_empty());
        assert_eq!(state.customers, None, "its log went with it");
        assert_eq!(state.file_names(), ["مشتریان.csv"]);
        assert_eq!(state.segmentations.len(), 1, "of the file still there");
        assert_eq!(state.rule_segmentations.len(), 1, "of the file still there");
        state.remove_file("مشتریان.csv");
        assert!(state.segmentations.is_empty(), "went with its file");
        assert!(state.rule_segmentations.is_empty(), "went with its file");
    }

    #[test]
    fn customer_setup_follows_columns_by_name() {
        let names: Vec<String> = ["Invoice", "Customer", "Date", "Total"]
            .map(String::from)
            .to_vec();
        let columns = TransactionColumns {
            customer: 1,
            date: 2,
            value: Some(3),
            invoice: Some(0),
            ..TransactionColumns::default()
        };
        let setup = CustomerSetup::of_columns(&columns, &names, None);
        assert_eq!(setup.columns(&names), Some(columns));
        let reordered: Vec<String> = ["Date", "Total", "Customer", "Invoice"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            setup.columns(&reordered),
            Some(TransactionColumns {
                customer: 2,
                date: 0,
                value: Some(1),
                invoice: Some(3),
                ..TransactionColumns::default()
            })
        );
        assert_eq!(setup.columns(&names[..3]), None, "the total column is gone");
    }

    #[test]
    fn round_trips() {
        let state = sample();
        assert_eq!(decode(Some(&encode(&state))), Restored::Loaded(state));
    }

    #[test]
    fn nothing_saved_is_fresh() {
        assert_eq!(decode(None), Restored::Fresh);
    }

    #[test]
    fn version_1_sample_still_loads() {
        // A save exactly as version 1 wrote it; keep this literal unchanged
        // so a later format change must migrate it.
        let v1 = r#"{"format_version":1,"lang":"ar","file":{"name":"a.csv","size":10},"chart_column":"Quantity"}"#;
        match decode(Some(v1)) {
            Restored::Loaded(state) => {
                assert_eq!(state.lang, Lang::Ar);
                assert_eq!(state.chart_column.as_deref(), Some("Quantity"));
                assert!(state.columns.is_empty());
                assert_eq!(state.format_version, FORMAT_VERSION);
            }
            other => panic!("expected Loaded, got {other:?}"),
        }
    }

    #[test]
    fn version_2_sample_still_loads() {
        // A save exactly as version 2 wrote it.
        let v2 = r#"{"format_version":2,"lang":"fa","file":{"name":"c.csv","size":5},"chart_column":null,"columns":{"سن":{"column_type":"integer","role":"age"},"Plan":{"role":"loyalty"}}}"#;
        let Restored::Loaded(state) = decode(Some(v2)) else {
            panic!("loads");
        };
        assert_eq!(state.columns["سن"].role, Some(Role::Age));
        assert_eq!(state.columns["Plan"].column_type, None);
    }

    #[test]
    fn half_written_save_is_corrupt_not_empty() {
        let text = encode(&sample());
        let half: String = text.chars().take(text.chars().count() / 2).collect();
        let half = half.as_str();
        assert!(matches!(decode(Some(half)), Restored::Corrupt { .. }));
        assert!(matches!(decode(Some("{}")), Restored::Corrupt { .. }));
    }

    #[test]
    fn newer_format_is_flagged() {
        let newer =
            r#"{"format_version":99,"lang":"fa","file":null,"chart_column":null,"future":true}"#;
        match decode(Some(newer)) {
            Restored::Newer { found, state } => {
                assert_eq!(found, 99);
                assert_eq!(state.lang, Lang::Fa);
            }
            other => panic!("expected Newer, got {other:?}"),
        }
    }
}
