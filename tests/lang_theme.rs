//! The picture's own words in Hebrew (`--lang`), its reading direction
//! (`--direction`) and its colours (`--theme`), through the real binary.

mod common;

use common::*;

/// Every `<text>` of an SVG: its words, its `x`, and its `direction` attribute.
fn texts_with_direction(svg: &str) -> Vec<(String, f64, Option<String>)> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            (
                n.text().unwrap_or("").trim().to_string(),
                n.attribute("x").unwrap().parse().unwrap(),
                n.attribute("direction").map(str::to_string),
            )
        })
        .collect()
}

fn svg_of(w: &Work, args: &[&str]) -> String {
    let mut all = vec!["plot"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", "-"]);
    w.stdout(&all)
}

const HEBREW_WORDS: [&str; 5] = [
    "תסכול",
    "ניטרלי",
    "חציון (הדפוס האופייני)",
    "חצי אמצעי של המקרים (25–75%)",
    "נקודת שפל קריטית",
];

#[test]
fn lang_he_writes_the_graphs_words_in_hebrew() {
    let w = Work::new();
    let svg = svg_of(&w, &[&example("cinema-evening.csv"), "--lang", "he"]);
    assert_well_formed_svg(&svg);
    let texts = svg_texts(&svg);
    for want in HEBREW_WORDS.iter().chain(&["WOW"]) {
        assert!(texts.iter().any(|t| t == want), "{want}: {texts:?}");
    }
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("דפוס אופייני של 3 מקרים · 12 שלבים")),
        "{texts:?}"
    );
    // The data's own words stay as written.
    assert!(texts.iter().any(|t| t == "The film"), "{texts:?}");
    for english in ["frustration", "neutral", "critical dip"] {
        assert!(!texts.iter().any(|t| t == english), "{english}");
    }
}

#[test]
fn hebrew_texts_read_right_to_left_in_svg_and_latin_ones_do_not() {
    let w = Work::new();
    let svg = svg_of(&w, &[&example("contact-us-he.csv")]);
    let texts = texts_with_direction(&svg);
    for (text, _, dir) in &texts {
        let hebrew_first = text
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(|c| ('\u{5d0}'..='\u{5ea}').contains(&c));
        assert_eq!(
            dir.as_deref() == Some("rtl"),
            hebrew_first,
            "{text:?} has direction {dir:?}"
        );
    }
    // The words are kept in logical order, never reordered.
    assert!(texts.iter().any(|(t, ..)| t == "נקודת שפל קריטית"));
    assert!(svg.contains("unicode-bidi=\"embed\""));
}

#[test]
fn lang_auto_follows_the_step_names() {
    let w = Work::new();
    let he = svg_texts(&svg_of(&w, &[&example("contact-us-he.csv")]));
    assert!(he.iter().any(|t| t == "תסכול"), "{he:?}");
    assert!(!he.iter().any(|t| t == "frustration"));
    let en = svg_texts(&svg_of(&w, &[&example("cinema-evening.csv")]));
    assert!(en.iter().any(|t| t == "frustration"), "{en:?}");
    assert!(!en.iter().any(|t| t == "תסכול"));
    // --lang en forces English on a Hebrew sheet.
    let forced = svg_texts(&svg_of(
        &w,
        &[&example("contact-us-he.csv"), "--lang", "en"],
    ));
    assert!(forced.iter().any(|t| t == "frustration"), "{forced:?}");
    // The pattern command draws in the same language.
    w.cmd()
        .args(["pattern", &example("contact-us-he.csv"), "-o", "p.svg"])
        .assert()
        .success();
    let p = svg_texts(&String::from_utf8(w.read("p.svg")).unwrap());
    assert!(p.iter().any(|t| t == "חציון (הדפוס האופייני)"), "{p:?}");
}

