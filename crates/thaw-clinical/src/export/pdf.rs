//! The PDF: the same blocks as the page, laid out on A4 or Letter with wrapping, tables that
//! repeat their header across page breaks, and a footer on every page ("not encrypted", page n of
//! N). Uses the built-in Helvetica (no font is embedded) with WinAnsi encoding; characters outside
//! it are shown as "?".

use pdf_writer::{Content, Date, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::{document, period_words, Block, PageSize};
use crate::summary::VisitSummary;

/// Helvetica advance widths (1/1000 em) for WinAnsi 32..=126, from the standard AFM.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // ' '..'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0..9
    278, 278, 584, 584, 584, 556, 1015, // ':'..'@'
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A..M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N..Z
    278, 278, 278, 469, 556, 333, // '['..'`'
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a..m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n..z
    334, 260, 334, 584, // '{'..'~'
];

/// Helvetica-Bold advance widths for WinAnsi 32..=126.
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278,
    278, // ' '..'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0..9
    333, 333, 584, 584, 584, 611, 975, // ':'..'@'
    722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, // A..M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N..Z
    333, 278, 333, 584, 556, 333, // '['..'`'
    556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, // a..m
    611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, // n..z
    389, 280, 389, 584, // '{'..'~'
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    fn name(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
        }
    }
}

/// Maps a character to WinAnsiEncoding; `?` when it has no place there.
fn winansi(c: char) -> u8 {
    let u = c as u32;
    match u {
        0x20..=0x7e | 0xa0..=0xff => u as u8,
        _ => match c {
            '\u{20ac}' => 0x80,
            '\u{201a}' => 0x82,
            '\u{0192}' => 0x83,
            '\u{201e}' => 0x84,
            '\u{2026}' => 0x85,
            '\u{2020}' => 0x86,
            '\u{2021}' => 0x87,
            '\u{02c6}' => 0x88,
            '\u{2030}' => 0x89,
            '\u{0160}' => 0x8a,
            '\u{2039}' => 0x8b,
            '\u{0152}' => 0x8c,
            '\u{017d}' => 0x8e,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2022}' => 0x95,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            '\u{02dc}' => 0x98,
            '\u{2122}' => 0x99,
            '\u{0161}' => 0x9a,
            '\u{203a}' => 0x9b,
            '\u{0153}' => 0x9c,
            '\u{017e}' => 0x9e,
            '\u{0178}' => 0x9f,
            '\t' | '\n' | '\r' => b' ',
            _ => b'?',
        },
    }
}

fn encode(s: &str) -> Vec<u8> {
    s.chars().map(winansi).collect()
}

fn byte_width(b: u8, font: Font) -> u16 {
    let table = match font {
        Font::Regular => &HELVETICA,
        Font::Bold => &HELVETICA_BOLD,
    };
    match b {
        0x20..=0x7e => table[(b - 0x20) as usize],
        0x85 | 0x97 | 0x89 | 0x8c | 0x9c => 1000,
        0x91 | 0x92 | 0x82 => 278,
        0x93 | 0x94 | 0x84 => 500,
        0x95 => 350,
        0x96 => 556,
        0xa0 => 278,
        0xc0..=0xde => 722,
        _ => 611,
    }
}

fn text_width(s: &str, font: Font, size: f32) -> f32 {
    encode(s)
        .iter()
        .map(|b| byte_width(*b, font) as f32)
        .sum::<f32>()
        * size
        / 1000.0
}

/// Greedy word wrap; a word longer than the line is broken between characters.
fn wrap(text: &str, font: Font, size: f32, max: f32) -> Vec<String> {
    let mut lines = vec![];
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, font, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if text_width(word, font, size) <= max {
                line = word.to_string();
            } else {
                for c in word.chars() {
                    let mut next = line.clone();
                    next.push(c);
                    if text_width(&next, font, size) > max && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    } else {
                        line = next;
                    }
                }
            }
        }
        lines.push(line);
    }
    lines
}

type Rgb = (f32, f32, f32);

#[derive(Debug, Clone, Copy)]
struct Style {
    font: Font,
    size: f32,
    /// Line height.
    lh: f32,
    color: Rgb,
}
const INK: Rgb = (0.18, 0.18, 0.17);
const ACCENT: Rgb = (0.18, 0.36, 0.34);
const MUTED: Rgb = (0.42, 0.40, 0.37);
const NOTICE_FILL: Rgb = (0.93, 0.96, 0.95);
const NOTICE_BAR: Rgb = (0.44, 0.62, 0.58);
const HEADER_FILL: Rgb = (0.945, 0.933, 0.906);
const RULE: Rgb = (0.88, 0.87, 0.84);

