//! Plural forms: "1 row" / "2 rows" in English; Arabic's six forms (صف
//! واحد، صفّان، ٣ صفوف، ١١ صفًا، ١٠٠ صف); Persian, whose noun stays singular
//! after a number. Rules are CLDR's cardinal rules for whole numbers.
//!
//! A message with plural forms is written in the catalogue as `key.one`,
//! `key.other` (and for Arabic also `key.zero`, `key.two`, `key.few`,
//! `key.many`); [`super::tr_count`] picks the form.

use super::Lang;

/// CLDR plural categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    pub const ALL: [Plural; 6] = [
        Plural::Zero,
        Plural::One,
        Plural::Two,
        Plural::Few,
        Plural::Many,
        Plural::Other,
    ];

    /// The catalogue key suffix ("one", "few"…).
    pub fn suffix(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    pub fn from_suffix(suffix: &str) -> Option<Plural> {
        Plural::ALL.into_iter().find(|p| p.suffix() == suffix)
    }

    /// The forms a language's catalogue must give for every plural message.
    pub fn required(lang: Lang) -> &'static [Plural] {
        match lang {
            Lang::En | Lang::Fa => &[Plural::One, Plural::Other],
            Lang::Ar => &Plural::ALL,
        }
    }
}

/// The plural category of a whole number `n` in `lang` (CLDR rules:
/// en one: n = 1; fa one: n = 0 or 1; ar zero: 0, one: 1, two: 2,
/// few: n % 100 in 3..=10, many: n % 100 in 11..=99).
pub fn plural_of(lang: Lang, n: u64) -> Plural {
    match lang {
        Lang::En => {
            if n == 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
        Lang::Fa => {
            if n <= 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
        Lang::Ar => match (n, n % 100) {
            (0, _) => Plural::Zero,
            (1, _) => Plural::One,
            (2, _) => Plural::Two,
            (_, 3..=10) => Plural::Few,
            (_, 11..=99) => Plural::Many,
            _ => Plural::Other,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_has_six_forms() {
        let forms: Vec<Plural> = [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 1000]
            .into_iter()
            .map(|n| plural_of(Lang::Ar, n))
            .collect();
        use Plural::*;
        assert_eq!(
            forms,
            [Zero, One, Two, Few, Few, Many, Many, Other, Other, Other, Few, Many, Other]
        );
    }

    #[test]
    fn english_and_persian() {
        assert_eq!(plural_of(Lang::En, 1), Plural::One);
        assert_eq!(plural_of(Lang::En, 0), Plural::Other);
        assert_eq!(plural_of(Lang::Fa, 0), Plural::One);
        assert_eq!(plural_of(Lang::Fa, 5), Plural::Other);
    }
}
