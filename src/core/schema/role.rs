//! A column's role in a customer profile: the customer-profiling vocabulary
//! (demographic, geographic, behavioural… attributes), guessed from the
//! header in English, Arabic or Persian and checked against the values.

use serde::{Deserialize, Serialize};

use super::name_hints::words;
use super::{
    infer_column_named_as, infer_column_with_values, is_missing, parse_number, ColumnGuess,
    ColumnType, DistinctValues,
};
use crate::core::table::TextColumn;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    CustomerId,
    Age,
    Gender,
    Income,
    Occupation,
    Education,
    MaritalStatus,
    Country,
    Region,
    City,
    Postcode,
    Interests,
    Lifestyle,
    Values,
    PurchaseDate,
    Amount,
    Quantity,
    Product,
    Frequency,
    Tenure,
    Loyalty,
    Device,
    Channel,
    Browser,
    Nps,
    Satisfaction,
    Effort,
    Rating,
    ReviewText,
    Industry,
    Employees,
    Revenue,
    Name,
    Email,
    Phone,
    Other,
}

/// The sections of a customer profile a role belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleGroup {
    Identifier,
    Demographic,
    Geographic,
    Psychographic,
    Behavioural,
    Technographic,
    Feedback,
    Firmographic,
    Pii,
    Other,
}

impl Role {
    pub fn group(self) -> RoleGroup {
        use Role::*;
        match self {
            CustomerId => RoleGroup::Identifier,
            Age | Gender | Income | Occupation | Education | MaritalStatus => {
                RoleGroup::Demographic
            }
            Country | Region | City | Postcode => RoleGroup::Geographic,
            Interests | Lifestyle | Values => RoleGroup::Psychographic,
            PurchaseDate | Amount | Quantity | Product | Frequency | Tenure | Loyalty => {
                RoleGroup::Behavioural
            }
            Device | Channel | Browser => RoleGroup::Technographic,
            Nps | Satisfaction | Effort | Rating | ReviewText => RoleGroup::Feedback,
            Industry | Employees | Revenue => RoleGroup::Firmographic,
            Name | Email | Phone => RoleGroup::Pii,
            Other => RoleGroup::Other,
        }
    }

    /// Every role, in profile order.
    pub fn all() -> impl Iterator<Item = Role> {
        ROLE_KEYS.iter().map(|(role, _)| *role)
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::all().find(|role| role.key() == key)
    }

    /// Snake-case name, as serialised (also the message-key suffix).
    pub fn key(self) -> &'static str {
        ROLE_KEYS
            .iter()
            .find(|(role, _)| *role == self)
            .map_or("other", |(_, key)| key)
    }
}

const ROLE_KEYS: [(Role, &str); 36] = [
    (Role::CustomerId, "customer_id"),
    (Role::Age, "age"),
    (Role::Gender, "gender"),
    (Role::Income, "income"),
    (Role::Occupation, "occupation"),
    (Role::Education, "education"),
    (Role::MaritalStatus, "marital_status"),
    (Role::Country, "country"),
    (Role::Region, "region"),
    (Role::City, "city"),
    (Role::Postcode, "postcode"),
    (Role::Interests, "interests"),
    (Role::Lifestyle, "lifestyle"),
    (Role::Values, "values"),
    (Role::PurchaseDate, "purchase_date"),
    (Role::Amount, "amount"),
    (Role::Quantity, "quantity"),
    (Role::Product, "product"),
    (Role::Frequency, "frequency"),
    (Role::Tenure, "tenure"),
    (Role::Loyalty, "loyalty"),
    (Role::Device, "device"),
    (Role::Channel, "channel"),
    (Role::Browser, "browser"),
    (Role::Nps, "nps"),
    (Role::Satisfaction, "satisfaction"),
    (Role::Effort, "effort"),
    (Role::Rating, "rating"),
    (Role::ReviewText, "review_text"),
    (Role::Industry, "industry"),
    (Role::Employees, "employees"),
    (Role::Revenue, "revenue"),
    (Role::Name, "name"),
    (Role::Email, "email"),
    (Role::Phone, "phone"),
    (Role::Other, "other"),
];