#[test]
fn the_default_title_is_the_file_name_or_the_languages_own() {
    let w = Work::new();
    w.write("סדנה_צור-קשר.csv", "שלב,רגש\nפנייה,-2\nמענה,3\n");
    w.write("net-NPS_survey.csv", "step,feeling\nAsk,-2\nAnswer,3\n");
    let he = svg_texts(&svg_of(&w, &["סדנה_צור-קשר.csv"]));
    assert!(he.iter().any(|t| t == "סדנה צור קשר"), "{he:?}");
    let en = svg_texts(&svg_of(&w, &["net-NPS_survey.csv"]));
    assert!(en.iter().any(|t| t == "Net NPS survey"), "{en:?}");
    let stdin = |lang: &str| {
        let out = w
            .cmd()
            .args(["plot", "-", "-o", "-", "--lang", lang])
            .write_stdin("step,feeling\na,1\nb,-1\n")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        svg_texts(&String::from_utf8(out).unwrap())
    };
    assert!(stdin("he").iter().any(|t| t == "גרף רגשות"));
    assert!(stdin("en").iter().any(|t| t == "Emotion graph"));
    let titled = svg_texts(&svg_of(
        &w,
        &["net-NPS_survey.csv", "--lang", "he", "--title", "סקר"],
    ));
    assert!(titled.iter().any(|t| t == "סקר"), "{titled:?}");
}

#[test]
fn direction_defaults_to_the_language_and_can_be_forced() {
    let w = Work::new();
    let he = example("contact-us-he.csv");
    let neutral_x = |args: &[&str]| {
        let svg = svg_of(&w, args);
        texts_with_direction(&svg)
            .into_iter()
            .find(|(t, ..)| t == "ניטרלי")
            .map(|(_, x, _)| x)
            .expect("the neutral word")
    };
    // The neutral word sits at the end of the line: on the left when the
    // picture reads right to left, on the right otherwise.
    let rtl = neutral_x(&[&he]);
    let ltr = neutral_x(&[&he, "--direction", "ltr"]);
    assert!(rtl < 400.0 && ltr > 1200.0, "rtl {rtl}, ltr {ltr}");
    assert_eq!(neutral_x(&[&he, "--direction", "rtl"]), rtl);
    let en = svg_of(&w, &[&example("cinema-evening.csv"), "--direction", "rtl"]);
    let x = texts_with_direction(&en)
        .into_iter()
        .find(|(t, ..)| t == "neutral")
        .map(|(_, x, _)| x)
        .unwrap();
    assert!(x < 400.0, "{x}");
    w.cmd()
        .args(["plot", &he, "--direction", "up", "-o", "x.svg"])
        .assert()
        .code(2);
}

/// The hex colour `#RRGGBB` of a theme colour.
fn hex(r: u8, g: u8, b: u8) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

#[test]
fn dark_theme_has_a_dark_page_and_light_ink() {
    let w = Work::new();
    let f = example("cable-tv-installation.csv");
    let dark = svg_of(&w, &[&f, "--theme", "dark"]);
    let light = svg_of(&w, &[&f]);
    assert_well_formed_svg(&dark);
    let page = hex(24, 26, 31);
    let ink = hex(233, 236, 239);
    assert!(dark.contains(&format!("fill=\"{page}\"")), "dark page");
    let doc = roxmltree::Document::parse(&dark).unwrap();
    let title = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("text") && n.text().unwrap_or("").trim() == "Cable tv installation"
        })
        .expect("title");
    assert_eq!(title.attribute("fill"), Some(ink.as_str()));
    // Nothing of the light page is left: no white fill, no dark ink.
    assert!(!dark.contains("fill=\"#FFFFFF\""));
    assert!(!dark.contains(&hex(33, 37, 41)));
    assert!(light.contains("fill=\"#FFFFFF\""));
    assert!(light.contains(&hex(33, 37, 41)));
    // Zones are tinted more strongly on the dark page.
    assert!(dark.contains("opacity=\"0.3\""), "strong zone tint");
}

