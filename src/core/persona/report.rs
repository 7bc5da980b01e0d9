//! All personas as one self-contained, print-ready HTML report: inline
//! CSS, pictures inline as `data:` URLs, the language and direction on
//! `<html>`, every user text escaped, and a Content-Security-Policy that
//! lets the file load nothing from anywhere (it opens from disk).

use super::card::CardLine;
use super::markup::escape_markup;
use crate::core::i18n::Lang;

/// One persona as the report shows it, already worded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportPersona {
    pub name: String,
    /// A `data:image/…` URL (the avatar or the user's picture); anything
    /// else is left out.
    pub picture: String,
    pub description: String,
    /// Titled groups of figures (demographics, behaviour…).
    pub groups: Vec<(String, Vec<CardLine>)>,
    /// Titled free texts (goals, pain points, notes); empty ones skipped.
    pub texts: Vec<(String, String)>,
    pub quotes_title: String,
    pub quotes: Vec<String>,
    /// Share of customers and share of revenue (0..=1), drawn as bars.
    pub bars: Vec<(String, f64)>,
    /// A warning shown on the persona (the segment changed a lot).
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonaReport {
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    pub personas: Vec<ReportPersona>,
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2937}\
h1{margin:0 0 .25rem}.sub{color:#4b5563;margin:0 0 1.5rem}\
.persona{border:1px solid #d1d5db;border-radius:.75rem;padding:1rem 1.25rem;margin:0 0 1.5rem;break-inside:avoid;page-break-inside:avoid}\
.head{display:flex;gap:1rem;align-items:center}.head img{width:96px;height:96px;border-radius:50%;flex:none}\
h2{margin:0}.note{color:#92400e;background:#fef3c7;padding:.25rem .5rem;border-radius:.25rem}\
.groups{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.5rem 1.5rem}\
h3{font-size:1rem;margin:.75rem 0 .25rem}dl{margin:0}dt{font-weight:600}dd{margin:0 0 .25rem}\
.bar{background:#e5e7eb;height:.6rem;border-radius:.3rem;margin:.1rem 0 .4rem}.bar span{display:block;height:100%;background:#2563eb;border-radius:.3rem}\
blockquote{margin:.25rem 0;padding-inline-start:.75rem;border-inline-start:3px solid #d1d5db;color:#374151}\
@media print{body{margin:0}.persona{border-color:#9ca3af}}";

/// The report as one HTML document.
pub fn persona_report_html(report: &PersonaReport) -> String {
    let mut html = String::with_capacity(4096 + 2048 * report.personas.len());
    html.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        report.lang.code(),
        report.lang.direction().as_str(),
        escape_markup(&report.title),
    ));
    html.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"sub\">{}</p>\n",
        escape_markup(&report.title),
        escape_markup(&report.subtitle)
    ));
    for persona in &report.personas {
        push_persona(&mut html, persona);
    }
    html.push_str("</body>\n</html>\n");
    html
}

fn push_persona(html: &mut String, p: &ReportPersona) {
    html.push_str("<article class=\"persona\">\n<div class=\"head\">");
    if p.picture.starts_with("data:image/") {
        html.push_str(&format!(
            "<img alt=\"\" src=\"{}\">",
            escape_markup(&p.picture)
        ));
    }
    html.push_str(&format!("<h2>{}</h2></div>\n", escape_markup(&p.name)));
    if let Some(note) = &p.note {
        html.push_str(&format!("<p class=\"note\">{}</p>\n", escape_markup(note)));
    }
    html.push_str(&format!("<p>{}</p>\n", escape_markup(&p.description)));
    for (label, share) in &p.bars {
        let width = (share.clamp(0.0, 1.0) * 100.0 * 10.0).round() / 10.0;
        html.push_str(&format!(
            "<div>{}</div><div class=\"bar\"><span style=\"width:{width}%\"></span></div>\n",
            escape_markup(label)
        ));
    }
    html.push_str("<div class=\"groups\">\n");
    for (title, lines) in p.groups.iter().filter(|(_, l)| !l.is_empty()) {
        html.push_str(&format!("<section><h3>{}</h3><dl>", escape_markup(title)));
        for l in lines {
            html.push_str(&format!(
                "<dt>{}</dt><dd>{}</dd>",
                escape_markup(&l.label),
                escape_markup(&l.value)
            ));
        }
        html.push_str("</dl></section>\n");
    }
    for (title, text) in p.texts.iter().filter(|(_, t)| !t.trim().is_empty()) {
        html.push_str(&format!(
            "<section><h3>{}</h3><p>{}</p></section>\n",
            escape_markup(title),
            escape_markup(text).replace('\n', "<br>")
        ));
    }
    html.push_str("</div>\n");
    if !p.quotes.is_empty() {
        html.push_str(&format!("<h3>{}</h3>\n", escape_markup(&p.quotes_title)));
        for quote in &p.quotes {
            html.push_str(&format!(
                "<blockquote>{}</blockquote>\n",
                escape_markup(quote)
            ));
        }
    }
    html.push_str("</article>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persona(name: &str) -> ReportPersona {
        ReportPersona {
            name: name.into(),
            picture: "data:image/svg+xml;charset=utf-8,%3Csvg%3E".into(),
            description: "40 customers, 20% of all customers.".into(),
            groups: vec![(
                "Value".into(),
                vec![CardLine {
                    label: "Share of customers".into(),
                    value: "20%".into(),
                }],
            )],
            texts: vec![
                ("Goals".into(), "Save <money>\nfast".into()),
                ("Notes".into(), " ".into()),
            ],
            quotes_title: "In their words".into(),
            quotes: vec!["\"Great\" & cheap".into()],
            bars: vec![("Share of customers: 20%".into(), 0.2)],
            note: None,
        }
    }

    #[test]
    fn every_persona_escaped_with_language_and_direction() {
        let report = PersonaReport {
            lang: Lang::Fa,
            title: "پرسوناها".into(),
            subtitle: "mall.csv".into(),
            personas: vec![persona("<script>alert(1)</script>"), persona("Thrifty")],
        };
        let html = persona_report_html(&report);
        assert!(html.contains("<html lang=\"fa\" dir=\"rtl\">"));
        assert_eq!(html.matches("<article class=\"persona\">").count(), 2);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("Save &lt;money&gt;<br>fast"));
        assert!(html.contains("&quot;Great&quot; &amp; cheap"));
        assert!(!html.contains("<h3>Notes</h3>"));
        assert!(html.contains("width:20%"));
    }

    #[test]
    fn nothing_is_fetched_from_elsewhere() {
        let mut p = persona("A");
        p.picture = "https://example.com/a.png".into();
        let html = persona_report_html(&PersonaReport {
            lang: Lang::En,
            title: "Personas".into(),
            subtitle: String::new(),
            personas: vec![p],
        });
        assert!(!html.contains("example.com"));
        assert!(!html.contains("http://") && !html.contains("https://"));
        assert!(!html.contains("<link") && !html.contains("<script"));
        assert!(html.contains("default-src 'none'"));
    }
}