/// Header words (or phrases, matched against the joined words) per role,
/// in English, Arabic and Persian. Earlier entries win: "customer id"
/// must be an id before "customer" could mean anything else, and "nps"
/// before "score".
const HEADER_HINTS: &[(Role, &[&str])] = &[
    (
        Role::Email,
        &[
            "email",
            "e mail",
            "mail",
            "ایمیل",
            "البريد الإلكتروني",
            "بريد",
        ],
    ),
    (
        Role::Phone,
        &[
            "phone",
            "mobile",
            "tel",
            "telephone",
            "تلفن",
            "موبایل",
            "هاتف",
            "جوال",
        ],
    ),
    (
        Role::CustomerId,
        &[
            "customer id",
            "customerid",
            "client id",
            "cust id",
            "user id",
            "member id",
            "کد مشتری",
            "شناسه مشتری",
            "رقم العميل",
            "معرف العميل",
        ],
    ),
    (
        Role::Nps,
        &[
            "nps",
            "recommend",
            "likelihood to recommend",
            "توصیه",
            "التوصية",
        ],
    ),
    (Role::Effort, &["effort", "ces", "سهولت", "الجهد"]),
    (
        Role::Satisfaction,
        &["satisfaction", "csat", "satisfied", "رضایت", "الرضا"],
    ),
    (
        Role::Rating,
        &["rating", "stars", "score", "امتیاز", "تقييم"],
    ),
    (
        Role::ReviewText,
        &[
            "review",
            "comment",
            "feedback",
            "review text",
            "opinion",
            "نظر",
            "دیدگاه",
            "تعليق",
            "مراجعة",
        ],
    ),
    (Role::Age, &["age", "سن", "العمر", "عمر"]),
    (
        Role::Gender,
        &["gender", "sex", "genre", "جنسیت", "الجنس", "جنس"],
    ),
    (
        Role::Income,
        &["income", "salary", "درآمد", "حقوق", "الدخل", "الراتب"],
    ),
    (
        Role::Occupation,
        &[
            "occupation",
            "job",
            "profession",
            "شغل",
            "المهنة",
            "الوظيفة",
        ],
    ),
    (
        Role::Education,
        &["education", "degree", "تحصیلات", "التعليم"],
    ),
    (
        Role::MaritalStatus,
        &["marital", "married", "تاهل", "تأهل", "الحالة الاجتماعية"],
    ),
    (
        Role::Country,
        &["country", "nation", "کشور", "الدولة", "البلد"],
    ),
    (
        Role::Region,
        &[
            "region",
            "state",
            "province",
            "استان",
            "منطقه",
            "المنطقة",
            "المحافظة",
        ],
    ),
    (Role::City, &["city", "town", "شهر", "المدينة", "مدينة"]),
    (
        Role::Postcode,
        &["postcode", "zip", "postal", "کد پستی", "الرمز البريدي"],
    ),
    (
        Role::Interests,
        &[
            "interest",
            "interests",
            "hobby",
            "hobbies",
            "علاقه",
            "علایق",
            "الاهتمامات",
        ],
    ),
    (Role::Lifestyle, &["lifestyle", "سبک زندگی", "نمط الحياة"]),
    (Role::Values, &["values", "ارزش ها", "القيم"]),
    (
        Role::PurchaseDate,
        &[
            "invoice date",
            "invoicedate",
            "order date",
            "order time",
            "purchase date",
            "purchase time",
            "sale date",
            "transaction date",
            "transaction time",
            "txn date",
            "txn time",
            "txn ts",
            "date",
            "تاریخ",
            "التاريخ",
        ],
    ),
    (
        Role::Revenue,
        &["revenue", "turnover", "گردش مالی", "الإيرادات"],
    ),
    (
        Role::Employees,
        &["employees", "headcount", "staff", "کارکنان", "الموظفين"],
    ),
    (
        Role::Industry,
        &["industry", "sector", "صنعت", "القطاع", "الصناعة"],
    ),
    (
        Role::Amount,
        &[
            "amount",
            "price",
            "total",
            "spend",
            "spending",
            "charges",
            "value",
            "dollar",
            "مبلغ",
            "قیمت",
            "المبلغ",
            "السعر",
        ],
    ),
    (
        Role::Quantity,
        &["quantity", "qty", "units", "number of", "تعداد", "الكمية"],
    ),
    (
        Role::Product,
        &[
            "product",
            "item",
            "sku",
            "stock code",
            "stockcode",
            "description",
            "category",
            "محصول",
            "کالا",
            "المنتج",
        ],
    ),
    (
        Role::Frequency,
        &[
            "frequency",
            "orders",
            "purchases",
            "visits",
            "تکرار",
            "التكرار",
        ],
    ),
    (
        Role::Tenure,
        &["tenure", "since", "months", "سابقه", "المدة"],
    ),
    (
        Role::Loyalty,
        &["loyalty", "tier", "membership", "وفاداری", "الولاء"],
    ),
    (Role::Device, &["device", "دستگاه", "الجهاز"]),
    (Role::Channel, &["channel", "source", "کانال", "القناة"]),
    (Role::Browser, &["browser", "مرورگر", "المتصفح"]),
    (
        Role::Name,
        &[
            "name",
            "first name",
            "last name",
            "full name",
            "نام",
            "الاسم",
            "اسم",
        ],
    ),
];

