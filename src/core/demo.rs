//! The built-in demo shops (src/web/demo, made by tests/tools/demo): three
//! files each — customers, transactions, feedback — and the finished
//! analysis a demo link opens on: the files' roles and keys, the purchase
//! log, a k-means segmentation with its personas (made as soon as its
//! segments are). Header names differ by
//! flavour (the Arabic and Persian shops have their own).

use std::collections::BTreeMap;

use crate::core::i18n::Lang;
use crate::core::ingest::LoadOptions;
use crate::core::persona::PersonaSegmentation;
use crate::core::project::{CustomerSetup, FileRef, FileSettings, LinkSetting, ProjectState};
use crate::core::relate::FileRole;
use crate::core::segment::{FeatureKind, FeatureSetting, NumericOptions, SavedSegmentation};

/// The files of every demo, in the order they open (customers first).
pub const DEMO_FILES: [&str; 3] = ["customers.csv", "transactions.csv", "feedback.csv"];

/// One demo shop and the headers its analysis uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Demo {
    /// As in the link: `#demo=shop`.
    pub id: &'static str,
    pub lang: Lang,
    customer_key: &'static str,
    age: &'static str,
    income: &'static str,
    order: &'static str,
    order_date: &'static str,
    order_total: &'static str,
}

pub const DEMOS: [Demo; 3] = [
    Demo {
        id: "shop",
        lang: Lang::En,
        customer_key: "customer_id",
        age: "age",
        income: "annual_income",
        order: "order_id",
        order_date: "order_date",
        order_total: "total",
    },
    Demo {
        id: "shop-ar",
        lang: Lang::Ar,
        customer_key: "رقم العميل",
        age: "العمر",
        income: "الدخل الشهري (ريال)",
        order: "order_id",
        order_date: "التاريخ",
        order_total: "المبلغ الإجمالي",
    },
    Demo {
        id: "shop-fa",
        lang: Lang::Fa,
        customer_key: "کد مشتری",
        age: "سن",
        income: "درآمد ماهانه (میلیون تومان)",
        order: "order_id",
        order_date: "تاریخ خرید",
        order_total: "مبلغ کل (تومان)",
    },
];

pub fn demo(id: &str) -> Option<Demo> {
    DEMOS.into_iter().find(|d| d.id == id)
}

impl Demo {
    /// Where the demo's files are, relative to the page.
    pub fn file_url(&self, file: &str) -> String {
        format!("demo/{}/{file}", self.id)
    }

    /// The finished analysis over the demo's files, whose sizes (in
    /// [`DEMO_FILES`]' order) the caller has read.
    pub fn project(&self, sizes: [u64; 3]) -> ProjectState {
        let [customers, transactions, feedback] = DEMO_FILES;
        let file = |name: &str, size| FileRef {
            name: name.to_string(),
            size,
        };
        let link = |role| LinkSetting {
            role: Some(role),
            key: Some(self.customer_key.to_string()),
        };
        let numeric = |column: &str| FeatureSetting {
            column: column.to_string(),
            kind: FeatureKind::Numeric(NumericOptions::default()),
        };
        ProjectState {
            lang: self.lang,
            file: Some(file(customers, sizes[0])),
            chart_column: Some(self.age.to_string()),
            beside: vec![
                FileSettings::new(file(transactions, sizes[1]), LoadOptions::default()),
                FileSettings::new(file(feedback, sizes[2]), LoadOptions::default()),
            ],
            links: BTreeMap::from([
                (customers.to_string(), link(FileRole::Customers)),
                (transactions.to_string(), link(FileRole::Transactions)),
                (feedback.to_string(), link(FileRole::Feedback)),
            ]),
            customers: Some(CustomerSetup {
                file: Some(transactions.to_string()),
                customer: self.customer_key.to_string(),
                date: self.order_date.to_string(),
                value: Some(self.order_total.to_string()),
                quantity: None,
                unit_price: None,
                invoice: Some(self.order.to_string()),
                as_of: None,
            }),
            segmentations: vec![SavedSegmentation {
                id: 1,
                name: String::new(),
                file: customers.to_string(),
                features: vec![numeric(self.age), numeric(self.income)],
                k_min: 2,
                k_max: 8,
                // Five groups make a fuller demo than the two the silhouette
                // prefers on age and income alone; the chart still shows
                // every k, and the user can let it choose.
                k: Some(5),
                seed: 42,
                restarts: 10,
                segment_names: Vec::new(),
            }],
            shown_segmentation: Some(1),
            personas_of: Some(PersonaSegmentation::KMeans),
            ..ProjectState::default()
        }
    }
}