/// Greyscale pixels (Rec. 709 luma) of a PNG.
fn luma(png: &[u8]) -> (u32, u32, Vec<u8>) {
    let img = image::load_from_memory(png).expect("PNG").to_rgb8();
    let (w, h) = img.dimensions();
    let grey = img
        .pixels()
        .map(|p| {
            (0.2126 * f64::from(p[0]) + 0.7152 * f64::from(p[1]) + 0.0722 * f64::from(p[2])).round()
                as u8
        })
        .collect();
    (w, h, grey)
}

/// The grey of the WOW zone and of the frustration zone: down one column of
/// the picture, the first and the last stretch of one non-white grey at
/// least 20 pixels tall (grid lines and case lines only cut them short).
fn zone_greys(png: &[u8]) -> (u8, u8) {
    let (w, h, grey) = luma(png);
    let x = (w as f64 * 0.37) as usize;
    let column: Vec<u8> = (0..h as usize).map(|y| grey[y * w as usize + x]).collect();
    let mut runs = Vec::new();
    let mut start = 0;
    for y in 1..=column.len() {
        if y == column.len() || column[y] != column[start] {
            if y - start >= 20 && column[start] != 255 {
                runs.push(column[start]);
            }
            start = y;
        }
    }
    (*runs.first().unwrap(), *runs.last().unwrap())
}

#[test]
fn print_theme_tells_the_zones_apart_in_greyscale() {
    let w = Work::new();
    let f = example("cinema-evening.csv");
    for (name, theme) in [("light.png", "light"), ("print.png", "print")] {
        w.cmd()
            .args(["plot", &f, "--no-pattern", "--theme", theme, "-o", name])
            .assert()
            .success();
    }
    let (wow, frustration) = zone_greys(&w.read("print.png"));
    assert!(
        wow.abs_diff(frustration) >= 20,
        "print: WOW grey {wow}, frustration grey {frustration}"
    );
    // In the light theme the two tints are equally light: only their hue
    // tells them apart, which a greyscale print loses.
    let (wow, frustration) = zone_greys(&w.read("light.png"));
    assert!(wow.abs_diff(frustration) < 20, "{wow} {frustration}");
}

#[test]
fn print_theme_tells_series_apart_by_marker_shape() {
    let w = Work::new();
    let f = example("cinema-evening.csv");
    let print = svg_of(&w, &[&f, "--no-pattern", "--theme", "print"]);
    let light = svg_of(&w, &[&f, "--no-pattern"]);
    // Three cases: dots as circles, squares and diamonds (12 steps each,
    // plus one in the legend), where the light theme has only circles.
    let squares = |svg: &str| svg.matches("<rect").count();
    let polygons = |svg: &str| svg.matches("<polygon").count();
    assert!(squares(&print) >= squares(&light) + 2 * 13, "squares");
    assert!(polygons(&print) >= polygons(&light) + 13, "diamonds");
}

#[test]
fn hand_off_arrows_point_the_way_the_process_runs() {
    let w = Work::new();
    w.write(
        "a17.csv",
        "step,owner,feeling\nOrders online,sales,3\nScheduling call,service,0\nFirst bill,billing,-4\n",
    );
    let ltr = svg_texts(&svg_of(&w, &["a17.csv"]));
    assert!(ltr.iter().any(|t| t == "→ billing"), "{ltr:?}");
    assert!(ltr.iter().any(|t| t == "→ hand-off to another owner"));
    let rtl = svg_texts(&svg_of(&w, &["a17.csv", "--direction", "rtl"]));
    assert!(rtl.iter().any(|t| t == "← billing"), "{rtl:?}");
    let he = svg_texts(&svg_of(&w, &["a17.csv", "--lang", "he"]));
    assert!(he.iter().any(|t| t == "← מעבר לגורם אחר"), "{he:?}");
    assert!(
        he.iter()
            .any(|t| t == "מקרה אחד · 3 שלבים · סולם רגש \u{200E}\u{2212}5 עד 5, ניטרלי 0"),
        "{he:?}"
    );
}