/// Does the header contain `hint` as whole words (or, for one-word hints,
/// as one of its words)?
fn header_has(header_words: &[String], joined: &str, hint: &str) -> bool {
    // The hint's words as the header's are made: folded the same way.
    let hint_words = words(hint);
    match hint_words.as_slice() {
        [one] => header_words.contains(one),
        _ => format!(" {joined} ").contains(&format!(" {} ", hint_words.join(" "))),
    }
}

/// Words that may stand beside "name" in a person's name header; any other
/// ("DivisionName", "ProductName") names a thing, not a customer.
const PERSON_NAME_WORDS: [&str; 16] = [
    "name",
    "first",
    "last",
    "full",
    "given",
    "family",
    "middle",
    "surname",
    "customer",
    "client",
    "user",
    "نام",
    "خانوادگی",
    "مشتری",
    "الاسم",
    "العميل",
];

/// The role a header names by its words alone, values unseen ("amount" →
/// Amount), for callers that must pick a column when the values were too
/// few or too messy for the types to say.
pub fn role_named_by(header: &str) -> Option<Role> {
    role_from_header(header)
}

fn role_from_header(header: &str) -> Option<Role> {
    let header_words = words(header);
    let joined = header_words.join(" ");
    let role = HEADER_HINTS
        .iter()
        .find(|(_, hints)| {
            hints
                .iter()
                .any(|hint| header_has(&header_words, &joined, hint))
        })
        .map(|(role, _)| *role)?;
    let names_a_thing = role == Role::Name
        && header_words
            .iter()
            .any(|w| !PERSON_NAME_WORDS.contains(&w.as_str()));
    if role == Role::PurchaseDate {
        let has = |list: &[&str]| {
            header_words
                .iter()
                .any(|w| list.iter().any(|n| words(n).contains(w)))
        };
        if has(&SIGNUP_WORDS) {
            return Some(Role::Tenure);
        }
        if has(&NOT_A_PURCHASE_WORDS) {
            return None;
        }
    }
    (!names_a_thing).then_some(role)
}

/// Words of the date a customer signed up, registered or joined
/// ("SignupDate", "تاريخ التسجيل", "تاریخ ثبت نام"): it says how long they
/// have been a customer (tenure), not when they bought; taken for a
/// purchase date, it would offer a customers table as a purchase log.
const SIGNUP_WORDS: [&str; 12] = [
    "signup",
    "sign",
    "registration",
    "registered",
    "register",
    "joined",
    "join",
    "created",
    "ثبت",
    "عضویت",
    "التسجيل",
    "الانضمام",
];

/// Words of other dates no role names: a birth date, a last login.
const NOT_A_PURCHASE_WORDS: [&str; 8] = [
    "birth",
    "birthday",
    "birthdate",
    "dob",
    "login",
    "تولد",
    "الميلاد",
    "الولادة",
];

/// A column's present (non-missing) cells, trimmed: read one by one or,
/// when its load found them, as its distinct values with their counts.
#[derive(Clone, Copy)]
struct Present<'a> {
    cells: &'a TextColumn,
    distinct: Option<&'a DistinctValues>,
}

