//! A persona's SVG avatar as a `data:` URL, so the page shows it with an
//! `<img>` (text only, never inner HTML) and the report and the PNG
//! export carry it inline.

/// `svg` percent-encoded as a `data:image/svg+xml` URL. Only bytes that
/// are safe in a URL and an HTML attribute are left as they are.
pub fn svg_data_url(svg: &str) -> String {
    let mut url = String::from("data:image/svg+xml;charset=utf-8,");
    for byte in svg.bytes() {
        let safe = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b' ' | b'-'
                    | b'_'
                    | b'.'
                    | b'!'
                    | b'*'
                    | b'('
                    | b')'
                    | b'='
                    | b':'
                    | b'/'
                    | b','
                    | b';'
                    | b'+'
                    | b'@'
            );
        if safe {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_tags_and_non_ascii_are_encoded() {
        let url = svg_data_url("<svg a=\"1\"><title>نیم & 'x'</title>#</svg>");
        assert!(url.starts_with("data:image/svg+xml;charset=utf-8,%3Csvg a=%221%22%3E"));
        assert!(!url.contains(['"', '<', '>', '&', '\'', '#']));
        assert!(url.contains("%D9%86")); // ن in UTF-8
    }
}