enum Op {
    Text {
        x: f32,
        y: f32,
        font: Font,
        size: f32,
        color: Rgb,
        text: String,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
}

const MARGIN: f32 = 56.0;
const FOOTER_SPACE: f32 = 34.0;

struct Layout {
    width: f32,
    height: f32,
    pages: Vec<Vec<Op>>,
    /// The top of the free space on the current page, in PDF coordinates.
    y: f32,
}

impl Layout {
    fn new(size: PageSize) -> Self {
        let (width, height) = size.points();
        Layout {
            width,
            height,
            pages: vec![vec![]],
            y: height - MARGIN,
        }
    }

    fn left(&self) -> f32 {
        MARGIN
    }

    fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        MARGIN + FOOTER_SPACE - 12.0
    }

    fn at_page_top(&self) -> bool {
        (self.y - (self.height - MARGIN)).abs() < 0.01
    }

    fn new_page(&mut self) {
        self.pages.push(vec![]);
        self.y = self.height - MARGIN;
    }

    /// Starts a new page unless `h` points still fit. Returns true when it did.
    fn ensure(&mut self, h: f32) -> bool {
        if self.y - h < self.bottom() && !self.at_page_top() {
            self.new_page();
            true
        } else {
            false
        }
    }

    fn push(&mut self, op: Op) {
        self.pages
            .last_mut()
            .expect("there is always a page")
            .push(op);
    }

    /// One line of text whose line box starts at the cursor `top`.
    fn text_line(&mut self, x: f32, top: f32, style: Style, text: &str) {
        let Style {
            font,
            size,
            lh,
            color,
        } = style;
        let baseline = top - (lh - size) / 2.0 - size * 0.8;
        self.push(Op::Text {
            x,
            y: baseline,
            font,
            size,
            color,
            text: text.to_string(),
        });
    }

    /// Wrapped text, breaking pages between lines.
    fn paragraph(&mut self, text: &str, font: Font, size: f32, lh: f32, color: Rgb, indent: f32) {
        let lines = wrap(text, font, size, self.content_width() - indent);
        for line in lines {
            self.ensure(lh);
            let top = self.y;
            self.text_line(
                self.left() + indent,
                top,
                Style {
                    font,
                    size,
                    lh,
                    color,
                },
                &line,
            );
            self.y -= lh;
        }
    }

    fn notice(&mut self, text: &str) {
        let (size, lh, pad, bar) = (10.0, 14.5, 10.0, 3.5);
        let lines = wrap(
            text,
            Font::Regular,
            size,
            self.content_width() - 2.0 * pad - bar,
        );
        let mut rest: &[String] = &lines;
        self.y -= 4.0;
        while !rest.is_empty() {
            let room = ((self.y - self.bottom() - 2.0 * pad) / lh).floor().max(0.0) as usize;
            if room < rest.len().min(3) && !self.at_page_top() {
                self.new_page();
                continue;
            }
            let take = rest.len().min(room.max(1));
            let h = take as f32 * lh + 2.0 * pad;
            let (x, top) = (self.left(), self.y);
            self.push(Op::Fill {
                x,
                y: top - h,
                w: self.content_width(),
                h,
                color: NOTICE_FILL,
            });
            self.push(Op::Fill {
                x,
                y: top - h,
                w: bar,
                h,
                color: NOTICE_BAR,
            });
            for (i, line) in rest[..take].iter().enumerate() {
                let t = top - pad - i as f32 * lh;
                self.text_line(
                    x + bar + pad,
                    t,
                    Style {
                        font: Font::Regular,
                        size,
                        lh,
                        color: INK,
                    },
                    line,
                );
            }
            self.y -= h;
            rest = &rest[take..];
            if !rest.is_empty() {
                self.new_page();
            }
        }
        self.y -= 10.0;
    }

