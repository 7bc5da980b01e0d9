//! Hand-computed profiles, the degenerate cases user data brings (empty
//! and one-customer segments, constant and all-missing traits), and the
//! sentences in each language.

use super::*;
use crate::core::i18n::Lang;
use crate::core::table::Table;

/// Seven labelled customers in segments 0 and 1, one unlabelled, and a
/// segment 2 nobody is in.
fn table() -> (Table, Vec<Option<usize>>) {
    let table = Table::from_rows(
        &["income", "city", "constant", "empty", "blank"],
        &[
            &["10", "Tehran", "5", "", ""],
            &["20", "Tehran", "5", "", ""],
            &["30", "Shiraz", "5", "", ""],
            &["40", "Shiraz", "5", "", ""],
            &["50", "Shiraz", "5", "", ""],
            &["60", "Tehran", "5", "", ""],
            &["70", " tehran", "5", "", ""],
            &["1000", "X", "5", "", ""],
        ],
    );
    let labels = vec![
        Some(0),
        Some(0),
        Some(0),
        Some(1),
        Some(1),
        Some(1),
        Some(1),
        None,
    ];
    (table, labels)
}

fn traits() -> Vec<TraitChoice> {
    let numeric = |column| TraitChoice {
        column,
        kind: TraitKind::Numeric,
    };
    vec![
        numeric(0),
        TraitChoice {
            column: 1,
            kind: TraitKind::Categorical,
        },
        numeric(2),
        numeric(3),
        TraitChoice {
            column: 4,
            kind: TraitKind::Categorical,
        },
    ]
}

fn numeric(profile: &GroupProfile, index: usize) -> &NumericFigures {
    match &profile.traits[index].figures {
        TraitFigures::Numeric(n) => n,
        other => panic!("{other:?}"),
    }
}

fn categorical(profile: &GroupProfile, index: usize) -> &CategoricalFigures {
    match &profile.traits[index].figures {
        TraitFigures::Categorical(c) => c,
        other => panic!("{other:?}"),
    }
}

#[test]
fn segments_against_the_base_by_hand() {
    let (table, labels) = table();
    let profiles = profile_segments(&table, &labels, 3, &traits()).unwrap();
    assert_eq!((profiles.labelled, profiles.unlabelled), (7, 1));
    let first = &profiles.segments[0];
    assert_eq!((first.size, first.reference), (3, Reference::Base));
    assert!((first.share - 3.0 / 7.0).abs() < 1e-15);

    // Income: segment 20, base 280/7 = 40, index 50.
    let income = numeric(first, 0);
    assert_eq!(income.group.mean, Some(20.0));
    assert_eq!(income.reference.mean, Some(40.0));
    assert_eq!(income.index, Some(50.0));
    // Base sample sd of 10..70 = √(2800/6); effect (20 − 40)/sd.
    let effect = income.effect.unwrap();
    assert!((effect - (-20.0 / (2800.0f64 / 6.0).sqrt())).abs() < 1e-14);
    // scipy 1.17.1: ttest_ind([10, 20, 30], [40, 50, 60, 70], equal_var=False)
    // → statistic −4.04145188432738, pvalue 0.010076943347988863,
    //   df 4.959183673469388.
    let t = income.test.tested().unwrap();
    assert!((t.statistic + 4.04145188432738).abs() < 1e-13);
    assert!((t.df.unwrap() - 4.959183673469388).abs() < 1e-12);
    assert!((t.p - 0.010076943347988863).abs() < 1e-14);
    // The only test of this segment: BH leaves it as it is.
    assert_eq!(first.tests, 1);
    assert_eq!(t.adjusted_p, t.p);
    assert!(t.significant);

    // City, folded: base Tehran 4/7, Shiraz 3/7; segment 0 Tehran 2/3.
    let city = categorical(first, 1);
    assert_eq!((city.group_answered, city.reference_answered), (3, 7));
    assert_eq!(city.levels.len(), 2, "no 'other' pool");
    let tehran = &city.levels[0];
    assert_eq!((tehran.level.as_str(), tehran.group_count), ("Tehran", 2));
    assert!((tehran.lift.unwrap() - (2.0 / 3.0) / (4.0 / 7.0)).abs() < 1e-15);
    // Seven customers: every 2×2 cell is expected below 5.
    assert_eq!(
        tehran.test,
        Test::NotTested {
            reason: NoTest::SmallExpected
        }
    );
}

