//! The readable page: one self-contained HTML file, inline CSS, no scripts, no external loads.

use super::{document, period_words, Block};
use crate::summary::VisitSummary;

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root { color-scheme: light; }
body { margin: 0; background: #f7f5f0; color: #2e2d2b;
  font: 16px/1.55 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 46rem; margin: 2rem auto; padding: 2.5rem 2.75rem; background: #fffefb;
  border: 1px solid #e6e1d6; border-radius: 10px; }
h1 { font-size: 1.7rem; font-weight: 600; margin: 0 0 .2rem; color: #2f5d57; }
.subtitle { margin: 0 0 1.4rem; color: #6a665e; font-size: 1.05rem; }
h2 { font-size: 1.15rem; font-weight: 600; margin: 2rem 0 .6rem; padding-bottom: .25rem;
  border-bottom: 1px solid #e6e1d6; color: #2f5d57; }
.notice { background: #eef4f2; border-left: 4px solid #6f9e95; padding: .8rem 1rem;
  border-radius: 6px; margin: 1rem 0; }
table { width: 100%; border-collapse: collapse; margin: .4rem 0 .8rem; font-size: .92rem; }
th { text-align: left; font-weight: 600; background: #f1eee7; padding: .45rem .5rem; }
td { padding: .45rem .5rem; border-bottom: 1px solid #eeeae2; vertical-align: top; }
ul { padding-left: 1.3rem; } li { margin: .3rem 0; }
.small { color: #6a665e; font-size: .85rem; }
@page { size: A4; margin: 18mm; }
@media print { body { background: #fff; } main { border: none; margin: 0; padding: 0; } }
"#;

/// The summary as a self-contained HTML page.
pub fn to_html(summary: &VisitSummary) -> String {
    let mut body = String::new();
    for block in document(summary) {
        match block {
            Block::Title(t) => body.push_str(&format!("<h1>{}</h1>\n", escape(&t))),
            Block::Subtitle(t) => {
                body.push_str(&format!("<p class=\"subtitle\">{}</p>\n", escape(&t)))
            }
            Block::Notice(t) => body.push_str(&format!(
                "<p class=\"notice\" role=\"note\">{}</p>\n",
                escape(&t)
            )),
            Block::Heading(t) => body.push_str(&format!("<h2>{}</h2>\n", escape(&t))),
            Block::Paragraph(t) => body.push_str(&format!("<p>{}</p>\n", escape(&t))),
            Block::Small(t) => body.push_str(&format!("<p class=\"small\">{}</p>\n", escape(&t))),
            Block::Bullets(items) => {
                body.push_str("<ul>\n");
                for i in items {
                    body.push_str(&format!("<li>{}</li>\n", escape(&i)));
                }
                body.push_str("</ul>\n");
            }
            Block::Table { headers, rows, .. } => {
                body.push_str("<table>\n<thead><tr>");
                for h in headers {
                    body.push_str(&format!("<th scope=\"col\">{}</th>", escape(&h)));
                }
                body.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    body.push_str("<tr>");
                    for cell in row {
                        body.push_str(&format!("<td>{}</td>", escape(&cell)));
                    }
                    body.push_str("</tr>\n");
                }
                body.push_str("</tbody>\n</table>\n");
            }
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n<title>Visit summary, {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(&period_words(summary))
    )
}
