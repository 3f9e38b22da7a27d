//! Text handling for drawing: cleaning labels of characters that break
//! a picture or an SVG file, bidi reordering for backends that draw glyph
//! by glyph (PNG), and fitting labels into a width.

use unicode_bidi::BidiInfo;

/// Clean a label for drawing: control characters (C0, DEL, C1) and the bidi
/// controls that reorder a whole span (embeddings, overrides, isolates) are
/// dropped, except that tabs and line breaks fold into a single space, and
/// runs of white space collapse. Without them a label is drawn in the order
/// its letters have (right-to-left text still reads right to left), so a
/// cell cannot make the picture show another text than it holds. The marks
/// LRM, RLM and ALM stay: each acts like one invisible letter, and the
/// graph's own Hebrew words use LRM to keep a minus sign before its digits.
/// XML escaping is left to the SVG backend; removing
/// control characters is ours, because an SVG containing them is not
/// well-formed XML.
pub fn clean_label(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len().min(4 * MAX_LABEL_CHARS));
    let mut pending_space = false;
    let mut kept = 0;
    for c in raw.chars() {
        // No picture shows more; fitting a longer text would only cost time.
        if kept == MAX_LABEL_CHARS {
            out.push('…');
            break;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if c.is_control() || is_span_control(c) {
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
            kept += 1;
        }
        pending_space = false;
        out.push(c);
        kept += 1;
    }
    out
}

/// Longest label kept for drawing, in characters.
pub const MAX_LABEL_CHARS: usize = 300;

/// Whether the text holds any right-to-left character (Hebrew, Arabic …).
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            unicode_bidi::bidi_class(c),
            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
        )
    })
}

/// Whether the first letter with a strong direction reads right to left
/// (the text's own base direction, as the bidi algorithm finds it).
pub fn starts_rtl(text: &str) -> bool {
    use unicode_bidi::BidiClass::{AL, L, R};
    text.chars()
        .map(unicode_bidi::bidi_class)
        .find(|c| matches!(c, L | R | AL))
        .is_some_and(|c| c != L)
}

/// Reorder one line of logical-order text into visual (left-to-right drawing)
/// order, mirroring brackets inside right-to-left runs. The base direction
/// is that of the first strong character. Bidi marks and embedding controls
/// (`U+200E` …) have done their work once the text is in visual order and
/// are left out, as they have no glyph. Needed for backends that draw glyph
/// by glyph (PNG); never used for SVG, whose viewer applies the bidi
/// algorithm itself.
pub fn visual_order(line: &str) -> String {
    let visual = reorder(line);
    if visual.chars().any(is_bidi_control) {
        visual.chars().filter(|&c| !is_bidi_control(c)).collect()
    } else {
        visual
    }
}

/// Bidi controls that reorder everything up to their end: embeddings,
/// overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
fn is_span_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Marks and controls of the bidi algorithm: LRM, RLM, ALM, the embeddings,
/// overrides and isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

fn reorder(line: &str) -> String {
    if !has_rtl(line) {
        return line.to_string();
    }
    let info = BidiInfo::new(line, None);
    let mut out = String::with_capacity(line.len());
    for para in &info.paragraphs {
        let range = para.range.clone();
        let (levels, runs) = info.visual_runs(para, range);
        for run in runs {
            let text = &line[run.clone()];
            if levels[run.start].is_rtl() {
                for c in text.chars().rev() {
                    out.push(unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c));
                }
            } else {
                out.push_str(text);
            }
        }
    }
    out
}

/// Break `text` into at most `max_lines` lines no wider than `max_width`,
/// measured by `measure`. Words are kept whole where they fit; a word wider
/// than a line is cut. When the text does not fit in `max_lines`, the last
/// line ends with an ellipsis. Works on logical order: reorder each line
/// afterwards for display.
pub fn wrap(
    text: &str,
    max_width: f64,
    max_lines: usize,
    measure: &dyn Fn(&str) -> f64,
) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words = text.split(' ').filter(|w| !w.is_empty()).peekable();
    let mut truncated = false;
    while let Some(word) = words.next() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if measure(&candidate) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            if lines.len() == max_lines {
                truncated = true;
                break;
            }
        }
        if measure(word) <= max_width {
            current = word.to_string();
        } else {
            // A single word wider than the line: cut it.
            let cut = fit_prefix(word, max_width, measure);
            let rest = &word[cut.len()..];
            lines.push(cut);
            if lines.len() == max_lines {
                truncated = true;
                break;
            }
            current = rest.to_string();
            while measure(&current) > max_width && lines.len() < max_lines {
                let cut = fit_prefix(&current, max_width, measure);
                let rest = current[cut.len()..].to_string();
                lines.push(cut);
                current = rest;
            }
            if lines.len() == max_lines {
                truncated = !current.is_empty() || words.peek().is_some();
                current.clear();
                break;
            }
        }
    }
    if !current.is_empty() {
        if lines.len() < max_lines {
            lines.push(current);
        } else {
            truncated = true;
        }
    }
    if truncated {
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(last, max_width, measure);
        }
    }
    lines
}

/// Shorten `text` to fit `max_width`, ending it with "…" when it had to be
/// cut: at a word's end where a whole word fits, inside a word only when
/// not even the first word does.
pub fn ellipsize(text: &str, max_width: f64, measure: &dyn Fn(&str) -> f64) -> String {
    let with_ellipsis = format!("{text}…");
    if !text.ends_with('…') && measure(text) <= max_width && measure(&with_ellipsis) <= max_width
    {
        return with_ellipsis;
    }
    let whole = fit_words(
        &format!("{}…", text.trim_end_matches('…')),
        max_width,
        measure,
    );
    if !whole.is_empty() {
        return whole;
    }
    let chars: Vec<char> = text.trim_end_matches('…').chars().collect();
    let mut n = chars.len();
    while n > 0 {
        let candidate: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        if measure(&candidate) <= max_width {
            return candidate;
        }
        n -= 1;
    }
    "…".to_string()
}

