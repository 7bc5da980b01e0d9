//! Behaviour of the whole scorer on short comments in the three languages.

use super::*;

fn score(text: &str) -> f64 {
    score_text(text).score
}

fn label(text: &str) -> SentimentLabel {
    score_text(text).label
}

#[test]
fn english_vader_examples() {
    // Compound scores printed by vaderSentiment 3.3.2 for its own examples
    // (python -c 'from vaderSentiment.vaderSentiment import
    // SentimentIntensityAnalyzer as S; print(S().polarity_scores(t))').
    for (text, expected) in [
        ("VADER is smart, handsome, and funny.", 0.8316),
        ("VADER is smart, handsome, and funny!", 0.8439),
        ("VADER is very smart, handsome, and funny.", 0.8545),
        ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
        ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
        ("VADER is not smart, handsome, nor funny.", -0.7424),
        ("The book was good.", 0.4404),
        ("At least it isn't a horrible book.", 0.431),
        (
            "The plot was good, but the characters are uncompelling and the dialog is not great.",
            -0.7042,
        ),
        ("Today SUX!", -0.5461),
        ("Not bad at all", 0.431),
    ] {
        let ours = score(text);
        assert!(
            (ours - expected).abs() < 1e-4,
            "{text}: {ours} vs {expected}"
        );
    }
}

#[test]
fn negation_flips_in_each_language() {
    assert_eq!(label("good"), SentimentLabel::Positive);
    assert_eq!(label("not good"), SentimentLabel::Negative);
    assert_eq!(label("I don't like it"), SentimentLabel::Negative);
    assert_eq!(label("never bad"), SentimentLabel::Positive);
    // Persian: pre-negators, post-verbal negation, "ن" prefix on the verb.
    assert_eq!(label("راضی هستم"), SentimentLabel::Positive);
    assert_eq!(label("راضی نیستم"), SentimentLabel::Negative);
    assert_eq!(label("اصلا راضی نیستم"), SentimentLabel::Negative);
    assert_eq!(label("خوب نبود"), SentimentLabel::Negative);
    assert_eq!(label("بد نیست"), SentimentLabel::Positive);
    assert_eq!(label("هیچ مشکلی ندارد"), SentimentLabel::Positive);
    assert_eq!(label("پیشنهاد میکنم"), SentimentLabel::Positive);
    assert_eq!(label("پیشنهاد نمی‌کنم"), SentimentLabel::Negative);
    assert_eq!(label("پیشنهاد نمی کنم"), SentimentLabel::Negative);
    assert_eq!(label("اصلا پیشنهاد نمیکنم"), SentimentLabel::Negative);
    assert_eq!(label("می‌ارزه"), SentimentLabel::Positive);
    assert_eq!(label("نمی‌ارزه"), SentimentLabel::Negative);
    assert_eq!(label("نپسندیدم"), SentimentLabel::Negative);
    // Arabic: لا، لم، ليس، غير before the word.
    assert_eq!(label("المنتج جيد"), SentimentLabel::Positive);
    assert_eq!(label("المنتج ليس جيدا"), SentimentLabel::Negative);
    assert_eq!(label("لم يكن جيدا"), SentimentLabel::Negative);
    assert_eq!(label("غير مناسب"), SentimentLabel::Negative);
    assert_eq!(label("لا أنصح به"), SentimentLabel::Negative);
    assert_eq!(label("ليس سيئا"), SentimentLabel::Positive);
    // The flip is VADER's ×−0.74.
    let good = score("المنتج جيد");
    let not_good = score("المنتج ليس جيد");
    let valence = |s: f64| s * 15f64.sqrt() / (1.0 - s * s).sqrt();
    assert!((valence(not_good) - -0.74 * valence(good)).abs() < 1e-9);
}

#[test]
fn intensifiers_boost() {
    assert!(score("very good") > score("good"));
    assert!(score("slightly good") < score("good"));
    assert!(score("خیلی خوب") > score("خوب"));
    assert!(score("بسیار عالی است") > score("عالی است"));
    assert!(score("جيد جدا") > score("جيد"));
    assert!(score("جيد جدًا") > score("جيد"));
    assert!(score("جيد جداً") > score("جيد"));
    assert!(score("سيء جدا") < score("سيء"));
    // Boost by VADER's 0.293 on the valence.
    let valence = |s: f64| s * 15f64.sqrt() / (1.0 - s * s).sqrt();
    assert!((valence(score("خیلی خوب")) - valence(score("خوب")) - 0.293).abs() < 1e-9);
}

