//! Which lexicons and word lists apply to a word: a Latin word is read as
//! English; an Arabic-script word by the comment's language (Arabic or
//! Persian first, the other as a fallback, since many review words are
//! shared), or by both when the letters did not tell.

use super::language::CommentLanguage;
use super::lexicon::{self, Lexicon};
use super::tokenise::Token;
use super::words::{self, WordLists};

#[derive(Debug, Clone, Copy)]
pub struct Rules {
    pub lexicons: &'static [fn() -> &'static Lexicon],
    pub lists: &'static WordLists,
    /// VADER's English-only rules: ALL CAPS emphasis, "no", "never so",
    /// "n't", and one flip per negator.
    pub english: bool,
    /// Persian's post-verbal negation ("راضی نیستم") and negative prefix
    /// on verbs ("نمی‌ارزه").
    pub persian: bool,
    /// Arabic puts the intensifier after the adjective ("جيد جدا"); both
    /// Arabic-script languages read intensifiers on either side.
    pub boosters_after: bool,
    /// Strip Arabic clitics (و، ف، ب، ل، ال) before lookup: only in Arabic
    /// comments, since in Persian they would make "بازار" (market) of
    /// "آزار" (harm).
    pub arabic_clitics: bool,
}

const EN_LEXICONS: &[fn() -> &'static Lexicon] = &[lexicon::english];
const FA_FIRST: &[fn() -> &'static Lexicon] = &[lexicon::persian, lexicon::arabic];
const AR_FIRST: &[fn() -> &'static Lexicon] = &[lexicon::arabic, lexicon::persian];

pub fn rules_for(token: &Token, language: CommentLanguage) -> Rules {
    if !token.arabic_script {
        return Rules {
            lexicons: EN_LEXICONS,
            lists: words::english(),
            english: true,
            persian: false,
            boosters_after: false,
            arabic_clitics: false,
        };
    }
    let (lexicons, lists, persian) = match language {
        CommentLanguage::Ar => (AR_FIRST, words::arabic(), false),
        CommentLanguage::Fa => (FA_FIRST, words::persian(), true),
        CommentLanguage::En | CommentLanguage::Unknown => (FA_FIRST, words::arabic_script(), true),
    };
    Rules {
        lexicons,
        lists,
        english: false,
        persian,
        boosters_after: true,
        arabic_clitics: language == CommentLanguage::Ar,
    }
}