    fn heading(&mut self, text: &str) {
        let (size, lh) = (13.0, 18.0);
        self.y -= 12.0;
        // Keep a heading with at least a few lines of what follows.
        self.ensure(lh + 60.0);
        let top = self.y;
        self.text_line(
            self.left(),
            top,
            Style {
                font: Font::Bold,
                size,
                lh,
                color: ACCENT,
            },
            text,
        );
        self.y -= lh + 3.0;
        let (x1, x2, y) = (self.left(), self.left() + self.content_width(), self.y);
        self.push(Op::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width: 0.6,
            color: RULE,
        });
        self.y -= 8.0;
    }

    fn table(&mut self, headers: &[String], widths: &[f32], rows: &[Vec<String>]) {
        let (size, lh, hpad, vpad) = (9.0, 12.0, 4.0, 4.5);
        let total: f32 = widths.iter().sum();
        let cols: Vec<f32> = widths
            .iter()
            .map(|w| w / total * self.content_width())
            .collect();
        let wrap_row = |cells: &[String], font: Font| -> Vec<Vec<String>> {
            cells
                .iter()
                .zip(&cols)
                .map(|(c, w)| wrap(c, font, size, w - 2.0 * hpad))
                .collect()
        };
        let header_cells = wrap_row(headers, Font::Bold);
        let row_height = |cells: &Vec<Vec<String>>| {
            cells.iter().map(|c| c.len()).max().unwrap_or(1) as f32 * lh + 2.0 * vpad
        };
        let header_h = row_height(&header_cells);

        let draw_row =
            |layout: &mut Layout, cells: &Vec<Vec<String>>, font: Font, fill: Option<Rgb>| {
                let h = row_height(cells);
                let top = layout.y;
                if let Some(color) = fill {
                    layout.push(Op::Fill {
                        x: layout.left(),
                        y: top - h,
                        w: layout.content_width(),
                        h,
                        color,
                    });
                }
                let mut x = layout.left();
                for (lines, w) in cells.iter().zip(&cols) {
                    for (i, line) in lines.iter().enumerate() {
                        let t = top - vpad - i as f32 * lh;
                        layout.text_line(
                            x + hpad,
                            t,
                            Style {
                                font,
                                size,
                                lh,
                                color: INK,
                            },
                            line,
                        );
                    }
                    x += w;
                }
                layout.y -= h;
                let (x1, x2, y) = (
                    layout.left(),
                    layout.left() + layout.content_width(),
                    layout.y,
                );
                layout.push(Op::Line {
                    x1,
                    y1: y,
                    x2,
                    y2: y,
                    width: 0.5,
                    color: RULE,
                });
            };

        let first_h = rows
            .first()
            .map(|r| row_height(&wrap_row(r, Font::Regular)))
            .unwrap_or(0.0);
        self.ensure(header_h + first_h);
        draw_row(self, &header_cells, Font::Bold, Some(HEADER_FILL));
        for row in rows {
            let cells = wrap_row(row, Font::Regular);
            if self.ensure(row_height(&cells)) {
                draw_row(self, &header_cells, Font::Bold, Some(HEADER_FILL));
            }
            draw_row(self, &cells, Font::Regular, None);
        }
        self.y -= 8.0;
    }
}

fn pdf_date(t: &chrono::DateTime<chrono::FixedOffset>) -> Date {
    use chrono::{Datelike, Timelike};
    let offset = t.offset().local_minus_utc();
    Date::new(t.year().clamp(0, 9999) as u16)
        .month(t.month() as u8)
        .day(t.day() as u8)
        .hour(t.hour() as u8)
        .minute(t.minute() as u8)
        .second(t.second().min(59) as u8)
        .utc_offset_hour((offset / 3600) as i8)
        .utc_offset_minute(((offset.abs() % 3600) / 60) as u8)
}

