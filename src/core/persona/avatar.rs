//! A persona's picture, drawn offline and deterministically as SVG: a
//! friendly bust whose hair follows the persona's gender and age (grey
//! for older customers, glasses for the middle-aged and older), with
//! skin, hair, clothes and background picked by a hash of the segment's
//! traits, so the same data gives the same face and segments differ.
//!
//! The SVG is self-contained and safe to inline: no external reference,
//! no script, no style sheet; colours are written from numbers and the
//! only text, the title, is escaped.

use super::markup::escape_markup;
use serde::{Deserialize, Serialize};

use super::age::AgeTone;
use super::facts::PersonaFacts;
use super::name::persona_look;
use super::words::Gender;

/// A colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The colours an avatar picks from (the app passes its theme's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvatarPalette {
    pub backgrounds: Vec<Rgb>,
    pub clothes: Vec<Rgb>,
}

impl Default for AvatarPalette {
    fn default() -> Self {
        AvatarPalette {
            backgrounds: vec![
                Rgb(0xdb, 0xea, 0xfe),
                Rgb(0xfc, 0xe7, 0xf3),
                Rgb(0xdc, 0xfc, 0xe7),
                Rgb(0xfe, 0xf3, 0xc7),
                Rgb(0xed, 0xe9, 0xfe),
                Rgb(0xff, 0xe4, 0xe6),
            ],
            clothes: vec![
                Rgb(0x25, 0x63, 0xeb),
                Rgb(0xdb, 0x27, 0x77),
                Rgb(0x05, 0x96, 0x69),
                Rgb(0xd9, 0x77, 0x06),
                Rgb(0x7c, 0x3a, 0xed),
                Rgb(0x0f, 0x76, 0x6e),
            ],
        }
    }
}

const SKINS: [Rgb; 5] = [
    Rgb(0xf8, 0xd5, 0xb8),
    Rgb(0xf1, 0xc2, 0x7d),
    Rgb(0xd9, 0xa0, 0x6b),
    Rgb(0xa8, 0x6b, 0x46),
    Rgb(0x70, 0x45, 0x2c),
];
const HAIRS: [Rgb; 5] = [
    Rgb(0x2b, 0x1b, 0x12),
    Rgb(0x4a, 0x2c, 0x1a),
    Rgb(0x1f, 0x1f, 0x1f),
    Rgb(0x7a, 0x4a, 0x21),
    Rgb(0xb0, 0x7a, 0x3c),
];
const GREYS: [Rgb; 2] = [Rgb(0xb8, 0xb8, 0xb8), Rgb(0xd6, 0xd6, 0xd0)];

