//! Text made safe for the markup personas are written in (the avatar's
//! SVG, the HTML report): the five special characters as entities, and
//! the control characters XML 1.0 does not allow dropped.

/// `text` safe inside an element or a double- or single-quoted attribute.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_become_entities_and_controls_go() {
        assert_eq!(
            escape_markup("<a href=\"x\">Tom & 'Jo'</a>\u{0}\n"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jo&#39;&lt;/a&gt;\n"
        );
    }
}