impl Present<'_> {
    /// Share of present cells satisfying `test` (0 when none are present).
    fn share(&self, test: impl Fn(&str) -> bool) -> f64 {
        let (mut present, mut fitting) = (0usize, 0usize);
        let mut count = |value: &str, cells: usize| {
            present += cells;
            if test(value) {
                fitting += cells;
            }
        };
        match self.distinct {
            Some(distinct) => {
                for distinct in distinct.iter(self.cells) {
                    count(distinct.value, distinct.cells);
                }
            }
            None => {
                for cell in self.cells.iter().filter(|c| !is_missing(c)) {
                    count(cell.trim(), 1);
                }
            }
        }
        if present == 0 {
            0.0
        } else {
            fitting as f64 / present as f64
        }
    }
}

fn looks_like_email(cell: &str) -> bool {
    let Some((local, domain)) = cell.split_once('@') else {
        return false;
    };
    !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !cell.contains(' ')
}

fn whole_number_in(cell: &str, low: f64, high: f64) -> bool {
    parse_number(cell).is_some_and(|x| x.fract() == 0.0 && (low..=high).contains(&x))
}

/// Whether the values agree with what the header suggested: an "age" of
/// 4,000 or an NPS of 37 is not what its name says.
fn values_fit(role: Role, guess: &ColumnGuess, cells: Present<'_>) -> bool {
    const MOST: f64 = 0.95;
    let numeric = matches!(guess.column_type, ColumnType::Integer | ColumnType::Decimal);
    match role {
        Role::Age => numeric && cells.share(|c| whole_number_in(c, 0.0, 120.0)) >= MOST,
        Role::Nps => cells.share(|c| whole_number_in(c, 0.0, 10.0)) >= MOST,
        Role::Email => cells.share(looks_like_email) >= 0.8,
        Role::Employees | Role::Quantity | Role::Frequency => numeric,
        // Months as a customer, or the day they became one.
        Role::Tenure => {
            numeric || matches!(guess.column_type, ColumnType::Date | ColumnType::DateTime)
        }
        // Sums of money may be written with their currency.
        Role::Income | Role::Revenue | Role::Amount => {
            numeric || guess.column_type == ColumnType::Money
        }
        Role::PurchaseDate => matches!(guess.column_type, ColumnType::Date | ColumnType::DateTime),
        // "PhoneService: Yes/No" is not a phone number.
        Role::Phone => cells.share(|c| c.chars().filter(char::is_ascii_digit).count() >= 7) >= 0.8,
        // "PositiveFeedbackCount" is a count, not what customers wrote. A
        // short file's sentences can look like categories: sentences of a
        // few words under a review header are still reviews.
        Role::ReviewText => {
            guess.column_type == ColumnType::Text
                || (guess.column_type == ColumnType::Category
                    && cells.share(|c| c.split_whitespace().count() >= 4) >= 0.5)
        }
        _ => true,
    }
}

/// Roles whose values are counted or measured, never labels.
fn is_measure(role: Role) -> bool {
    matches!(
        role,
        Role::Age
            | Role::Income
            | Role::Revenue
            | Role::Amount
            | Role::Quantity
            | Role::Frequency
            | Role::Tenure
            | Role::Employees
            | Role::Nps
    )
}

/// The type guess for a named column: a header that names a measure
/// ("age", "income") says its whole numbers are numbers, even when the
/// values alone (all distinct) would make them identifiers.
pub fn infer_named_column(header: &str, cells: &TextColumn) -> ColumnGuess {
    infer_column_named_as(cells, role_from_header(header).is_some_and(is_measure))
}

/// [`infer_named_column`], with the column's distinct values met on the way
/// (see [`infer_column_with_values`]).
pub fn infer_named_column_with_values(
    header: &str,
    cells: &TextColumn,
) -> (ColumnGuess, Option<DistinctValues>) {
    infer_column_with_values(cells, role_from_header(header).is_some_and(is_measure))
}

/// The role of a column, from its header and its values. Values alone
/// decide for email addresses; otherwise an unrecognised header is `Other`
/// (a later, editable guess is better than a confident wrong one).
pub fn infer_role(header: &str, guess: &ColumnGuess, cells: &TextColumn) -> Role {
    infer_role_with(header, guess, cells, None)
}

