//! Spreadsheet files (.xlsx, .ods, …) read directly, and sheets as people
//! type them (titles above the header, totals, N/A, other case columns).

mod common;

use common::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

/// `validate --format json` of `file` in `w` with `extra` flags.
fn validate(w: &Work, file: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["validate", file, "--format", "json"];
    args.extend_from_slice(extra);
    w.json(&args)
}

/// The kinds of the warnings `validate --format json` lists.
fn kinds(v: &serde_json::Value) -> Vec<String> {
    v["warning_details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["kind"].as_str().unwrap().to_string())
        .collect()
}

/// The text of the warning of `kind`.
fn warning(v: &serde_json::Value, kind: &str) -> String {
    v["warning_details"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} warning in {v}"))["text"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A report without the keys that name the file.
fn without_source(mut v: serde_json::Value) -> serde_json::Value {
    if let Some(o) = v.as_object_mut() {
        for k in ["file", "source", "input"] {
            o.remove(k);
        }
    }
    v
}

// ---- the shared fixtures, written by LibreOffice ----

#[test]
fn libreoffice_xlsx_reads_as_its_csv_twin() {
    let w = Work::new();
    let xlsx = fixture("workshop-cinema-he.xlsx");
    let csv = fixture("workshop-cinema-he-bom-crlf.csv");
    let v = validate(&w, &xlsx, &[]);
    assert_eq!(v["format"], "xlsx");
    assert_eq!(v["sheet"], "cinema_he_wide");
    assert_eq!(v["other_sheets"], serde_json::json!([]));
    assert_eq!(v["delimiter"], "");
    let c = validate(&w, &csv, &[]);
    for key in [
        "layout", "cases", "steps", "skipped", "rows", "columns", "warnings",
    ] {
        assert_eq!(v[key], c[key], "{key}");
    }
    for cmd in ["analyze", "pattern"] {
        let a = w.json(&[cmd, &xlsx, "--format", "json"]);
        let b = w.json(&[cmd, &csv, "--format", "json"]);
        assert_eq!(without_source(a), without_source(b), "{cmd}");
    }
    let t = w.stdout(&["validate", &xlsx]);
    assert!(t.contains("format     xlsx spreadsheet\n"), "{t}");
    assert!(
        t.contains("sheet      \"cinema_he_wide\" (the only sheet)\n"),
        "{t}"
    );
}

#[test]
fn libreoffice_ods_reads_as_its_csv_twin() {
    let w = Work::new();
    let ods = fixture("cable-install.ods");
    let csv = fixture("cable-install.csv");
    let v = validate(&w, &ods, &[]);
    assert_eq!(v["format"], "ods");
    assert_eq!(v["sheet"], "cable_install");
    let c = validate(&w, &csv, &[]);
    for key in [
        "layout", "cases", "steps", "skipped", "rows", "columns", "warnings",
    ] {
        assert_eq!(v[key], c[key], "{key}");
    }
    for cmd in ["analyze", "pattern"] {
        let a = w.json(&[cmd, &ods, "--format", "json"]);
        let b = w.json(&[cmd, &csv, "--format", "json"]);
        assert_eq!(without_source(a), without_source(b), "{cmd}");
    }
}

#[test]
fn every_fixture_draws() {
    let w = Work::new();
    for (file, out) in [
        ("workshop-cinema-he.xlsx", "he.svg"),
        ("cable-install.ods", "cable.svg"),
        ("workshop-cinema-he-bom-crlf.csv", "he-csv.svg"),
        ("workshop-cinema-he-legacy-cp1255.csv", "he-1255.svg"),
        ("cable-install.csv", "cable-csv.svg"),
        ("decimal-comma-semicolon.csv", "decimal.svg"),
    ] {
        w.stdout(&["plot", &fixture(file), "-o", out]);
        let svg = String::from_utf8(w.read(out)).unwrap();
        assert_well_formed_svg(&svg);
        w.stdout(&["plot", &fixture(file), "-o", "x.png"]);
        assert!(w.read("x.png").starts_with(b"\x89PNG"));
    }
    let svg = String::from_utf8(w.read("he.svg")).unwrap();
    assert!(svg.contains("חיפוש חניה"));
    // The book and its CSV twins draw the same picture (the title aside).
    let body = |name: &str| {
        let svg = String::from_utf8(w.read(name)).unwrap();
        svg.lines()
            .filter(|l| !l.contains("Workshop cinema"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(body("he.svg"), body("he-csv.svg"));
    assert_eq!(body("he.svg"), body("he-1255.svg"));
    assert_eq!(w.read("cable.svg"), w.read("cable-csv.svg"));
    let svg = String::from_utf8(w.read("cable.svg")).unwrap();
    assert!(svg.contains("Calls support"));
}

#[test]
fn a_spreadsheet_on_standard_input_is_recognised() {
    let w = Work::new();
    let bytes = std::fs::read(fixture("cable-install.ods")).unwrap();
    let out = w
        .cmd()
        .args(["validate", "-", "--format", "json"])
        .write_stdin(bytes)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["format"], "ods");
    assert_eq!(v["cases"].as_array().unwrap().len(), 2);
}

// ---- books the tests write ----

/// A book with three sheets: notes (text only), a long sheet with dates,
/// formulas and a title above the header, and an empty sheet.
fn book() -> Vec<u8> {
    let mut wb = Workbook::new();
    let notes = wb.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "Workshop of 1 March").unwrap();

    let data = wb.add_worksheet();
    data.set_name("Data").unwrap();
    data.write_string(0, 0, "Cinema evening, first round")
        .unwrap();
    for (c, h) in ["Respondent", "Step", "Feeling", "Date"].iter().enumerate() {
        data.write_string(2, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let rows = [
        ("Dana", "Order", 2.0, 18, 0),
        ("Dana", "Park", -4.0, 19, 10),
        ("Dana", "Film", 4.0, 20, 0),
        ("Avi", "Order", 1.0, 17, 30),
        ("Avi", "Park", -2.0, 18, 45),
    ];
    for (i, (who, step, feeling, h, m)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        data.write_string(r, 0, *who).unwrap();
        data.write_string(r, 1, *step).unwrap();
        data.write_number(r, 2, *feeling).unwrap();
        let when = ExcelDateTime::from_ymd(2026, 3, 1)
            .unwrap()
            .and_hms(*h, *m, 0)
            .unwrap();
        data.write_datetime_with_format(r, 3, &when, &date).unwrap();
    }
    // A formula: its cached result is what is read.
    data.write_string(8, 0, "Avi").unwrap();
    data.write_string(8, 1, "Film").unwrap();
    data.write_formula(8, 2, Formula::new("=C5+2").set_result("3"))
        .unwrap();
    let when = ExcelDateTime::from_ymd(2026, 3, 1)
        .unwrap()
        .and_hms(21, 0, 0)
        .unwrap();
    data.write_datetime_with_format(8, 3, &when, &date).unwrap();
    data.write_string(9, 1, "Average").unwrap();
    data.write_formula(9, 2, Formula::new("=AVERAGE(C4:C9)").set_result("0.6666"))
        .unwrap();

    let empty = wb.add_worksheet();
    empty.set_name("Empty").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn the_first_sheet_is_read_by_default_and_others_by_name_or_number() {
    let w = Work::new();
    w.write("book.xlsx", book());
    // The first sheet holds only a note: no header there.
    let e = w.fails(&["validate", "book.xlsx"], 1);
    assert!(
        e.starts_with("error: book.xlsx[Notes]:1:A: no step column"),
        "{e}"
    );
    for choice in ["Data", "data", "2"] {
        let v = validate(&w, "book.xlsx", &["--sheet", choice]);
        assert_eq!(v["sheet"], "Data", "{choice}");
        assert_eq!(v["other_sheets"], serde_json::json!(["Notes", "Empty"]));
    }
    let t = w.stdout(&["validate", "book.xlsx", "--sheet", "Data"]);
    assert!(
        t.contains("sheet      \"Data\" (other sheets: \"Notes\", \"Empty\"; choose with --sheet)"),
        "{t}"
    );
    assert!(t.contains("header     row 3\n"), "{t}");
}

#[test]
fn dates_formulas_titles_and_totals_in_a_book() {
    let w = Work::new();
    w.write("book.xlsx", book());
    let v = validate(&w, "book.xlsx", &["--sheet", "Data"]);
    assert_eq!(v["layout"], "long");
    assert_eq!(v["header_row"], 3);
    assert_eq!(v["cases"][0]["case"], "Dana");
    assert_eq!(v["cases"][1]["case"], "Avi");
    assert_eq!(v["cases"][1]["steps"], 3);
    assert_eq!(v["steps"], serde_json::json!(["Order", "Park", "Film"]));
    assert!(v["columns"].as_array().unwrap().contains(&"time".into()));
    assert_eq!(kinds(&v), ["header_row", "total_row"]);
    assert!(warning(&v, "header_row").contains("row 3"));
    assert_eq!(
        warning(&v, "total_row"),
        "left out a row of totals or averages, not a step: row 10 (\"Average\")"
    );
    // The formula's cached result is the feeling; dates place the steps in time.
    let a = w.json(&[
        "analyze",
        "book.xlsx",
        "--sheet",
        "Data",
        "--format",
        "json",
    ]);
    let text = a.to_string();
    assert!(text.contains("Film"), "{text}");
    w.stdout(&[
        "plot",
        "book.xlsx",
        "--sheet",
        "Data",
        "--x",
        "time",
        "-o",
        "t.svg",
    ]);
    assert_well_formed_svg(&String::from_utf8(w.read("t.svg")).unwrap());
}

#[test]
fn errors_in_a_book_name_the_sheet_row_and_column() {
    let mut wb = Workbook::new();
    let s = wb.add_worksheet();
    s.set_name("Sheet1").unwrap();
    s.write_string(0, 0, "step").unwrap();
    s.write_string(0, 1, "note").unwrap();
    s.write_string(0, 2, "feeling").unwrap();
    for r in 1..4 {
        s.write_string(r, 0, format!("s{r}")).unwrap();
        s.write_number(r, 2, f64::from(r)).unwrap();
    }
    s.write_number(4, 0, 7.0).unwrap();
    s.write_number(4, 2, 9.0).unwrap();
    let w = Work::new();
    w.write("book.xlsx", wb.save_to_buffer().unwrap());
    let (out, e) = w.fails_with_stdout(&["validate", "book.xlsx", "--format", "json"], 1);
    assert!(
        e.starts_with("error: book.xlsx[Sheet1]:5:C: feeling 9 is outside the scale -5..5"),
        "{e}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["line"].as_u64(), v["column"].as_u64()),
        (Some(5), Some(3))
    );
    let e = w.fails(&["plot", "book.xlsx", "-o", "x.svg"], 1);
    assert!(e.starts_with("error: book.xlsx[Sheet1]:5:C:"), "{e}");
    assert!(!w.files().contains(&"x.svg".to_string()));
}

#[test]
fn unknown_and_empty_sheets_are_refused_with_the_sheets_named() {
    let w = Work::new();
    w.write("book.xlsx", book());
    let e = w.fails(&["validate", "book.xlsx", "--sheet", "Summary"], 1);
    assert!(
        e.starts_with("error: book.xlsx: no sheet \"Summary\" in this book — expected one of its sheets: \"Notes\", \"Data\", \"Empty\""),
        "{e}"
    );
    let e = w.fails(&["validate", "book.xlsx", "--sheet", "4"], 1);
    assert!(e.contains("no sheet \"4\""), "{e}");
    let e = w.fails(&["pattern", "book.xlsx", "--sheet", "Empty"], 1);
    assert!(
        e.starts_with("error: book.xlsx[Empty]: the sheet is empty"),
        "{e}"
    );
    assert!(e.contains("\"Notes\", \"Data\""), "{e}");
}

#[test]
fn damaged_protected_and_misnamed_books_are_refused_in_one_line() {
    let w = Work::new();
    let mut damaged = book();
    damaged.truncate(damaged.len() / 2);
    w.write("damaged.xlsx", &damaged);
    let e = w.fails(&["validate", "damaged.xlsx"], 1);
    assert!(
        e.starts_with("error: damaged.xlsx: the spreadsheet cannot be read"),
        "{e}"
    );

    // An encrypted workbook is an OLE file with an EncryptedPackage stream.
    let mut locked = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
    locked.resize(512, 0);
    locked.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    locked.resize(4096, 0);
    w.write("locked.xlsx", &locked);
    let e = w.fails(&["analyze", "locked.xlsx"], 1);
    assert!(
        e.starts_with("error: locked.xlsx: the workbook is protected by a password"),
        "{e}"
    );

    w.write("text.xlsx", "step,feeling\na,1\n");
    let e = w.fails(&["validate", "text.xlsx"], 1);
    assert!(e.contains("is not an Excel workbook"), "{e}");
    assert!(e.contains("give it the .csv extension"), "{e}");

    w.write("junk.ods", b"PK\x03\x04\x14\x00garbage");
    let e = w.fails(&["plot", "junk.ods", "-o", "j.png"], 1);
    assert!(
        e.starts_with("error: junk.ods: the spreadsheet cannot be read"),
        "{e}"
    );
}

// ---- sheets as people type them ----

#[test]
fn other_names_for_the_case_column() {
    let w = Work::new();
    for header in [
        "Respondent",
        "Name",
        "ID",
        "Customer ID",
        "Interviewee",
        "משתתף",
        "נבדק",
        "שם",
    ] {
        w.write(
            "s.csv",
            format!("{header},step,feeling\nA,x,1\nA,y,2\nB,x,3\nB,y,-1\n"),
        );
        let v = validate(&w, "s.csv", &[]);
        assert_eq!(v["cases"].as_array().unwrap().len(), 2, "{header}");
        assert_eq!(v["steps"], serde_json::json!(["x", "y"]), "{header}");
    }
}

#[test]
fn several_cases_without_a_case_column_are_pointed_out() {
    let w = Work::new();
    w.write(
        "s.csv",
        "Who,Step,Feeling\nDana,Order,2\nDana,Wait,-1\nAvi,Order,1\nAvi,Wait,-3\nRon,Order,0\nRon,Wait,1\n",
    );
    let v = validate(&w, "s.csv", &[]);
    let text = warning(&v, "case_column_missing");
    assert!(text.contains("\"Order\" comes 3 times"), "{text}");
    assert!(
        text.contains("column \"Who\" probably holds the cases"),
        "{text}"
    );
    // A journey that only revisits a step is one case: no such warning.
    w.write(
        "one.csv",
        "step,feeling\nOrder,1\nWait,-1\nCall,-2\nWait,-3\nDone,2\n",
    );
    let v = validate(&w, "one.csv", &[]);
    assert!(
        !kinds(&v).contains(&"case_column_missing".to_string()),
        "{v}"
    );
}

#[test]
fn empty_trailing_columns_and_rows_are_ignored_silently() {
    let w = Work::new();
    w.write(
        "wide.csv",
        "step,Dana,Yossi,,\na,1,2,,\nb,-1,,,\n,,,,\n,,,,\n",
    );
    let v = validate(&w, "wide.csv", &[]);
    assert_eq!(v["cases"].as_array().unwrap().len(), 2);
    assert_eq!(v["skipped"], 1, "only Yossi's empty cell");
    assert_eq!(v["warnings"], serde_json::json!([]));
    w.write("long.csv", "step,feeling,,\na,1,,\nb,2,,\n");
    let v = validate(&w, "long.csv", &[]);
    assert_eq!(v["warnings"], serde_json::json!([]));
}

#[test]
fn a_column_with_a_header_and_no_values_is_named() {
    let w = Work::new();
    w.write("s.csv", "step,feeling,phase,owner\na,1,,\nb,2,,\n");
    let v = validate(&w, "s.csv", &[]);
    assert_eq!(
        warning(&v, "empty_column"),
        "columns have a header but no values: \"phase\", \"owner\""
    );
}

#[test]
fn total_and_average_rows_are_left_out_with_their_lines() {
    let w = Work::new();
    w.write(
        "s.csv",
        "step,Dana,Avi\nOrder,2,1\nWait,-3,-1\nTOTAL,-1,0\nממוצע,-0.5,0\nmean:,1,1\n",
    );
    let v = validate(&w, "s.csv", &[]);
    assert_eq!(v["steps"], serde_json::json!(["Order", "Wait"]));
    assert_eq!(v["rows"], 2);
    assert_eq!(
        warning(&v, "total_row"),
        "left out rows of totals or averages, not steps: line 4 (\"TOTAL\"), line 5 (\"ממוצע\"), line 6 (\"mean:\")"
    );
}

#[test]
fn a_title_above_the_header_is_left_out_with_a_note() {
    let w = Work::new();
    w.write(
        "s.csv",
        "Cinema workshop\nfilled in by the team on 1 March\n\nstep,feeling\na,1\nb,-2\n",
    );
    let v = validate(&w, "s.csv", &[]);
    assert_eq!(v["header_row"], 4);
    assert_eq!(v["steps"], serde_json::json!(["a", "b"]));
    assert_eq!(
        warning(&v, "header_row"),
        "the header is on line 4: left out the 2 rows above it as a title or notes (first: \"Cinema workshop\")"
    );
    let t = w.stdout(&["validate", "s.csv"]);
    assert!(t.contains("header     line 4\n"), "{t}");
    // A sheet that starts with its header has no header_row.
    w.write("plain.csv", "step,feeling\na,1\n");
    assert_eq!(
        validate(&w, "plain.csv", &[])["header_row"],
        serde_json::Value::Null
    );
}

#[test]
fn header_row_forces_the_header() {
    let w = Work::new();
    // Row 2 names no step column, so it would not be found.
    w.write(
        "s.csv",
        "Journey of 1 March\nWhat happened,Dana,Avi\nOrder,2,1\nWait,-3,-1\n",
    );
    let e = w.fails(&["validate", "s.csv"], 1);
    assert!(e.starts_with("error: s.csv:1:1: no step column"), "{e}");
    assert!(
        e.contains(
            "hint: line 2 looks closest to a header: if it is the header, add --header-row 2"
        ),
        "{e}"
    );
    let v = validate(&w, "s.csv", &["--header-row", "2", "--wide"]);
    assert_eq!(v["header_row"], 2);
    assert_eq!(v["cases"].as_array().unwrap().len(), 2);
    assert_eq!(v["steps"], serde_json::json!(["Order", "Wait"]));
    let e = w.fails(&["validate", "s.csv", "--header-row", "9"], 1);
    assert!(
        e.starts_with("error: s.csv: --header-row 9: the file has 4 rows"),
        "{e}"
    );
    let e = w.fails(&["validate", "s.csv", "--header-row", "0"], 2);
    assert!(e.contains("header-row"), "{e}");
}

#[test]
fn not_applicable_cells_are_skipped_steps() {
    let w = Work::new();
    w.write(
        "s.csv",
        "step,Dana,Avi\na,1,N/A\nb,n/a,-\nc,?,לא רלוונטי\nd,-2,3\n",
    );
    let v = validate(&w, "s.csv", &[]);
    assert_eq!(v["skipped"], 5);
    assert_eq!(v["cases"][0]["steps"], 2);
    assert_eq!(v["cases"][1]["steps"], 1);
    assert_eq!(v["warnings"], serde_json::json!([]));
}

#[test]
fn forgiving_rules_hold_in_a_book_too() {
    let mut wb = Workbook::new();
    let s = wb.add_worksheet();
    s.write_string(0, 0, "Journey sheet").unwrap();
    for (c, h) in ["Name", "Step", "Feeling", "Notes"].iter().enumerate() {
        s.write_string(1, c as u16, *h).unwrap();
    }
    let rows = [
        ("Dana", "a", "1"),
        ("Dana", "b", "N/A"),
        ("Avi", "a", "-2"),
        ("", "Sum", "-1"),
    ];
    for (i, (who, step, f)) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        s.write_string(r, 0, *who).unwrap();
        s.write_string(r, 1, *step).unwrap();
        match f.parse::<f64>() {
            Ok(x) => s.write_number(r, 2, x).map(|_| ()).unwrap(),
            Err(_) => s.write_string(r, 2, *f).map(|_| ()).unwrap(),
        }
    }
    // A stray formatting-only cell far to the right makes empty columns.
    s.write_string(7, 9, "").unwrap();
    let w = Work::new();
    w.write("b.xlsx", wb.save_to_buffer().unwrap());
    let v = validate(&w, "b.xlsx", &[]);
    assert_eq!(v["cases"].as_array().unwrap().len(), 2);
    assert_eq!(v["skipped"], 1);
    assert_eq!(kinds(&v), ["header_row", "total_row", "empty_column"]);
    assert!(warning(&v, "total_row").contains("row 6 (\"Sum\")"));
    assert!(warning(&v, "empty_column").contains("\"Notes\""));
}
