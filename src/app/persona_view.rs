//! One persona as the page shows it, worded in the UI language: the
//! generated facts with the user's edits laid over them. Shared by the
//! card, its PNG and the HTML report so the three say the same thing.

use crate::core::i18n::Lang;
use crate::core::persona::{
    card_figures, describe_paragraph, edit_of, persona_avatar_svg, svg_data_url, AvatarPalette,
    CardFigures, PersonaEdit, PersonaFacts, PersonaKey,
};

/// A generated persona: its identity, its facts and its generated name.
#[derive(Debug, Clone, PartialEq)]
pub struct Persona {
    pub key: PersonaKey,
    pub facts: PersonaFacts,
    pub generated_name: String,
}

/// What a card shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonaShown {
    pub name: String,
    pub description: String,
    /// The user's picture, else the drawn avatar, as a data: URL.
    pub picture: String,
    pub figures: CardFigures,
    pub edit: Option<PersonaEdit>,
    /// The segment's size when last edited, when it moved a lot since.
    pub changed_from: Option<usize>,
}

impl Persona {
    pub fn shown(&self, lang: Lang, edits: &[PersonaEdit]) -> PersonaShown {
        let edit = edit_of(edits, self.key).cloned();
        let name = edit
            .as_ref()
            .and_then(|e| e.name.clone())
            .unwrap_or_else(|| self.generated_name.clone());
        let description = edit
            .as_ref()
            .and_then(|e| e.description.clone())
            .unwrap_or_else(|| describe_paragraph(lang, &self.facts));
        let picture = edit
            .as_ref()
            .and_then(|e| e.picture.clone())
            .unwrap_or_else(|| {
                svg_data_url(&persona_avatar_svg(
                    &self.facts,
                    &AvatarPalette::default(),
                    &name,
                ))
            });
        let changed_from = edit
            .as_ref()
            .filter(|e| e.segment_changed(self.facts.size))
            .map(|e| e.size_at_edit);
        PersonaShown {
            name,
            description,
            picture,
            figures: card_figures(lang, &self.facts),
            edit,
            changed_from,
        }
    }

    /// The share of revenue, else of customers: what "value" sorts by.
    pub fn value(&self) -> f64 {
        self.facts
            .revenue
            .as_ref()
            .and_then(|r| r.revenue_share)
            .unwrap_or(self.facts.share)
    }
}