#[test]
fn degenerate_segments_and_traits_give_no_test() {
    let (table, labels) = table();
    let profiles = profile_segments(&table, &labels, 3, &traits()).unwrap();
    // Segment 2 is empty: no mean, no share, no test, no panic.
    let empty = &profiles.segments[2];
    assert_eq!((empty.size, empty.share, empty.tests), (0, 0.0, 0));
    let income = numeric(empty, 0);
    assert_eq!(
        (income.group.mean, income.index, income.effect),
        (None, None, None)
    );
    assert_eq!(
        income.test,
        Test::NotTested {
            reason: NoTest::TooFew
        }
    );
    let city = categorical(empty, 1);
    assert!(city.levels.iter().all(|l| l.group_share.is_none()
        && l.lift.is_none()
        && l.test
            == Test::NotTested {
                reason: NoTest::TooFew
            }));
    // Constant trait: no variance anywhere.
    for segment in &profiles.segments[..2] {
        let constant = numeric(segment, 2);
        assert_eq!(constant.index, Some(100.0));
        assert_eq!(constant.effect, None);
        assert_eq!(
            constant.test,
            Test::NotTested {
                reason: NoTest::NoVariance
            }
        );
        // All-missing traits: every cell counted as missing, nothing tested.
        let empty = numeric(segment, 3);
        assert_eq!(empty.group.missing, segment.size);
        assert_eq!(empty.reference.missing, 7);
        assert_eq!(
            empty.test,
            Test::NotTested {
                reason: NoTest::TooFew
            }
        );
        let blank = categorical(segment, 4);
        assert!(blank.levels.is_empty());
        assert_eq!(blank.group_missing, segment.size);
    }
    assert!(distinguishing_traits(empty, 5).is_empty());

    // A segment of one customer.
    let one = vec![
        Some(0),
        Some(1),
        Some(1),
        Some(1),
        Some(1),
        Some(1),
        Some(1),
        None,
    ];
    let profiles = profile_segments(&table, &one, 2, &traits()).unwrap();
    let single = numeric(&profiles.segments[0], 0);
    assert_eq!(single.group.mean, Some(10.0));
    assert_eq!(
        single.test,
        Test::NotTested {
            reason: NoTest::TooFew
        }
    );
    // Serializable without NaN (JSON has none).
    assert!(serde_json::to_string(&profiles).is_ok());
}

#[test]
fn bad_labels_are_errors_not_panics() {
    let (table, _) = table();
    assert_eq!(
        profile_segments(&table, &[Some(0)], 1, &traits()),
        Err(CompareError::LabelCount { labels: 1, rows: 8 })
    );
    let mut labels = vec![Some(0); 8];
    labels[5] = Some(7);
    assert_eq!(
        profile_segments(&table, &labels, 2, &traits()),
        Err(CompareError::LabelOutOfRange {
            row: 5,
            label: 7,
            segments: 2
        })
    );
    let missing_column = [TraitChoice {
        column: 9,
        kind: TraitKind::Numeric,
    }];
    assert_eq!(
        profile_segments(&table, &[Some(0); 8], 1, &missing_column),
        Err(CompareError::NoSuchColumn(9))
    );
    assert_eq!(
        profile_segments(&table, &labels, usize::MAX, &traits()),
        Err(CompareError::TooManySegments(usize::MAX))
    );
    // A stray huge label does not size anything in compare_two.
    labels[5] = Some(usize::MAX);
    assert!(compare_two(&table, &labels, 0, usize::MAX, &traits()).is_ok());
}

#[test]
fn two_segments_side_by_side() {
    let (table, labels) = table();
    let pair = compare_two(&table, &labels, 1, 0, &traits()).unwrap();
    assert_eq!((pair.segment, pair.size, pair.reference_size), (1, 4, 3));
    assert_eq!(pair.reference, Reference::Segment(0));
    let income = numeric(&pair, 0);
    assert_eq!(
        (income.group.mean, income.reference.mean),
        (Some(55.0), Some(20.0))
    );
    assert_eq!(income.index, Some(275.0));
    // The same test as segment 0 against the rest, mirrored.
    let t = income.test.tested().unwrap();
    assert!((t.statistic - 4.04145188432738).abs() < 1e-13);
    assert!((t.p - 0.010076943347988863).abs() < 1e-14);
    // Segment against itself: equal figures, nothing significant.
    let same = compare_two(&table, &labels, 0, 0, &traits()).unwrap();
    assert_eq!(numeric(&same, 0).index, Some(100.0));
    assert!(distinguishing_traits(&same, 3).is_empty());
}

#[test]
fn ideal_customers_against_everyone_else() {
    let (table, _) = table();
    let values = values_of_column(&table, 0).unwrap();
    // Top 25% of 8 customers: the 2 highest (1000 and 70).
    let ideal = ideal_customer_profile(&table, &values, 0.25, &traits()).unwrap();
    assert_eq!(
        (ideal.group.top, ideal.group.rest, ideal.group.cut),
        (2, 6, 70.0)
    );
    assert_eq!(ideal.profile.reference, Reference::Rest);
    let income = numeric(&ideal.profile, 0);
    assert_eq!(income.group.mean, Some(535.0));
    assert_eq!(income.reference.mean, Some(35.0));
    assert_eq!(
        ideal_customer_profile(&table, &values, 1.5, &traits()),
        Err(IdealError::Group(TopGroupError::BadShare))
    );
}

