//! The engine's customer database: built from one of the project's files
//! read as a transaction log, kept here, and answered a page (or one
//! customer, with their rows in the project's other files) at a time, and
//! its RFM segments (the assignment kept beside the base it scores).

use std::sync::Arc;

use super::{Engine, Response};
use crate::core::customer_base::{
    build_customer_base_pausing, customer_story, rows_of_customer, select, BaseError, CustomerBase,
    CustomerQuery, CustomerRecord, RelatedRows,
};
use crate::core::customers::TransactionColumns;
use crate::core::pause::{finish_now, NoPause};
use crate::core::relate::FileRole;
use crate::core::segment::{rfm_segments, RfmAssignment, RfmRules};
use crate::core::table::Table;

/// The table a customer base is being built from.
#[derive(Debug, Clone)]
pub struct CustomerSource {
    /// The project file's name.
    pub name: String,
    pub table: Arc<Table>,
}

/// Customers a single `CustomerPage` request may ask for.
pub const MAX_CUSTOMER_PAGE: usize = 1_000;

/// The built base and the last query's answer (scrolling asks the same
/// query again and again; a million customers are not re-sorted each time).
#[derive(Debug, Default)]
pub(super) struct Customers {
    base: Option<CustomerBase>,
    /// The file the base was read from.
    source: String,
    selection: Option<(CustomerQuery, Vec<usize>)>,
    /// Each customer's RFM scores and segment (in `base.records` order)
    /// under the rules last asked for; empty until `Request::Rfm`.
    rfm: Vec<RfmAssignment>,
    /// The rules of that assignment (for the SQL export).
    rfm_rules: Option<RfmRules>,
}

impl Engine {
    /// Read file `file` (`None`: the open one) as a transaction log
    /// through `columns`, all at once.
    pub(super) fn build_customers(
        &mut self,
        columns: TransactionColumns,
        as_of: Option<i32>,
        file: Option<String>,
    ) -> Response {
        let source = match self.start_customers(file) {
            Ok(source) => source,
            Err(response) => return *response,
        };
        let Ok(built) = finish_now(build_customer_base_pausing(
            &source.table,
            columns,
            as_of,
            &mut NoPause,
        ));
        self.keep_customers(&source, built)
    }

    /// The first part of building customers from file `file` (`None`: the
    /// open one): the base kept so far is dropped, and the file's table is
    /// handed out to build from while the engine answers other requests.
    pub fn start_customers(
        &mut self,
        file: Option<String>,
    ) -> Result<CustomerSource, Box<Response>> {
        self.customers = Customers::default();
        let Some(source) = self.project_file(file.as_deref()) else {
            return Err(Box::new(match file {
                Some(file) => Response::NoSuchFile { file },
                None => Response::NoTable,
            }));
        };
        Ok(CustomerSource {
            name: source.name.clone(),
            table: Arc::clone(source.shared_table()),
        })
    }

    /// Keep the base built from `source` and answer its summary; if the
    /// file changed or went meanwhile, the base describes a table that is
    /// gone and is not kept (the page asks again for the new one).
    pub fn keep_customers(
        &mut self,
        source: &CustomerSource,
        built: Result<CustomerBase, BaseError>,
    ) -> Response {
        let current = self.project_file(Some(&source.name));
        if !current.is_some_and(|file| Arc::ptr_eq(file.shared_table(), &source.table)) {
            return Response::CustomersCancelled;
        }
        match built {
            Ok(base) => {
                let summary = Box::new(base.summary.clone());
                self.customers = Customers {
                    base: Some(base),
                    source: source.name.clone(),
                    selection: None,
                    rfm: Vec::new(),
                    rfm_rules: None,
                };
                Response::Customers(summary)
            }
            Err(error) => Response::CustomersFailed(error),
        }
    }

