//! How the project's files relate: each file's role and customer key (the
//! user's choice, else guessed by `core::relate`) and the link report. The
//! engine keeps the answer, so one customer's story can gather their rows
//! from every linked file.

use serde::{Deserialize, Serialize};

use super::files::ProjectFile;
use super::{ColumnSummary, Engine, Response};
use crate::core::quality::ColumnKind;
use crate::core::relate::{
    find_key, find_key_against, guess_file_role, link, CustomerKeys, FileRole, KeyAnswer,
    KeyCandidate, Keyed, LinkReport, RoleGuess,
};

/// What the user chose for one file; `None` leaves it to the guess.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkChoice {
    pub file: String,
    #[serde(default)]
    pub role: Option<FileRole>,
    /// The key column's header.
    #[serde(default)]
    pub key: Option<String>,
}

/// One file of the project as linked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkedFile {
    pub file: String,
    /// Whether it is the open file.
    pub open: bool,
    pub rows: usize,
    pub columns: Vec<String>,
    /// The role in use (the user's, else the guess).
    pub role: FileRole,
    pub role_guess: RoleGuess,
    /// The key column in use (the user's, else the best candidate).
    pub key: Option<usize>,
    /// Columns offered as the key, best first.
    pub key_candidates: Vec<KeyCandidate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectLink {
    /// The open file first.
    pub files: Vec<LinkedFile>,
    /// None when no file has a customer key.
    pub report: Option<LinkReport>,
}

/// A file's columns as its load judged them (type and role).
fn kinds_of(file: &ProjectFile) -> Vec<ColumnKind> {
    file.summary
        .columns
        .iter()
        .map(ColumnSummary::kind)
        .collect()
}

fn candidates(answer: KeyAnswer) -> Vec<KeyCandidate> {
    match answer {
        KeyAnswer::Found { candidates, .. } => candidates,
        KeyAnswer::NoCustomerKey => Vec::new(),
    }
}

/// The user's key when the file has that column, else the best candidate.
fn key_in_use(
    choice: Option<&LinkChoice>,
    file: &ProjectFile,
    offered: &[KeyCandidate],
) -> Option<usize> {
    let chosen = choice.and_then(|c| c.key.as_deref());
    chosen
        .and_then(|name| file.table().column_index(name))
        .or_else(|| offered.first().map(|c| c.column))
}

impl Engine {
    /// Decide every file's role and key and link the files. The open file
    /// is read as the page shows it (fixes and filter applied).
    pub(super) fn link(&mut self, choices: &[LinkChoice]) -> Response {
        let choice_of = |name: &str| choices.iter().find(|c| c.file == name);
        let open_name = self.open.as_ref().map(|open| open.name.clone());
        // Roles first: the key of every other file is judged against the
        // customers file's keys.
        let mut files: Vec<LinkedFile> = self
            .project_files()
            .map(|file| {
                let role_guess = guess_file_role(file.table(), &kinds_of(file));
                LinkedFile {
                    file: file.name.clone(),
                    open: open_name.as_deref() == Some(file.name.as_str()),
                    rows: file.table().row_count(),
                    columns: file
                        .table()
                        .columns
                        .iter()
                        .map(|c| c.name.clone())
                        .collect(),
                    role: choice_of(&file.name)
                        .and_then(|c| c.role)
                        .unwrap_or(role_guess.role),
                    role_guess,
                    key: None,
                    key_candidates: Vec::new(),
                }
            })
            .collect();
        let customers_at = files.iter().position(|f| f.role == FileRole::Customers);
        let mut customer_keys = None;
        if let Some(at) = customers_at {
            if let (Some(linked), Some(file)) = (files.get_mut(at), self.project_files().nth(at)) {
                linked.key_candidates = candidates(find_key(file.table(), &kinds_of(file)));
                linked.key = key_in_use(choice_of(&file.name), file, &linked.key_candidates);
                customer_keys = linked
                    .key
                    .and_then(|key| CustomerKeys::read(file.table(), key));
            }
        }
        for (at, (linked, file)) in files.iter_mut().zip(self.project_files()).enumerate() {
            if Some(at) == customers_at {
                continue;
            }
            let kinds = kinds_of(file);
            let answer = match &customer_keys {
                Some(keys) => find_key_against(file.table(), &kinds, keys),
                None => find_key(file.table(), &kinds),
            };
            linked.key_candidates = candidates(answer);
            linked.key = key_in_use(choice_of(&file.name), file, &linked.key_candidates);
        }
        let report = self.link_report(&files, customers_at);
        self.links = files.clone();
        Response::Link(Box::new(ProjectLink { files, report }))
    }