/// Shorten `text` to fit `max_width` only when it does not fit already.
pub fn fit(text: &str, max_width: f64, measure: &dyn Fn(&str) -> f64) -> String {
    if measure(text) <= max_width {
        text.to_string()
    } else {
        let chars: Vec<char> = text.chars().collect();
        let mut n = chars.len();
        while n > 0 {
            let candidate: String =
                chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
            if measure(&candidate) <= max_width {
                return candidate;
            }
            n -= 1;
        }
        "…".to_string()
    }
}

/// Shorten `text` to fit `max_width` at a word's end, ending it with "…"
/// (at the end of its reading order: the logical end, also for Hebrew);
/// empty when not even its first word fits. Never cuts inside a word.
pub fn fit_words(text: &str, max_width: f64, measure: &dyn Fn(&str) -> f64) -> String {
    if measure(text) <= max_width {
        return text.to_string();
    }
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    for n in (1..words.len()).rev() {
        let candidate = format!("{}…", words[..n].join(" "));
        if measure(&candidate) <= max_width {
            return candidate;
        }
    }
    String::new()
}

/// The longest prefix of `word` (at least one character) that fits `max_width`.
fn fit_prefix(word: &str, max_width: f64, measure: &dyn Fn(&str) -> f64) -> String {
    let mut end = 0;
    for (i, c) in word.char_indices() {
        let next = i + c.len_utf8();
        if end > 0 && measure(&word[..next]) > max_width {
            break;
        }
        end = next;
    }
    word[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> f64 {
        s.chars().count() as f64
    }

    #[test]
    fn clean_label_drops_controls_and_folds_breaks() {
        assert_eq!(clean_label("a\u{0}b\u{7}c"), "abc");
        assert_eq!(clean_label("  two\r\nlines\there "), "two lines here");
        assert_eq!(clean_label("x\u{1b}[31mred"), "x[31mred");
        assert_eq!(clean_label("<script>"), "<script>");
        assert_eq!(clean_label("\u{85}next"), "next");
        let long = clean_label(&"x".repeat(10_000));
        assert_eq!(long.chars().count(), MAX_LABEL_CHARS + 1);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn latin_text_is_not_reordered() {
        assert_eq!(visual_order("Parking (level 2)"), "Parking (level 2)");
    }

    #[test]
    fn hebrew_is_reversed_for_glyph_by_glyph_drawing() {
        // "שלום" in logical order is drawn right to left: visual order reverses it.
        assert_eq!(visual_order("שלום"), "םולש");
    }

    #[test]
    fn brackets_in_hebrew_are_mirrored() {
        // Logical "חניה (קומה 2)": visual order puts the number run in place and
        // mirrors the brackets so they still enclose it.
        let v = visual_order("חניה (קומה 2)");
        assert_eq!(v, "(2 המוק) הינח");
    }

    /// A left-to-right mark keeps a minus before its digits inside Hebrew,
    /// and is not drawn.
    #[test]
    fn negative_numbers_in_hebrew_keep_their_minus_in_front() {
        // Logical "סולם ‎−5 עד 5": read from the right, −5 then 5.
        let v = visual_order("סולם \u{200E}\u{2212}5 עד 5");
        assert_eq!(v, "5 דע \u{2212}5 םלוס");
        // Without the mark the minus would trail its digits.
        assert_ne!(visual_order("סולם \u{2212}5 עד 5"), v);
        assert_eq!(visual_order("\u{200E}\u{2212}2"), "\u{2212}2");
    }

    #[test]
    fn mixed_hebrew_and_english_keeps_english_runs_readable() {
        let v = visual_order("הזמנה ב-Netflix");
        assert!(v.contains("Netflix"), "{v}");
        assert!(v.starts_with("Netflix"), "{v}");
    }

    #[test]
    fn wrap_keeps_words_and_limits_lines() {
        assert_eq!(
            wrap("buy snacks now", 10.0, 3, &chars),
            vec!["buy snacks", "now"]
        );
        assert_eq!(wrap("a b c d e f", 3.0, 2, &chars), vec!["a b", "c…"]);
        // Cut at a word's end, not inside "agent".
        assert_eq!(
            wrap("Call back from an agent", 16.0, 1, &chars),
            vec!["Call back from…"]
        );
        let long = wrap("supercalifragilistic", 5.0, 2, &chars);
        assert_eq!(long.len(), 2);
        assert!(long.iter().all(|l| chars(l) <= 5.0), "{long:?}");
        assert!(long[1].ends_with('…'));
    }

    #[test]
    fn wrap_of_empty_text_is_empty() {
        assert!(wrap("", 10.0, 2, &chars).is_empty());
    }

    #[test]
    fn fit_words_never_cuts_a_word() {
        assert_eq!(
            fit_words("Leaving the car park", 12.0, &chars),
            "Leaving the…"
        );
        assert_eq!(fit_words("sign-up", 4.0, &chars), "");
        assert_eq!(fit_words("short", 10.0, &chars), "short");
        // Hebrew is shortened at its logical end.
        assert_eq!(
            fit_words("המתנה לטכנאי בבית", 13.0, &chars),
            "המתנה לטכנאי…"
        );
    }

    #[test]
    fn ellipsize_and_fit() {
        assert_eq!(fit("short", 10.0, &chars), "short");
        assert_eq!(fit("much too long", 6.0, &chars), "much…");
        assert_eq!(fit("x", 0.0, &chars), "…");
    }
}