/// FNV-1a over the segment's traits: what makes one persona's picture
/// its own (segment number, size, and the values and measures that set
/// it apart).
pub fn avatar_seed(facts: &PersonaFacts) -> u64 {
    let mut text = format!("{}|{}", facts.segment, facts.size);
    for d in &facts.distinctions {
        text.push('|');
        text.push_str(&format!("{:?}", d.source));
        if let Some(level) = &d.level {
            text.push_str(&level.level);
        }
        text.push(if d.effect > 0.0 { '+' } else { '-' });
    }
    fnv1a(text.as_bytes())
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Pick from `choices` by some bits of the seed (the first colour when
/// there is none to pick: an empty palette still draws).
fn pick(choices: &[Rgb], seed: u64, shift: u32) -> Rgb {
    let n = choices.len().max(1) as u64;
    let index = usize::try_from((seed >> shift) % n).unwrap_or(0);
    choices.get(index).copied().unwrap_or(Rgb(0x88, 0x88, 0x88))
}

/// The persona's avatar, titled (for screen readers) with `title`.
pub fn persona_avatar_svg(facts: &PersonaFacts, palette: &AvatarPalette, title: &str) -> String {
    let (tone, gender) = persona_look(facts);
    draw(avatar_seed(facts), tone, gender, palette, title)
}

/// The drawing itself, from the seed and the look.
pub fn draw(
    seed: u64,
    tone: Option<AgeTone>,
    gender: Option<Gender>,
    palette: &AvatarPalette,
    title: &str,
) -> String {
    let background = pick(&palette.backgrounds, seed, 0).hex();
    let clothes = pick(&palette.clothes, seed, 8).hex();
    let skin = pick(&SKINS, seed, 16).hex();
    let hair = match tone {
        Some(AgeTone::Older) => pick(&GREYS, seed, 24),
        _ => pick(&HAIRS, seed, 24),
    }
    .hex();
    let mut svg = String::with_capacity(2048);
    svg.push_str(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 120\" width=\"120\" height=\"120\" role=\"img\">",
    );
    svg.push_str(&format!("<title>{}</title>", escape_markup(title)));
    svg.push_str(&format!(
        "<circle cx=\"60\" cy=\"60\" r=\"60\" fill=\"{background}\"/>"
    ));
    svg.push_str(&hair_behind(gender, &hair));
    // Shoulders, neck, head.
    svg.push_str(&format!(
        "<path d=\"M18 120 C18 92 36 82 60 82 C84 82 102 92 102 120 Z\" fill=\"{clothes}\"/>"
    ));
    svg.push_str(&format!(
        "<rect x=\"52\" y=\"68\" width=\"16\" height=\"18\" rx=\"6\" fill=\"{skin}\"/>"
    ));
    svg.push_str(&format!(
        "<circle cx=\"60\" cy=\"52\" r=\"22\" fill=\"{skin}\"/>"
    ));
    svg.push_str(&hair_on_top(gender, &hair, seed));
    svg.push_str(&face(tone, seed));
    svg.push_str("</svg>");
    svg
}

/// Long hair falls behind the shoulders for a mostly female persona,
/// shoulder-length for a mixed one; none for a mostly male one.
fn hair_behind(gender: Option<Gender>, hair: &str) -> String {
    match gender {
        Some(Gender::Female) => {
            format!("<path d=\"M36 52 C36 28 84 28 84 52 L88 92 L32 92 Z\" fill=\"{hair}\"/>")
        }
        None => format!("<path d=\"M37 52 C37 30 83 30 83 52 L84 70 L36 70 Z\" fill=\"{hair}\"/>"),
        Some(Gender::Male) => String::new(),
    }
}

/// The hair over the forehead: a short crop, or a parted fringe.
fn hair_on_top(gender: Option<Gender>, hair: &str, seed: u64) -> String {
    let parted = (seed >> 32) & 1 == 1;
    match (gender, parted) {
        (Some(Gender::Male), false) => format!(
            "<path d=\"M38 50 C38 26 82 26 82 50 C76 40 66 37 60 37 C52 37 44 40 38 50 Z\" fill=\"{hair}\"/>"
        ),
        (Some(Gender::Male), true) => format!(
            "<path d=\"M38 48 C38 24 84 26 82 48 C74 36 56 40 48 36 C44 40 40 44 38 48 Z\" fill=\"{hair}\"/>"
        ),
        (_, false) => format!(
            "<path d=\"M37 52 C36 26 84 26 83 52 C78 38 64 34 60 40 C56 34 42 38 37 52 Z\" fill=\"{hair}\"/>"
        ),
        (_, true) => format!(
            "<path d=\"M37 52 C36 26 84 26 83 52 C76 34 50 36 37 52 Z\" fill=\"{hair}\"/>"
        ),
    }
}

/// Eyes, a smile, and glasses for the middle-aged (by the seed) and the
/// older.
fn face(tone: Option<AgeTone>, seed: u64) -> String {
    let ink = "#2d2a26";
    let mut out = format!(
        "<circle cx=\"52\" cy=\"53\" r=\"2.4\" fill=\"{ink}\"/><circle cx=\"68\" cy=\"53\" r=\"2.4\" fill=\"{ink}\"/>\
         <path d=\"M52 62 Q60 69 68 62\" stroke=\"{ink}\" stroke-width=\"2\" fill=\"none\" stroke-linecap=\"round\"/>"
    );
    let glasses = match tone {
        Some(AgeTone::Older) => true,
        Some(AgeTone::MiddleAged) => (seed >> 40) & 1 == 1,
        _ => false,
    };
    if glasses {
        out.push_str(&format!(
            "<g stroke=\"{ink}\" stroke-width=\"1.6\" fill=\"none\"><circle cx=\"52\" cy=\"53\" r=\"6\"/>\
             <circle cx=\"68\" cy=\"53\" r=\"6\"/><path d=\"M58 53 L62 53\"/></g>"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_picture_and_title_escaped() {
        let palette = AvatarPalette::default();
        let a = draw(
            7,
            Some(AgeTone::Young),
            Some(Gender::Female),
            &palette,
            "<script>&\"",
        );
        let b = draw(
            7,
            Some(AgeTone::Young),
            Some(Gender::Female),
            &palette,
            "<script>&\"",
        );
        assert_eq!(a, b);
        assert!(
            a.contains("<title>&lt;script&gt;&amp;&quot;</title>"),
            "{a}"
        );
        assert!(!a.contains("<script"));
        assert!(!a.contains("href"));
        assert!(a.starts_with("<svg") && a.ends_with("</svg>"));
        let c = draw(8, Some(AgeTone::Young), Some(Gender::Female), &palette, "x");
        assert_ne!(a.replace("&lt;script&gt;&amp;&quot;", "x"), c);
    }

    #[test]
    fn older_personas_wear_glasses_and_grey_hair() {
        let palette = AvatarPalette::default();
        let older = draw(1, Some(AgeTone::Older), None, &palette, "");
        assert!(older.contains("r=\"6\""));
        assert!(older.contains("#b8b8b8") || older.contains("#d6d6d0"));
        let young = draw(1, Some(AgeTone::Young), Some(Gender::Male), &palette, "");
        assert!(!young.contains("r=\"6\""));
    }

    #[test]
    fn an_empty_palette_still_draws() {
        let empty = AvatarPalette {
            backgrounds: Vec::new(),
            clothes: Vec::new(),
        };
        assert!(draw(3, None, None, &empty, "").contains("#888888"));
    }
}
