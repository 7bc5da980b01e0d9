//! Letter folding shared by everything that compares Arabic and Persian
//! words: Arabic and Persian keyboards give different code points for the
//! same letter (ي/ی, ك/ک), writers add or drop hamza, harakat and tatweel,
//! and Windows-1256 files have no Persian yeh at all, so a Persian header
//! or comment from one arrives spelled with the Arabic one. Sentiment
//! lexicons and header words are compared in this folded form.
//!
//! Deliberately not Unicode NFKC: NFKC would also fold presentation forms
//! and compatibility digits in ways we do not need, and it needs tables we
//! do not otherwise ship. Every rule here is one line of [`fold_char`].

/// Zero-width non-joiner: Persian writes "نمی‌کنم" with it, "نمیکنم"
/// without it and "نمی کنم" with a space. We remove it (join), and the
/// scorer joins a lone "می"/"نمی" with the next word, so all three meet.
pub const ZWNJ: char = '\u{200C}';

/// The canonical form of one character, or `None` to drop it.
pub fn fold_char(c: char) -> Option<char> {
    let folded = match c {
        // Yeh: Arabic yeh and alef maksura to Persian yeh; yeh with hamza too.
        'ي' | 'ى' | 'ئ' => 'ی',
        // Kaf: Arabic kaf to Persian keheh.
        'ك' => 'ک',
        // Teh marbuta and heh with yeh above (Persian ezafe) to heh.
        'ة' | 'ۀ' => 'ه',
        // Alef with hamza above/below, with madda, wasla: bare alef.
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ؤ' => 'و',
        // Typographic apostrophes, so "don’t" is "don't".
        '’' | 'ʼ' | '‘' => '\'',
        // Tatweel (kashida), harakat and superscript alef carry no meaning here.
        '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => return None,
        // Joiners: dropped, see ZWNJ.
        ZWNJ | '\u{200D}' => return None,
        // Arabic-Indic and Persian digits to ASCII.
        '\u{0660}'..='\u{0669}' => ascii_digit(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => ascii_digit(c as u32 - 0x06F0),
        _ => c,
    };
    Some(folded)
}

fn ascii_digit(offset: u32) -> char {
    char::from_digit(offset, 10).unwrap_or('0')
}

/// Whether `c` is a letter of the Arabic script (Arabic, Persian, Urdu…),
/// presentation forms included.
pub fn is_arabic_script(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
}