    /// The link report over every file with a key.
    fn link_report<'a>(
        &'a self,
        files: &'a [LinkedFile],
        customers_at: Option<usize>,
    ) -> Option<LinkReport> {
        let keyed = |linked: &'a LinkedFile| -> Option<Keyed<'a>> {
            let table = self.project_table(Some(&linked.file))?;
            Keyed::new(&linked.file, table, linked.key?, linked.role).ok()
        };
        let customers = customers_at.and_then(|at| files.get(at)).and_then(keyed);
        let others: Vec<Keyed> = files
            .iter()
            .enumerate()
            .filter(|(at, _)| Some(*at) != customers_at)
            .filter_map(|(_, linked)| keyed(linked))
            .collect();
        (customers.is_some() || !others.is_empty()).then(|| link(customers, &others))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ingest::LoadOptions;
    use crate::core::relate::CustomersSource;
    use crate::engine::{FilePlace, Request};

    const PEOPLE: &str = "customer_id,name,age,city\n\
        C1,Sara,34,Tehran\n\
        C2,Ali,41,Yazd\n\
        C3,Reza,29,Rasht\n\
        C3,Reza,29,Rasht\n";
    const LOG: &str = "invoice,customer_id,date,amount\n\
        1,C1,2024-01-05,10\n\
        2,C2,2024-01-06,5\n\
        3, C1,2024-02-05,30\n\
        4,C9,2024-02-06,7\n\
        5,,2024-03-01,4\n\
        6,C2,2024-03-02,8\n\
        7,C1,2024-03-03,9\n";

    fn load(engine: &mut Engine, name: &str, text: &str, place: FilePlace) {
        let loaded = engine.handle(Request::Load {
            file_name: name.into(),
            bytes: text.as_bytes().to_vec(),
            options: LoadOptions::default(),
            place,
        });
        assert!(matches!(loaded, Response::Loaded(_)), "{loaded:?}");
    }

    fn linked(engine: &mut Engine, choices: Vec<LinkChoice>) -> ProjectLink {
        match engine.handle(Request::Link { choices }) {
            Response::Link(link) => *link,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn guesses_roles_and_keys_and_reports_the_link() {
        let mut engine = Engine::new();
        load(&mut engine, "people.csv", PEOPLE, FilePlace::Open);
        load(&mut engine, "orders.csv", LOG, FilePlace::Beside);
        let project = linked(&mut engine, vec![]);
        let roles: Vec<_> = project
            .files
            .iter()
            .map(|f| (f.file.as_str(), f.open, f.role))
            .collect();
        assert_eq!(
            roles,
            [
                ("people.csv", true, FileRole::Customers),
                ("orders.csv", false, FileRole::Transactions)
            ]
        );
        assert_eq!(project.files[0].key, Some(0));
        assert_eq!(project.files[1].key, Some(1));
        let report = project.report.expect("a report");
        assert_eq!(report.customers, 3);
        let CustomersSource::Table { duplicates, .. } = &report.source else {
            panic!("{:?}", report.source);
        };
        assert_eq!((duplicates.keys, duplicates.extra_rows), (1, 1));
        let orders = &report.files[0];
        assert_eq!(
            (
                orders.matched_rows,
                orders.orphan_rows,
                orders.blank_key_rows
            ),
            (5, 1, 1)
        );
        assert_eq!(orders.orphan_examples[0].key, "C9");
        assert_eq!(orders.customers_without_rows, 1);
        assert_eq!(orders.without_rows_examples, ["C3"]);
    }

    #[test]
    fn the_users_choices_override_the_guesses() {
        let mut engine = Engine::new();
        load(&mut engine, "people.csv", PEOPLE, FilePlace::Open);
        load(&mut engine, "orders.csv", LOG, FilePlace::Beside);
        let project = linked(
            &mut engine,
            vec![
                LinkChoice {
                    file: "people.csv".into(),
                    role: Some(FileRole::Other),
                    key: None,
                },
                LinkChoice {
                    file: "orders.csv".into(),
                    role: None,
                    key: Some("invoice".into()),
                },
            ],
        );
        assert_eq!(project.files[0].role, FileRole::Other);
        assert_eq!(project.files[0].role_guess.role, FileRole::Customers);
        assert_eq!(project.files[1].key, Some(0));
        // No customers file: the customers are the log's distinct keys (here
        // its invoice numbers, as the user said).
        let report = project.report.expect("a report");
        assert!(matches!(report.source, CustomersSource::Derived { .. }));
        assert_eq!(report.customers, 7);
    }

    #[test]
    fn one_customers_story_gathers_their_rows_from_the_linked_files() {
        let mut engine = Engine::new();
        load(&mut engine, "people.csv", PEOPLE, FilePlace::Open);
        load(&mut engine, "orders.csv", LOG, FilePlace::Beside);
        linked(&mut engine, vec![]);
        let built = engine.handle(Request::Customers {
            columns: crate::core::customers::TransactionColumns {
                customer: 1,
                date: 2,
                value: Some(3),
                ..Default::default()
            },
            as_of: None,
            file: Some("orders.csv".into()),
        });
        assert!(matches!(built, Response::Customers(_)), "{built:?}");
        let Response::CustomerStory(story) = engine.handle(Request::Customer { id: "C1".into() })
        else {
            panic!("no story");
        };
        assert_eq!(story.total_rows, 3, "orders of C1 and ' C1'");
        assert_eq!(story.elsewhere.len(), 1);
        let people = &story.elsewhere[0];
        assert_eq!(
            (people.file.as_str(), people.role),
            ("people.csv", FileRole::Customers)
        );
        assert_eq!(
            people.rows,
            [(
                0,
                vec!["C1".into(), "Sara".into(), "34".into(), "Tehran".into()]
            )]
        );
    }

    #[test]
    fn opening_another_file_keeps_the_first_beside_it() {
        let mut engine = Engine::new();
        load(&mut engine, "people.csv", PEOPLE, FilePlace::Open);
        load(&mut engine, "orders.csv", LOG, FilePlace::Beside);
        let Response::Loaded(summary) = engine.handle(Request::OpenFile {
            file: "orders.csv".into(),
        }) else {
            panic!("not opened");
        };
        assert_eq!(summary.report.rows, 7);
        let project = linked(&mut engine, vec![]);
        let names: Vec<_> = project
            .files
            .iter()
            .map(|f| (f.file.as_str(), f.open))
            .collect();
        assert_eq!(names, [("orders.csv", true), ("people.csv", false)]);
        assert_eq!(
            engine.handle(Request::RemoveFile {
                file: "people.csv".into()
            }),
            Response::Removed {
                file: "people.csv".into()
            }
        );
        assert_eq!(linked(&mut engine, vec![]).files.len(), 1);
        assert_eq!(
            engine.handle(Request::OpenFile {
                file: "people.csv".into()
            }),
            Response::NoSuchFile {
                file: "people.csv".into()
            }
        );
    }
}
