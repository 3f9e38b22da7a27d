//! Right-to-left texts in SVG. The SVG keeps every text in logical order and
//! leaves bidi to the viewer; but a viewer lays a text out from the base
//! direction of its `<text>` element, which is left to right unless said
//! otherwise, and then a Hebrew label with a number or brackets in it reads
//! wrongly (`(קומה 2)` comes out as `2) קומה)`). plotters writes `<text>`
//! elements without a way to add attributes, so the finished SVG is
//! post-processed here, in one well-defined way:
//!
//! - a text's base direction is that of its first strong character (rules
//!   P2–P3 of the Unicode bidi algorithm, the same rule the PNG renderer's
//!   reordering uses, so both formats show the same);
//! - a `<text>` whose base direction is right to left gets
//!   `direction="rtl" unicode-bidi="embed"`, and its `text-anchor` `start`
//!   and `end` are swapped, because in right-to-left text `start` is the
//!   right end: the text keeps the place the layout gave it.
//!
//! The text itself is never touched, never reordered.

use unicode_bidi::{bidi_class, BidiClass};

/// The SVG with every right-to-left `<text>` element marked (see the module
/// comment). Everything else is copied unchanged.
pub fn mark_right_to_left(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 64);
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let (Some(open_end), Some(close)) = (rest.find('>'), rest.find("</text>")) else {
            break;
        };
        if close < open_end {
            break;
        }
        let tag = &rest[..open_end];
        let content = &rest[open_end + 1..close];
        if first_strong_is_rtl(&unescape(content)) {
            out.push_str(&right_to_left(tag));
        } else {
            out.push_str(tag);
        }
        rest = &rest[open_end..];
    }
    out.push_str(rest);
    out
}

/// The opening tag (without its `>`) marked right to left, anchors swapped.
fn right_to_left(tag: &str) -> String {
    let tag = if tag.contains("text-anchor=\"start\"") {
        tag.replacen("text-anchor=\"start\"", "text-anchor=\"end\"", 1)
    } else {
        tag.replacen("text-anchor=\"end\"", "text-anchor=\"start\"", 1)
    };
    format!("{tag} direction=\"rtl\" unicode-bidi=\"embed\"")
}

/// Whether the first strong character of `text` reads right to left.
fn first_strong_is_rtl(text: &str) -> bool {
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => return true,
            BidiClass::L => return false,
            _ => {}
        }
    }
    false
}

/// The text of an element as written by plotters' escaping (`&lt;` `&gt;`
/// `&amp;` `&quot;` `&apos;`), unescaped: an escape's letters must not
/// count as a strong left-to-right character.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(anchor: &str, content: &str) -> String {
        format!("<text x=\"10\" y=\"20\" dy=\"0.76em\" text-anchor=\"{anchor}\" font-family=\"DejaVu Sans\">\n{content}\n</text>\n")
    }

    #[test]
    fn hebrew_texts_get_a_right_to_left_base_and_keep_their_place() {
        let svg = format!(
            "<svg>\n{}{}{}</svg>\n",
            text("start", "חניה (קומה 2)"),
            text("end", "נקודת שפל קריטית"),
            text("middle", "תסכול")
        );
        let out = mark_right_to_left(&svg);
        let tags: Vec<&str> = out.lines().filter(|l| l.starts_with("<text")).collect();
        assert_eq!(tags.len(), 3);
        assert!(tags[0].contains("text-anchor=\"end\""), "{}", tags[0]);
        assert!(tags[1].contains("text-anchor=\"start\""), "{}", tags[1]);
        assert!(tags[2].contains("text-anchor=\"middle\""), "{}", tags[2]);
        for t in &tags {
            assert!(
                t.ends_with("direction=\"rtl\" unicode-bidi=\"embed\">"),
                "{t}"
            );
        }
        // The words themselves are untouched, in logical order.
        assert!(out.contains("\nחניה (קומה 2)\n"));
    }

    #[test]
    fn left_to_right_and_neutral_texts_are_left_alone() {
        let svg = format!(
            "<svg>\n{}{}{}{}</svg>\n",
            text("start", "Parking (level 2) חניה"),
            text("start", "n=48 · 38% ≤ −2"),
            text("start", "&amp; חניה"),
            text("end", "\u{200E}\u{2212}5")
        );
        let out = mark_right_to_left(&svg);
        // Only the one whose first strong letter is Hebrew (after `&`) changes.
        assert_eq!(out.matches("direction=\"rtl\"").count(), 1);
        assert!(out.contains("text-anchor=\"end\" font-family=\"DejaVu Sans\" direction=\"rtl\""));
        assert_eq!(
            mark_right_to_left("<svg><rect/></svg>"),
            "<svg><rect/></svg>"
        );
    }

    #[test]
    fn a_truncated_document_is_copied_as_it_is() {
        let broken = "<svg><text x=\"1\">חניה";
        assert_eq!(mark_right_to_left(broken), broken);
    }
}