    /// Customers `start..end` of those `query` keeps, in its order.
    pub(super) fn customer_page(
        &mut self,
        query: CustomerQuery,
        start: usize,
        end: usize,
    ) -> Response {
        let Some(base) = &self.customers.base else {
            return Response::NoCustomers;
        };
        let fresh = match &self.customers.selection {
            Some((asked, _)) => *asked != query,
            None => true,
        };
        if fresh {
            let kept = select(&base.records, &query);
            self.customers.selection = Some((query, kept));
        }
        let kept = self
            .customers
            .selection
            .as_ref()
            .map(|(_, kept)| kept.as_slice())
            .unwrap_or_default();
        let end = end
            .min(start.saturating_add(MAX_CUSTOMER_PAGE))
            .min(kept.len());
        let records: Vec<CustomerRecord> = kept
            .get(start.min(end)..end)
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| base.records.get(i).cloned())
            .collect();
        Response::CustomerPage {
            matching: kept.len(),
            start,
            records,
        }
    }

    /// The base's RFM scores and segments under `rules` (`None`: the
    /// standard map); the assignment is kept for later requests.
    pub(super) fn rfm(&mut self, rules: Option<RfmRules>) -> Response {
        let Some(base) = &self.customers.base else {
            return Response::NoCustomers;
        };
        let rules = rules.unwrap_or_default();
        let (report, assignments) = rfm_segments(&base.records, &rules);
        self.customers.rfm = assignments;
        self.customers.rfm_rules = Some(rules);
        Response::Rfm(Box::new(report))
    }

    /// The base, the rules of its last RFM segments and the file it was
    /// read from, once RFM has been asked for.
    pub(super) fn rfm_parts(&self) -> Option<(&CustomerBase, &RfmRules, &str)> {
        let base = self.customers.base.as_ref()?;
        let rules = self.customers.rfm_rules.as_ref()?;
        Some((base, rules, self.customers.source.as_str()))
    }

    /// Each customer of the base with their RFM scores and segment, as last
    /// asked for (for exports and other segmentations).
    pub fn rfm_assignments(&self) -> impl Iterator<Item = (&CustomerRecord, &RfmAssignment)> {
        self.customers
            .base
            .iter()
            .flat_map(|base| base.records.iter().zip(&self.customers.rfm))
    }

    /// Everything known about one customer.
    pub(super) fn customer(&self, id: &str) -> Response {
        let source = &self.customers.source;
        let (Some(base), Some(table)) = (&self.customers.base, self.project_table(Some(source)))
        else {
            return Response::NoCustomers;
        };
        match customer_story(base, table, id) {
            Some(mut story) => {
                story.elsewhere = self.rows_elsewhere(id);
                Response::CustomerStory(Box::new(story))
            }
            None => Response::NoSuchCustomer { id: id.to_string() },
        }
    }

    /// The customer's rows in the project's other linked files: their
    /// details in the customers file, what they said in a feedback file.
    fn rows_elsewhere(&self, id: &str) -> Vec<RelatedRows> {
        let mut related: Vec<RelatedRows> = self
            .links
            .iter()
            .filter(|link| link.file != self.customers.source)
            .filter_map(|link| {
                let key = link.key?;
                let table = self.project_table(Some(&link.file))?;
                rows_of_customer(&link.file, link.role, table, key, id)
            })
            .filter(|rows| rows.total_rows > 0)
            .collect();
        // The person's details first, then what they said, then the rest.
        related.sort_by_key(|rows| match rows.role {
            FileRole::Customers => 0,
            FileRole::Feedback => 1,
            FileRole::Transactions => 2,
            FileRole::Other => 3,
        });
        related
    }

    /// File `name` changed (loaded again, fixed, filtered, removed): a base
    /// read from it no longer describes it; the page asks for it again.
    pub(super) fn forget_customers_of(&mut self, name: &str) {
        if self.customers.source == name {
            self.customers = Customers::default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::customer_base::{CustomerField, FieldRange};
    use crate::engine::{Request, RowFilter};

    const LOG: &str = "invoice,customer,date,amount\n\
        1,c1,2024-01-05,10\n\
        2,c2,2024-01-06,5\n\
        3,c1,2024-02-05,30\n\
        4,,2024-02-06,7\n\
        5,c3,2024-03-01,oops\n\
        6,c1,2024-03-10,20\n";

    fn engine_with_log() -> Engine {
        Engine::with_open("log.csv", LOG)
    }

    fn columns() -> TransactionColumns {
        TransactionColumns {
            customer: 1,
            date: 2,
            value: Some(3),
            invoice: Some(0),
            ..TransactionColumns::default()
        }
    }

    /// What the worker does: start, let other requests run, keep.
    fn build_in_steps(engine: &mut Engine, meanwhile: impl FnOnce(&mut Engine)) -> Response {
        let source = engine.start_customers(None).expect("a file is open");
        meanwhile(engine);
        let Ok(built) = finish_now(build_customer_base_pausing(
            &source.table,
            columns(),
            None,
            &mut NoPause,
        ));
        engine.keep_customers(&source, built)
    }

    #[test]
    fn a_base_built_while_other_requests_run_is_kept_unless_its_file_changed() {
        let mut engine = engine_with_log();
        let built = build_in_steps(&mut engine, |engine| {
            engine.handle(Request::Rows { start: 0, end: 3 });
        });
        assert!(matches!(built, Response::Customers(_)), "{built:?}");
        // A fix made while it was built: the base read the table before it
        // and describes rows that are gone, so it is not kept.
        let stale = build_in_steps(&mut engine, |engine| {
            engine.handle(Request::SetFilter {
                filter: Some(RowFilter {
                    column: 1,
                    value: "c1".into(),
                }),
            });
        });
        assert_eq!(stale, Response::CustomersCancelled);
        let page = engine.handle(Request::CustomerPage {
            query: CustomerQuery::default(),
            start: 0,
            end: 10,
        });
        assert_eq!(page, Response::NoCustomers);
    }

    #[test]
    fn builds_pages_and_tells_one_customers_story() {
        let mut engine = engine_with_log();
        let Response::Customers(summary) = engine.handle(Request::Customers {
            columns: columns(),
            as_of: None,
            file: None,
        }) else {
            panic!("no base");
        };
        assert_eq!(summary.customers, 2);
        assert_eq!(
            (
                summary.log.used,
                summary.log.orphans.count,
                summary.log.bad_value.count
            ),
            (4, 1, 1)
        );
        assert_eq!(summary.log.bad_value.first_rows, [5]);
        let page = engine.handle(Request::CustomerPage {
            query: CustomerQuery {
                sort_by: CustomerField::Total,
                descending: true,
                ..CustomerQuery::default()
            },
            start: 0,
            end: 10,
        });
        let Response::CustomerPage {
            matching, records, ..
        } = page
        else {
            panic!("{page:?}");
        };
        assert_eq!(matching, 2);
        assert_eq!(records[0].id, "c1");
        assert_eq!((records[0].orders, records[0].total), (3, 60.0));
        assert_eq!(records[0].days_since_last, 1);
        let Response::CustomerStory(story) = engine.handle(Request::Customer { id: "c1".into() })
        else {
            panic!("no story");
        };
        assert_eq!(story.total_rows, 3);
        assert_eq!(
            story.rows.iter().map(|(row, _)| *row).collect::<Vec<_>>(),
            [0, 2, 5]
        );
        assert_eq!(
            story.months,
            [
                ("2024-01".to_string(), 1),
                ("2024-02".into(), 1),
                ("2024-03".into(), 1)
            ]
        );
        assert_eq!(
            engine.handle(Request::Customer {
                id: "nobody".into()
            }),
            Response::NoSuchCustomer {
                id: "nobody".into()
            }
        );
    }

    #[test]
    fn rfm_segments_come_from_the_built_base_and_follow_the_rules() {
        use crate::core::segment::{RfmSegment, ScoreRange};
        let mut engine = engine_with_log();
        assert_eq!(
            engine.handle(Request::Rfm { rules: None }),
            Response::NoCustomers
        );
        engine.handle(Request::Customers {
            columns: columns(),
            as_of: None,
            file: None,
        });
        // c1: 1 day since the last purchase, 3 orders, 60 spent; c2: 65
        // days, 1 order, 5. Two customers: ranks 1 and 2 score 1 and 5.
        // c1 is R 5, F 5, M 5 (Champions); c2 R 1, F 1, M 1 (Lost).
        let Response::Rfm(report) = engine.handle(Request::Rfm { rules: None }) else {
            panic!("no report");
        };
        assert_eq!(report.customers, 2);
        let count = |segment| {
            report
                .segments
                .iter()
                .find(|s| s.segment == segment)
                .map(|s| s.customers)
        };
        assert_eq!(count(RfmSegment::Champions), Some(1));
        assert_eq!(count(RfmSegment::Lost), Some(1));
        let kept: Vec<(String, Option<RfmSegment>)> = engine
            .rfm_assignments()
            .map(|(r, a)| (r.id.clone(), a.segment))
            .collect();
        assert_eq!(
            kept,
            [
                ("c1".to_string(), Some(RfmSegment::Champions)),
                ("c2".to_string(), Some(RfmSegment::Lost))
            ]
        );
        // The user's rules: Lost no longer holds R 1, FM 1; c2 is unassigned.
        let mut rules = RfmRules::standard();
        for rule in &mut rules.rules {
            if rule.segment == RfmSegment::Lost {
                rule.fm = ScoreRange::new(2, 2);
            }
        }
        let Response::Rfm(report) = engine.handle(Request::Rfm {
            rules: Some(rules.clone()),
        }) else {
            panic!("no report");
        };
        assert_eq!(report.rules, rules);
        assert_eq!(
            (report.unassigned, report.uncovered.clone()),
            (1, vec![(1, 1)])
        );
        assert_eq!(
            count(RfmSegment::Lost),
            Some(1),
            "the first report is unchanged"
        );
        assert_eq!(
            engine
                .rfm_assignments()
                .map(|(_, a)| a.segment)
                .collect::<Vec<_>>(),
            [Some(RfmSegment::Champions), None]
        );
    }

    #[test]
    fn a_narrower_table_forgets_the_base_until_built_again() {
        let mut engine = engine_with_log();
        engine.handle(Request::Customers {
            columns: columns(),
            as_of: None,
            file: None,
        });
        engine.handle(Request::SetFilter {
            filter: Some(RowFilter {
                column: 1,
                value: "c2".into(),
            }),
        });
        let query = CustomerQuery {
            ranges: vec![FieldRange {
                field: CustomerField::Orders,
                min: Some(1.0),
                max: None,
            }],
            ..CustomerQuery::default()
        };
        assert_eq!(
            engine.handle(Request::CustomerPage {
                query: query.clone(),
                start: 0,
                end: 5
            }),
            Response::NoCustomers
        );
        let Response::Customers(summary) = engine.handle(Request::Customers {
            columns: columns(),
            as_of: None,
            file: None,
        }) else {
            panic!("no base");
        };
        assert_eq!(summary.customers, 1);
    }

    #[test]
    fn a_log_with_nothing_usable_says_why() {
        let mut engine = engine_with_log();
        let failed = engine.handle(Request::Customers {
            columns: TransactionColumns {
                customer: 1,
                date: 0,
                value: Some(3),
                ..TransactionColumns::default()
            },
            as_of: None,
            file: None,
        });
        assert!(matches!(failed, Response::CustomersFailed(_)), "{failed:?}");
        assert!(matches!(
            engine.handle(Request::Customers {
                columns: TransactionColumns {
                    customer: 9,
                    date: 2,
                    value: Some(3),
                    ..TransactionColumns::default()
                },
                as_of: None,
                file: None,
            }),
            Response::CustomersFailed(crate::core::customer_base::BaseError::Columns { .. })
        ));
    }

    #[test]
    fn rfm_segments_told_as_personas_from_the_customer_base() {
        let mut engine = engine_with_log();
        let headers = vec!["days".to_string()];
        assert_eq!(
            engine.handle(Request::RfmPersonas {
                headers: headers.clone()
            }),
            Response::NoCustomers
        );
        engine.handle(Request::Customers {
            columns: columns(),
            as_of: None,
            file: None,
        });
        let Response::Rfm(report) = engine.handle(Request::Rfm { rules: None }) else {
            panic!("no rfm");
        };
        let Response::Personas { personas } = engine.handle(Request::RfmPersonas { headers })
        else {
            panic!("no personas");
        };
        // One persona per named segment with customers, its size the
        // segment's (the report counts the same customers).
        let named: Vec<(usize, usize)> = report
            .segments
            .iter()
            .filter(|s| s.customers > 0)
            .map(|s| {
                let index = crate::core::segment::RfmSegment::ALL
                    .iter()
                    .position(|&n| n == s.segment)
                    .unwrap();
                (index, s.customers)
            })
            .collect();
        let mut told: Vec<(usize, usize)> = personas.iter().map(|p| (p.segment, p.size)).collect();
        told.sort_unstable();
        let mut named = named;
        named.sort_unstable();
        assert_eq!(told, named);
        assert_eq!(personas[0].measures[0].name, "days");
        assert_eq!(personas[0].measures[1].name, "orders");
    }
}
