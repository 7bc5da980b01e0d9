//! Facts by hand on a table small enough to add up on paper, the cases
//! user data brings (an empty segment, unlabelled rows, bad labels, no
//! age column), and names told apart.

use super::*;
use crate::core::i18n::Lang;
use crate::core::schema::{ColumnType, Role};
use crate::core::segment::compare::CompareError;
use crate::core::table::Table;

/// Six customers in segments 0 and 1, one unlabelled; segment 2 empty.
fn table() -> (Table, Vec<Option<usize>>, PersonaInput) {
    let table = Table::from_rows(
        &["age", "amount", "recommend", "city"],
        &[
            &["20", "$10", "10", "Yazd"],
            &["24", "$30", "9", "Yazd"],
            &["30", "$20", "2", "Tehran"],
            &["50", "$100", "8", "Tehran"],
            &["60", "", "x", "Tehran"],
            &["", "$40", "10", ""],
            &["22", "$1000", "0", "Yazd"],
        ],
    );
    let labels = vec![Some(0), Some(0), Some(0), Some(1), Some(1), Some(1), None];
    let input = persona_input(
        &table,
        &[Role::Age, Role::Amount, Role::Nps, Role::City],
        &[
            ColumnType::Integer,
            ColumnType::Money,
            ColumnType::Integer,
            ColumnType::Category,
        ],
    );
    (table, labels, input)
}

#[test]
fn facts_by_hand() {
    let (table, labels, input) = table();
    assert_eq!(input.money, Some(1));
    let facts = persona_facts(&table, &labels, 3, &input).unwrap();
    assert_eq!(facts.len(), 3);
    let first = &facts[0];
    assert_eq!((first.size, first.base_size), (3, 6));
    assert!((first.share - 0.5).abs() < 1e-15);

    // Ages 20, 24, 30: band 18–24 holds two of three; the base (20, 24,
    // 30, 50, 60) holds two of five: lift (2/3)/(2/5).
    let age = first.age.as_ref().unwrap();
    assert_eq!(
        age.band,
        AgeBand {
            low: 18,
            high: Some(24)
        }
    );
    assert_eq!((age.band_count, age.banded), (2, 3));
    assert!((age.band_lift.unwrap() - (2.0 / 3.0) / 0.4).abs() < 1e-12);
    assert!((age.years.mean.unwrap() - 74.0 / 3.0).abs() < 1e-12);
    assert_eq!(age.years.median, Some(24.0));
    assert_eq!(
        (age.years.base_mean, age.years.base_median),
        (Some(36.8), Some(30.0))
    );

    // Amount: 10 + 30 + 20 = 60 of the base's 200 (the unlabelled 1000
    // is in neither).
    let money = first.revenue.as_ref().unwrap();
    assert_eq!((money.total, money.base_total), (60.0, 200.0));
    assert_eq!(money.revenue_share, Some(0.3));
    let spend = &first.measures[0];
    assert_eq!(
        (spend.kind, spend.numbers.mean, spend.numbers.median),
        (MeasureKind::Spend, Some(20.0), Some(20.0))
    );
    assert_eq!(spend.numbers.base_mean, Some(40.0));

    // NPS: 10, 9, 2 → (2 − 1)/3; base 10, 9, 2, 8, 10 → (3 − 1)/5.
    let nps = first.nps.as_ref().unwrap();
    assert!((nps.segment.score().unwrap() - 100.0 / 3.0).abs() < 1e-12);
    assert_eq!(nps.base.score(), Some(40.0));

    // City: Yazd two of three; base Yazd 2 of 5 answered.
    let city = &first.places[0];
    assert_eq!(
        (city.level.as_str(), city.count, city.answered),
        ("Yazd", 2, 3)
    );
    assert!((city.base_share - 0.4).abs() < 1e-15);

    // The empty segment: no figures, no panic, a description all the same,
    // and facts that survive JSON (no NaN) on their way to the page.
    let empty = &facts[2];
    assert_eq!(empty.size, 0);
    assert!(empty.age.is_none());
    assert_eq!(empty.measures[0].numbers.mean, None);
    let json = serde_json::to_string(&facts).unwrap();
    let back: Vec<PersonaFacts> = serde_json::from_str(&json).unwrap();
    // (serde_json parses the last bit of some floats differently; the
    // shape and the missing figures are what the page relies on.)
    assert_eq!(back.len(), 3);
    assert_eq!(back[2].measures[0].numbers.mean, None);
    let nothing = empty.revenue.as_ref().unwrap();
    assert!(nothing.total.is_sign_positive(), "{nothing:?}");
    for lang in Lang::ALL {
        let text = describe_paragraph(lang, empty);
        assert!(!text.is_empty());
        assert!(!persona_name(lang, empty).is_empty());
    }
}