#[test]
fn but_weights_the_later_clause() {
    // Before "but" ×0.5, after ×1.5: the later clause wins.
    assert_eq!(
        label("The fabric is nice but the zip is terrible"),
        SentimentLabel::Negative
    );
    assert_eq!(
        label("The zip is terrible but the fabric is nice"),
        SentimentLabel::Positive
    );
    assert_eq!(
        label("قیمتش خوبه ولی کیفیتش افتضاحه"),
        SentimentLabel::Negative
    );
    assert_eq!(label("کمی گرونه اما عالیه"), SentimentLabel::Positive);
    assert_eq!(
        label("السعر مرتفع لكن الجودة ممتازة"),
        SentimentLabel::Positive
    );
    let found = score_text("خوب ولی بد");
    assert_eq!(found.matched.len(), 2);
    assert!((found.matched[0].1 - 1.9 * 0.5).abs() < 1e-9);
    assert!((found.matched[1].1 - -2.5 * 1.5).abs() < 1e-9);
}

#[test]
fn letter_variants_score_alike() {
    // Arabic yeh/kaf on a Persian word, tatweel, harakat, elongation.
    assert_eq!(score("عالي"), score("عالی"));
    assert_eq!(score("كيفيت خوب"), score("کیفیت خوب"));
    assert_eq!(score("عاااالی"), score("عالی"));
    assert_eq!(score("رائعـــة"), score("رائعة"));
    assert_eq!(score("رَائِعَةٌ"), score("رائعة"));
    assert_eq!(score("soooo good"), score("soo good"));
    assert!(score("ممتاز") > 0.5);
}

#[test]
fn digits_do_not_disturb() {
    // Persian and Arabic-Indic digits are numbers, not words.
    assert_eq!(score("۵ ستاره، عالی"), score("5 ستاره، عالی"));
    assert_eq!(score("٥ نجوم، ممتاز"), score("5 نجوم، ممتاز"));
    assert_eq!(label("۱۲۳۴"), SentimentLabel::Neutral);
}

#[test]
fn nothing_to_score_is_neutral() {
    for text in [
        "",
        "   ",
        "\n\t",
        "😀🎉👍",
        "...",
        "12345",
        "؟؟",
        "the box arrived on Tuesday",
    ] {
        let found = score_text(text);
        assert_eq!(found.label, SentimentLabel::Neutral, "{text:?}");
        assert_eq!(found.score, 0.0, "{text:?}");
        assert!(found.matched.is_empty(), "{text:?}");
    }
}

#[test]
fn matched_words_are_as_written() {
    let found = score_text("گوشی عاليه ولی باتریش ضعییفه");
    assert_eq!(found.language, CommentLanguage::Fa);
    let words: Vec<&str> = found.matched.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(words, ["عاليه", "ضعییفه"]);
    let found = score_text("I did NOT like it");
    assert_eq!(found.matched.len(), 1);
    assert_eq!(found.matched[0].0, "like");
    assert!(found.matched[0].1 < 0.0);
}

#[test]
fn very_long_text_is_fine() {
    let sentence = "The dress is lovely but the zip broke. خیلی عالیه ولی گرونه. المنتج جيد جدا. ";
    let text = sentence.repeat(20_000);
    let found = score_text(&text);
    assert!(found.score.is_finite());
    assert!((-1.0..=1.0).contains(&found.score));
    assert!(found.matched.len() >= 100_000);
    // A single huge word and a long run of one letter.
    let found = score_text(&"ی".repeat(1_000_000));
    assert_eq!(found.label, SentimentLabel::Neutral);
    let found = score_text(&"!".repeat(100_000));
    assert_eq!(found.label, SentimentLabel::Neutral);
}

#[test]
fn scores_stay_in_range() {
    let text = "best best best best best amazing amazing wonderful!!!!! عالی عالی محشر ممتاز رائع";
    let found = score_text(text);
    assert!(found.score <= 1.0 && found.score > 0.9);
    let found = score_text("worst worst horrible terrible awful افتضاح فاجعه سيء");
    assert!(found.score >= -1.0 && found.score < -0.9);
}