/// A profile with a significant numeric and categorical difference: 200
/// customers, segment 0 richer and mostly from Tehran.
fn clear_profile() -> GroupProfile {
    let rows: Vec<[String; 2]> = (0..200)
        .map(|i| {
            let in_segment = i < 50;
            let income = if in_segment { 148 + i % 7 } else { 84 + i % 5 };
            let city = if in_segment && i % 10 < 8 || !in_segment && i % 10 < 2 {
                "Tehran"
            } else {
                "Shiraz"
            };
            [income.to_string(), city.to_string()]
        })
        .collect();
    let refs: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| vec![r[0].as_str(), r[1].as_str()])
        .collect();
    let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
    let table = Table::from_rows(&["Income", "City"], &slices);
    let labels: Vec<Option<usize>> = (0..200).map(|i| Some(usize::from(i >= 50))).collect();
    let traits = [
        TraitChoice {
            column: 0,
            kind: TraitKind::Numeric,
        },
        TraitChoice {
            column: 1,
            kind: TraitKind::Categorical,
        },
    ];
    let profiles = profile_segments(&table, &labels, 2, &traits).unwrap();
    profiles.segments[0].clone()
}

#[test]
fn distinguishing_traits_rank_by_effect_one_per_trait() {
    let profile = clear_profile();
    let top = distinguishing_traits(&profile, 5);
    // Income (effect ≈ 2.3 sd) before City (Cohen's h ≈ 0.6); one City
    // entry, the level with the larger |h|.
    assert_eq!(top.len(), 2, "{top:?}");
    assert_eq!((top[0].trait_index, top[0].level), (0, None));
    assert_eq!(top[1].trait_index, 1);
    assert!(top[0].effect.abs() > top[1].effect.abs());
    assert_eq!(distinguishing_traits(&profile, 1).len(), 1);
}

#[test]
fn sentences_in_each_language() {
    let profile = clear_profile();
    let en = describe_distinguishing_traits(Lang::En, &profile, 2, "");
    // Segment mean 148 + 147/50 = 150.94, the rest 84 + 2 = 86, the base
    // (50 × 150.94 + 150 × 86)/200 = 102.235: index 147.64.
    assert_eq!(en[0], "Income is 48% higher than average (index 148).");
    // Tehran: 40 of 50 here, 70 of 200 overall: lift 0.8/0.35 = 2.29.
    assert_eq!(
        en[1],
        "City “Tehran”: 80% here, against 35% overall (2.3× as likely)."
    );
    let size = describe_size(Lang::En, &profile);
    assert_eq!(size, "50 customers, 25% of all customers.");
    let fa = describe_distinguishing_traits(Lang::Fa, &profile, 2, "");
    assert!(
        fa[1].contains("۸۰٪") && fa[1].contains("۲٫۳ برابر"),
        "{fa:?}"
    );
    let ar = describe_distinguishing_traits(Lang::Ar, &profile, 2, "");
    assert!(
        ar[0].contains("أعلى من المتوسط") && ar[1].contains("٣٥٪"),
        "{ar:?}"
    );
    assert_eq!(
        describe_size(Lang::Ar, &profile),
        "٥٠ عميلًا، أي ٢٥٪ من جميع العملاء."
    );
    for lang in Lang::ALL {
        for text in describe_distinguishing_traits(lang, &profile, 2, "")
            .into_iter()
            .chain([
                describe_size(lang, &profile),
                describe_method(lang),
                describe_no_test(lang, NoTest::SmallExpected),
            ])
        {
            assert!(
                !text.contains('{') && !text.contains("segment_compare."),
                "{text}"
            );
        }
    }
}

#[test]
fn sentences_name_the_reference() {
    let (table, labels) = table();
    let pair = compare_two(&table, &labels, 1, 0, &traits()).unwrap();
    let d = Distinction {
        trait_index: 0,
        level: None,
        effect: 1.0,
    };
    let text = describe_distinction(Lang::En, &pair, &d, "Young savers").unwrap();
    assert_eq!(
        text,
        "income is 175% higher than in Young savers (index 275)."
    );
    let values = values_of_column(&table, 0).unwrap();
    let ideal = ideal_customer_profile(&table, &values, 0.25, &traits()).unwrap();
    let text = describe_distinction(Lang::En, &ideal.profile, &d, "").unwrap();
    assert!(
        text.ends_with("higher than among the other customers (index 1,529)."),
        "{text}"
    );
    // A distinction that is not one of the profile's traits says nothing.
    let stray = Distinction {
        trait_index: 9,
        ..d
    };
    assert_eq!(describe_distinction(Lang::En, &pair, &stray, ""), None);
}