#[test]
fn bad_labels_are_errors_not_panics() {
    let (table, mut labels, input) = table();
    labels[0] = Some(7);
    assert!(matches!(
        persona_facts(&table, &labels, 3, &input),
        Err(CompareError::LabelOutOfRange { .. })
    ));
    assert!(matches!(
        persona_facts(&table, &labels[..2], 3, &input),
        Err(CompareError::LabelCount { .. })
    ));
}

#[test]
fn no_columns_still_gives_size_and_a_name() {
    let (table, labels, _) = table();
    let facts = persona_facts(&table, &labels, 2, &PersonaInput::default()).unwrap();
    let names = persona_names(Lang::En, &facts);
    assert_eq!(names, ["Customers", "Customers (2)"]);
    let sentences = describe_persona(Lang::En, &facts[0]);
    assert_eq!(sentences[0].text, "3 customers, 50% of all customers.");
    assert_eq!(sentences[1].topic, Topic::Typical);
    let ar = persona_names(Lang::Ar, &facts);
    assert_eq!(ar[1], "عملاء (٢)");
}

fn measure(kind: MeasureKind, name: &str) -> MeasureFact {
    MeasureFact {
        column: 0,
        name: name.to_string(),
        kind,
        numbers: Numbers {
            count: 10,
            mean: Some(1.0),
            median: Some(1.0),
            base_mean: Some(1.0),
            base_median: Some(1.0),
            index: Some(100.0),
            effect: Some(0.5),
            significant: true,
        },
    }
}

#[test]
fn colliding_names_take_the_next_trait() {
    let (table, labels, input) = table();
    let mut a = persona_facts(&table, &labels, 3, &input).unwrap()[2].clone();
    a.measures = vec![
        measure(MeasureKind::Spend, "spend"),
        measure(MeasureKind::Income, "income"),
        measure(MeasureKind::Frequency, "visits"),
        measure(MeasureKind::Tenure, "tenure"),
    ];
    a.distinctions = (0..4)
        .map(|i| Distinct {
            source: Source::Measure(i),
            effect: 0.9 - 0.1 * i as f64,
            level: None,
        })
        .collect();
    let mut b = a.clone();
    b.segment = 3;
    b.distinctions[3].effect = -0.6;
    // Alone, each is named by its first three traits: the same name.
    assert_eq!(persona_name(Lang::En, &a), persona_name(Lang::En, &b));
    let names = persona_names(Lang::En, &[a.clone(), b.clone()]);
    assert_eq!(
        names,
        [
            "High spenders with high income, who buy often and of long standing",
            "High spenders with high income, who buy often and who joined recently",
        ]
    );
    let fa = persona_names(Lang::Fa, &[a, b]);
    assert_eq!(
        fa,
        [
            "مشتریان پرخرج پردرآمد همیشگی قدیمی",
            "مشتریان پرخرج پردرآمد همیشگی تازه‌وارد"
        ]
    );
}

#[test]
fn sentiment_filled_by_the_caller_is_told_with_plural_forms() {
    let (table, labels, input) = table();
    let mut facts = persona_facts(&table, &labels, 3, &input).unwrap()[0].clone();
    facts.sentiment = Some(crate::core::feedback::SentimentSummary {
        comments: 11,
        positive: 6,
        neutral: 2,
        negative: 3,
        ..Default::default()
    });
    let last = |lang| describe_persona(lang, &facts).pop().unwrap();
    let ar = last(Lang::Ar);
    assert_eq!(ar.topic, Topic::Sentiment);
    assert!(ar.text.contains("١١ تعليقًا"), "{}", ar.text);
    let values: Vec<f64> = ar.figures.iter().map(Figure::rounded).collect();
    // 6/11 = 54.5% → 55; 3/11 = 27.3% → 27.
    assert_eq!(values, [55.0, 11.0, 27.0]);
    assert_eq!(
        last(Lang::En).text,
        "55% of their 11 comments are positive, 27% negative."
    );
    assert!(last(Lang::Fa).text.contains("۱۱ نظر"));
}

#[test]
fn clv_and_churn_are_measures_found_by_kind() {
    let table = Table::from_rows(
        &["clv", "churn_probability"],
        &[&["100", "0.1"], &["300", "0.5"]],
    );
    let input = persona_input(
        &table,
        &[Role::Other, Role::Other],
        &[ColumnType::Decimal, ColumnType::Decimal],
    );
    let facts = persona_facts(&table, &[Some(0), Some(0)], 1, &input).unwrap();
    let clv = facts[0].measure(MeasureKind::LifetimeValue).unwrap();
    assert_eq!(clv.numbers.mean, Some(200.0));
    let churn = facts[0].measure(MeasureKind::Churn).unwrap();
    assert!((churn.numbers.median.unwrap() - 0.3).abs() < 1e-15);
}