/// [`infer_role`] reading the column's distinct values its load found (see
/// [`DistinctValues`]) instead of every cell, when given; the same role.
pub fn infer_role_with(
    header: &str,
    guess: &ColumnGuess,
    cells: &TextColumn,
    distinct: Option<&DistinctValues>,
) -> Role {
    let cells = Present { cells, distinct };
    if let Some(role) = role_from_header(header) {
        if values_fit(role, guess, cells) {
            return role;
        }
    }
    let textual = matches!(
        guess.column_type,
        ColumnType::Text | ColumnType::Category | ColumnType::Identifier
    );
    if textual && values_fit(Role::Email, guess, cells) {
        return Role::Email;
    }
    if guess.column_type == ColumnType::Identifier
        && super::looks_like_identifier_name(header)
        && !super::name_hints::names_another_entity(header)
    {
        return Role::CustomerId;
    }
    if guess.column_type == ColumnType::Text && cells.share(|c| c.chars().count() > 40) > 0.5 {
        return Role::ReviewText;
    }
    Role::Other
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::infer_column;

    fn role(header: &str, cells: &[&str]) -> Role {
        let column: TextColumn = cells.iter().copied().collect();
        let guess = infer_named_column(header, &column);
        let role = infer_role(header, &guess, &column);
        // The same role from the distinct values the load meets.
        let (with_values, distinct) = infer_named_column_with_values(header, &column);
        assert_eq!(with_values, guess);
        assert_eq!(
            infer_role_with(header, &guess, &column, distinct.as_ref()),
            role,
            "{header}"
        );
        role
    }

    #[test]
    fn a_short_files_sentences_under_a_review_header_are_reviews() {
        let sentences = [
            "I love this dress and the quality is excellent.",
            "The parcel arrived on Tuesday afternoon.",
            "Terrible fabric: it tore after one wash.",
        ];
        assert_eq!(role("review", &sentences), Role::ReviewText);
        assert_ne!(role("review", &["good", "bad", "good"]), Role::ReviewText);
    }

    #[test]
    fn headers_in_three_languages() {
        assert_eq!(role("Age", &["23", "41", "35"]), Role::Age);
        assert_eq!(role("سن", &["۲۳", "۴۱", "۳۵"]), Role::Age);
        assert_eq!(role("المدينة", &["الرياض", "جدة"]), Role::City);
        assert_eq!(role("شهر", &["تهران", "شیراز"]), Role::City);
        assert_eq!(role("CustomerID", &["17850", "13047"]), Role::CustomerId);
        assert_eq!(
            role("Annual Income (k$)", &["15", "16", "17"]),
            Role::Income
        );
        assert_eq!(
            role("InvoiceDate", &["12/1/10 8:26", "12/1/10 8:28"]),
            Role::PurchaseDate
        );
        assert_eq!(role("Genre", &["Male", "Female"]), Role::Gender);
    }

    #[test]
    fn ids_of_orders_and_products_are_not_the_customer_key() {
        // Found as the generator's log opened: `txn_id` came before
        // `customer_id` and was taken for the key, so every "customer"
        // had one transaction.
        let ids = ["T000000001", "T000000002", "T000000003", "T000000004"];
        let customers = ["C0709022", "C0474136", "C0709022", "C0858547"];
        assert_eq!(role("txn_id", &ids), Role::Other);
        let times = ["2024-03-05 14:22:10", "2024-03-06 09:01:44"];
        assert_eq!(role("txn_ts", &times), Role::PurchaseDate);
        assert_eq!(role("Order Time", &times), Role::PurchaseDate);
        assert_eq!(role("order_id", &ids), Role::Other);
        assert_eq!(role("کد سفارش", &ids), Role::Other);
        assert_eq!(role("customer_id", &customers), Role::CustomerId);
    }

    #[test]
    fn arabic_and_persian_keyboards_spell_one_header() {
        // Arabic yeh and kaf (an Arabic keyboard, or a Windows-1256 file,
        // which has no Persian yeh) meet the Persian hints, and back.
        let dates = ["2024-01-05", "2024-02-06"];
        assert_eq!(role("تاريخ خريد", &dates), Role::PurchaseDate);
        assert_eq!(role("تاریخ", &dates), Role::PurchaseDate);
        assert_eq!(role("شهر مشتري", &["تهران", "شيراز"]), Role::City);
        assert_eq!(role("الكمية", &["1", "3", "2"]), Role::Quantity);
        assert_eq!(role("الکمیة", &["1", "3", "2"]), Role::Quantity);
        assert_eq!(role("كد مشتري", &["c1", "c2"]), Role::CustomerId);
        // Harakat and tatweel do not change a word.
        assert_eq!(role("المـدينة", &["الرياض", "جدة"]), Role::City);
    }

    #[test]
    fn a_signup_or_birth_date_is_not_a_purchase_date() {
        let dates = ["2024-01-05", "2024-02-06"];
        for header in [
            "SignupDate",
            "signup_date",
            "registration date",
            "Customer since",
            "تاريخ التسجيل",
            "تاریخ ثبت نام",
            "تاریخ\u{200c}عضویت",
        ] {
            assert_eq!(role(header, &dates), Role::Tenure, "{header}");
        }
        for header in ["Date of birth", "DOB", "تاريخ الميلاد", "تاریخ تولد"] {
            assert_eq!(role(header, &dates), Role::Other, "{header}");
        }
        assert_eq!(role("Order date", &dates), Role::PurchaseDate);
        assert_eq!(role("tenure", &["3", "14", "27"]), Role::Tenure);
        assert_eq!(role("tenure", &["gold", "silver"]), Role::Other);
    }

    #[test]
    fn nps_needs_values_from_0_to_10() {
        assert_eq!(
            role("How likely to recommend us", &["9", "10", "6", "0"]),
            Role::Nps
        );
        assert_eq!(role("nps", &["9", "37", "60"]), Role::Other);
    }

    #[test]
    fn look_alike_headers_are_not_pii_or_reviews() {
        assert_eq!(role("PhoneService", &["Yes", "No", "Yes"]), Role::Other);
        assert_eq!(
            role("Mobile", &["+98 912 345 6789", "0912-111-2233"]),
            Role::Phone
        );
        assert_eq!(role("DivisionName", &["General", "Initmates"]), Role::Other);
        assert_eq!(
            role("Customer Name", &["Ali Rezaei", "Sara Ahmadi"]),
            Role::Name
        );
        assert_eq!(
            role("PositiveFeedbackCount", &["0", "4", "12"]),
            Role::Other
        );
    }

    #[test]
    fn distinct_ages_are_numbers_not_identifiers() {
        let ages: Vec<String> = (20..50).map(|a| a.to_string()).collect();
        let mut cells: TextColumn = ages.iter().map(String::as_str).collect();
        assert_eq!(infer_column(&cells).column_type, ColumnType::Identifier);
        let guess = infer_named_column("age", &cells);
        assert_eq!(guess.column_type, ColumnType::Integer);
        assert_eq!(
            role("age", &ages.iter().map(String::as_str).collect::<Vec<_>>()),
            Role::Age
        );
        // A label column keeps its identifier guess whatever it is called.
        cells = ["C1", "C2", "C3"].into_iter().collect();
        assert_ne!(
            infer_named_column("age", &cells).column_type,
            ColumnType::Integer
        );
        let ids: TextColumn = ages.iter().map(String::as_str).collect();
        assert_eq!(
            infer_named_column("id", &ids).column_type,
            ColumnType::Identifier
        );
    }

    #[test]
    fn an_age_of_4000_is_not_an_age() {
        assert_eq!(role("age", &["4000", "5000"]), Role::Other);
    }

    #[test]
    fn emails_are_found_by_their_values() {
        assert_eq!(
            role("contact", &["a@b.com", "sara@example.org", "x@y.ir"]),
            Role::Email
        );
    }

    #[test]
    fn every_role_has_a_distinct_key() {
        let keys: std::collections::HashSet<_> = ROLE_KEYS.iter().map(|(_, k)| *k).collect();
        assert_eq!(keys.len(), ROLE_KEYS.len());
        assert_eq!(Role::MaritalStatus.key(), "marital_status");
        assert_eq!(Role::Nps.group(), RoleGroup::Feedback);
    }
}