/// The summary as a PDF document.
pub fn to_pdf(summary: &VisitSummary, page_size: PageSize) -> Vec<u8> {
    let mut layout = Layout::new(page_size);
    for block in document(summary) {
        match block {
            Block::Title(t) => {
                layout.paragraph(&t, Font::Bold, 22.0, 28.0, ACCENT, 0.0);
            }
            Block::Subtitle(t) => {
                layout.paragraph(&t, Font::Regular, 12.0, 17.0, MUTED, 0.0);
                layout.y -= 6.0;
            }
            Block::Notice(t) => layout.notice(&t),
            Block::Heading(t) => layout.heading(&t),
            Block::Paragraph(t) => {
                layout.paragraph(&t, Font::Regular, 10.0, 14.5, INK, 0.0);
                layout.y -= 6.0;
            }
            Block::Small(t) => {
                layout.paragraph(&t, Font::Regular, 8.5, 12.0, MUTED, 0.0);
                layout.y -= 4.0;
            }
            Block::Bullets(items) => {
                for item in items {
                    layout.ensure(14.5);
                    let top = layout.y;
                    let x = layout.left() + 4.0;
                    layout.text_line(
                        x,
                        top,
                        Style {
                            font: Font::Regular,
                            size: 10.0,
                            lh: 14.5,
                            color: ACCENT,
                        },
                        "\u{2022}",
                    );
                    layout.paragraph(&item, Font::Regular, 10.0, 14.5, INK, 16.0);
                    layout.y -= 4.0;
                }
                layout.y -= 4.0;
            }
            Block::Table {
                headers,
                widths,
                rows,
            } => layout.table(&headers, &widths, &rows),
        }
    }

    // Footer on every page, now that the page count is known.
    let count = layout.pages.len();
    let footer_left = format!(
        "Thaw visit summary, {}. This file is not encrypted.",
        period_words(summary)
    );
    for (i, page) in layout.pages.iter_mut().enumerate() {
        let right = format!("Page {} of {count}", i + 1);
        let y = MARGIN - 18.0;
        page.push(Op::Line {
            x1: MARGIN,
            y1: y + 14.0,
            x2: layout.width - MARGIN,
            y2: y + 14.0,
            width: 0.5,
            color: RULE,
        });
        page.push(Op::Text {
            x: MARGIN,
            y,
            font: Font::Regular,
            size: 8.0,
            color: MUTED,
            text: footer_left.clone(),
        });
        page.push(Op::Text {
            x: layout.width - MARGIN - text_width(&right, Font::Regular, 8.0),
            y,
            font: Font::Regular,
            size: 8.0,
            color: MUTED,
            text: right,
        });
    }

    let catalog_id = Ref::new(1);
    let tree_id = Ref::new(2);
    let regular_id = Ref::new(3);
    let bold_id = Ref::new(4);
    let info_id = Ref::new(5);
    let page_ids: Vec<Ref> = (0..count).map(|i| Ref::new(6 + 2 * i as i32)).collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog_id).pages(tree_id).lang(TextStr("en"));
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(count as i32);
    for (id, base) in [
        (regular_id, &b"Helvetica"[..]),
        (bold_id, &b"Helvetica-Bold"[..]),
    ] {
        pdf.type1_font(id)
            .base_font(Name(base))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    let title = format!("Visit summary, {}", period_words(summary));
    pdf.document_info(info_id)
        .title(TextStr(&title))
        .subject(TextStr(
            "A patient-held summary for a clinic visit. Not encrypted.",
        ))
        .creator(TextStr("Thaw"))
        .producer(TextStr("Thaw (thaw-clinical)"))
        .creation_date(pdf_date(&summary.data().generated_at));

    for (i, ops) in layout.pages.iter().enumerate() {
        let page_id = page_ids[i];
        let content_id = Ref::new(page_id.get() + 1);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, layout.width, layout.height))
            .parent(tree_id)
            .contents(content_id);
        page.resources()
            .fonts()
            .pair(Font::Regular.name(), regular_id)
            .pair(Font::Bold.name(), bold_id);
        page.finish();

        let mut content = Content::new();
        for op in ops {
            match op {
                Op::Fill { x, y, w, h, color } => {
                    content.set_fill_rgb(color.0, color.1, color.2);
                    content.rect(*x, *y, *w, *h);
                    content.fill_nonzero();
                }
                Op::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    color,
                } => {
                    content.set_stroke_rgb(color.0, color.1, color.2);
                    content.set_line_width(*width);
                    content.move_to(*x1, *y1);
                    content.line_to(*x2, *y2);
                    content.stroke();
                }
                Op::Text {
                    x,
                    y,
                    font,
                    size,
                    color,
                    text,
                } => {
                    content.set_fill_rgb(color.0, color.1, color.2);
                    content.begin_text();
                    content.set_font(font.name(), *size);
                    content.next_line(*x, *y);
                    content.show(Str(&encode(text)));
                    content.end_text();
                }
            }
        }
        pdf.stream(content_id, &content.finish());
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_every_line_inside_the_width() {
        let text = "Feeling bad about yourself \u{2014} or that you are a failure or have let yourself or your family down. Averyveryveryveryverylongwordthatcannotfit";
        for max in [60.0, 120.0, 300.0] {
            let lines = wrap(text, Font::Regular, 10.0, max);
            assert!(lines.len() > 1);
            for l in &lines {
                assert!(text_width(l, Font::Regular, 10.0) <= max + 0.01, "{l}");
            }
            let joined: String = lines.concat().split_whitespace().collect();
            let original: String = text.split_whitespace().collect();
            assert_eq!(joined, original);
        }
    }

    #[test]
    fn winansi_maps_dashes_and_falls_back() {
        assert_eq!(
            encode("a\u{2014}b\u{2013}\u{1f600}"),
            vec![b'a', 0x97, b'b', 0x96, b'?']
        );
        assert_eq!(text_width("M", Font::Regular, 10.0), 8.33);
    }
}
