//! A large text sheet read a block at a time, each block's rows on all
//! the cores.
//!
//! Reading is most of the work on a sheet of a million rows: splitting
//! records, parsing feelings, finding each row's case. Once the header is
//! known, rows of a long sheet with a case column are independent of each
//! other, so the file is read in blocks (never held whole: the memory is
//! the model's, not the file's); each block is cut at its last line end,
//! its lines are split into a few parts per core, each part is read by a
//! builder of its own ([`TableBuilder::part`]), and the parts are taken
//! back in order ([`TableBuilder::absorb`]). The sheet is the one the rows
//! read one by one would give: names and cases in the order they first
//! appear, every line number the same.
//!
//! Only where that is plainly so: a file (standard input cannot be read
//! twice) of UTF-8 text, its encoding not forced, with no quote character
//! (a quoted cell may hold a line break, so a line end may not end a row)
//! and no line ending in a lone `\r`. Otherwise, and on any error or doubt
//! on the way, [`read_file`] gives `None` and the caller reads the sheet in
//! one piece, which also words every message exactly as it always has.

use std::io::Read;

use rayon::prelude::*;

use super::delimited::{self, LineRows, TextRows};
use super::table::TableBuilder;
use super::{decode, InputOptions, Pending, SourceKind};
use crate::model::Sheet;

/// Files smaller than this are read in one piece: the cores would not pay.
const PARALLEL_FROM: u64 = 1 << 20;

/// How much of the file is read at a time.
#[derive(Debug, Clone, Copy)]
pub(super) struct Blocks {
    /// The first block: the delimiter and the encoding are judged on it,
    /// as on the start of the whole text, so it is at least twice
    /// [`SEEN_AT_START`] (its whole lines must hold that much).
    pub first: usize,
    /// Every later block (plus the unfinished line carried over).
    pub rest: usize,
}

impl Blocks {
    /// 4 MiB at a time: large enough that the cores share little, small
    /// enough that a block is a small part of the memory of what is read.
    pub const DEFAULT: Blocks = Blocks {
        first: 4 << 20,
        rest: 4 << 20,
    };
}

/// The most of a text's start that reading it in one piece looks at to
/// choose the delimiter and to tell text from binary (256 KiB of bytes,
/// which hold at least the 64 Ki characters the binary check reads).
const SEEN_AT_START: usize = 256 * 1024;

/// The sheet at `path` read in blocks over the cores, or `None` when it
/// must be read in one piece (see the module's comment).
pub(super) fn read_file(path: &str, options: &InputOptions) -> Option<Sheet> {
    if path == "-" || options.encoding.is_some() {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() < PARALLEL_FROM {
        return None;
    }
    read(path, file, options, Blocks::DEFAULT, meta.len())
}

/// The sheet named `name` in `reader` (`size` bytes), read in `blocks`
/// over the cores, or `None` when it must be read in one piece.
pub(super) fn read(
    name: &str,
    mut reader: impl Read + Send,
    options: &InputOptions,
    blocks: Blocks,
    size: u64,
) -> Option<Sheet> {
    if options.encoding.is_some() {
        return None;
    }
    // Each block's buffer has room for the unfinished line carried over
    // into it: the two buffers are written again and again, never moved
    // into fresh memory.
    let mut buf = Vec::with_capacity(blocks.first.max(2 * SEEN_AT_START) + CARRIED);
    let mut eof = fill(&mut reader, &mut buf, blocks.first.max(2 * SEEN_AT_START))?;
    let Start {
        mut builder,
        delimiter,
        mut from,
        mut cut,
        mut line,
    } = start(name, &buf, eof, options)?;
    // While a block's rows are read on the cores, the parts of the block
    // before are taken into the sheet and the next block is read from the
    // file, on a thread of their own: nothing waits for them.
    let parts = PARTS_PER_CORE * rayon::current_num_threads().max(1);
    let mut pending: Vec<TableBuilder> = Vec::new();
    let mut spare: Vec<u8> = Vec::with_capacity(blocks.rest + CARRIED);
    // The bytes of the rows read so far, and of those taken into the sheet.
    let (mut done, mut taken) = (0u64, 0u64);
    loop {
        let piece = &buf[from..cut];
        let piece_len = piece.len() as u64;
        let empty: Vec<TableBuilder> = (0..parts).map(|_| builder.part()).collect();
        let (read, next) = std::thread::scope(|s| {
            // A thread the system will not give: read the sheet in one piece.
            let taker = std::thread::Builder::new().spawn_scoped(s, || {
                let first = taken == 0 && !pending.is_empty();
                for part in pending.drain(..) {
                    if !builder.absorb(part) {
                        return None;
                    }
                }
                taken = done;
                if first {
                    // Room for as many cases as the first block's share of
                    // the file promises: the table of cases grows once, not
                    // by doubling, each time copied into fresh memory.
                    builder.expect_cases(size, taken);
                }
                if eof {
                    return Some((Vec::new(), true));
                }
                // The unfinished last line starts the next block.
                let mut next = std::mem::take(&mut spare);
                next.clear();
                next.extend_from_slice(&buf[cut..]);
                let next_eof = fill(&mut reader, &mut next, blocks.rest)?;
                Some((next, next_eof))
            });
            let Ok(taker) = taker else {
                return (None, None);
            };
            let read = read_piece(empty, piece, delimiter, line);
            let next = taker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (read, next)
        });
        let (read, lines) = read?;
        let (next, next_eof) = next?;
        pending = read;
        done += piece_len;
        line += lines;
        if eof {
            break;
        }
        spare = std::mem::replace(&mut buf, next);
        eof = next_eof;
        from = 0;
        cut = whole_lines(&buf, eof)?;
    }
    for part in pending {
        if !builder.absorb(part) {
            return None;
        }
    }
    drop((buf, spare));
    builder.finish().ok().map(Sheet::Cases)
}

/// What the first block says: the builder its header calls for, the
/// delimiter, where its rows start and end (whole lines) and the line of
/// the first.
struct Start<'a> {
    builder: Box<TableBuilder<'a>>,
    delimiter: u8,
    from: usize,
    cut: usize,
    line: u64,
}

/// Read the first block (`buf`, the whole input when `eof`) as reading in
/// one piece reads the start of a text: encoding, delimiter, header. `None`
/// when the sheet must be read in one piece.
fn start<'a>(name: &'a str, buf: &[u8], eof: bool, options: &InputOptions) -> Option<Start<'a>> {
    if SourceKind::of(name, buf) != SourceKind::Text || decode::sniff_binary(buf).is_some() {
        return None;
    }
    let bom = buf.starts_with(b"\xef\xbb\xbf");
    let from = if bom { 3 } else { 0 };
    let cut = from + whole_lines(&buf[from..], eof)?;
    let text = std::str::from_utf8(&buf[from..cut]).ok()?;
    if !eof && text.len() < SEEN_AT_START {
        return None;
    }
    if text.trim().is_empty() || !decode::is_text(text) {
        return None;
    }
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| delimited::sniff_delimiter(text));
    // Lines are split at the delimiter byte: it must be one ASCII character
    // that does not end a line or quote.
    if !delimiter.is_ascii() || matches!(delimiter, b'"' | b'\n' | b'\r') {
        return None;
    }
    let encoding = if bom { "UTF-8 (BOM)" } else { "UTF-8" };
    let format = super::text::text_format(name, encoding.to_string(), delimiter, options);
    let mut header_rows = TextRows::new(name, text, delimiter);
    let Ok(Pending::Table(builder)) = super::begin(name, &mut header_rows, options, format) else {
        return None;
    };
    if !builder.can_read_in_parts() {
        return None;
    }
    // The header is one line (there are no quotes): the rows start on the next.
    let header = builder.header_line();
    Some(Start {
        from: from + after_line(text, header)?,
        cut,
        line: header + 1,
        delimiter,
        builder,
    })
}

/// Room in a block's buffer for the unfinished line carried over from the
/// block before (a longer line moves the buffer).
const CARRIED: usize = 64 * 1024;

/// How many parts a block is read in, per core: more parts than cores keep
/// every core busy while one of them also takes the parts before into the
/// sheet and reads the next block.
const PARTS_PER_CORE: usize = 4;

/// Read up to `more` bytes onto the end of `buf`; whether the end of the
/// input was reached. `None` on a read error (reading in one piece says what it is).
fn fill(reader: &mut impl Read, buf: &mut Vec<u8>, more: usize) -> Option<bool> {
    let want = buf.len() + more;
    buf.reserve(more);
    while buf.len() < want {
        match reader
            .by_ref()
            .take((want - buf.len()) as u64)
            .read_to_end(buf)
        {
            Ok(0) => return Some(true),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(false)
}

/// How many bytes of `bytes` are whole lines: up to the last line end, or
/// all of them at the end of the input. `None` when a line is longer than
/// a block.
fn whole_lines(bytes: &[u8], eof: bool) -> Option<usize> {
    if eof {
        return Some(bytes.len());
    }
    bytes.iter().rposition(|&b| b == b'\n').map(|i| i + 1)
}

/// The byte just after line `line` (1-based) of `text`.
fn after_line(text: &str, line: u64) -> Option<usize> {
    let line = usize::try_from(line).ok()?;
    let end = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .nth(line.checked_sub(1)?)
        .map_or(text.len(), |(i, _)| i + 1);
    Some(end)
}

/// Read the rows of `piece` (whole lines, the first on line `line`) in
/// parts, one per builder of `empty` (builders of [`TableBuilder::part`]),
/// on all cores: each part as UTF-8 text with no quotes and no lone `\r`
/// ([`LineRows`]). The builders in order, and the number of lines read;
/// `None` when the sheet must be read in one piece.
fn read_piece<'a>(
    empty: Vec<TableBuilder<'a>>,
    piece: &[u8],
    delimiter: u8,
    line: u64,
) -> Option<(Vec<TableBuilder<'a>>, u64)> {
    let bytes = split_lines(piece, empty.len());
    // Each part's first line: the lines of the parts before it, counted on all cores.
    let counts: Vec<u64> = bytes
        .par_iter()
        .map(|b| delimited::count_newlines(b))
        .collect();
    let mut parts = Vec::with_capacity(bytes.len());
    let mut lines = 0;
    for ((bytes, n), builder) in bytes.into_iter().zip(counts).zip(empty) {
        parts.push((bytes, line + lines, builder));
        lines += n;
    }
    let read: Option<Vec<TableBuilder>> = parts
        .into_par_iter()
        .map(|(bytes, first_line, mut part)| {
            let text = std::str::from_utf8(bytes).ok()?;
            let mut rows = LineRows::new("", text, delimiter, first_line);
            rows.feed(&mut part).ok()?;
            Some(part)
        })
        .collect();
    Some((read?, lines))
}

/// `bytes` (whole lines) in at most `n` parts of about the same size, each
/// made of whole lines.
fn split_lines(bytes: &[u8], n: usize) -> Vec<&[u8]> {
    let mut parts = Vec::with_capacity(n);
    let mut from = 0;
    for k in 1..=n {
        let goal = (bytes.len() * k / n).max(from);
        let end = if k == n {
            bytes.len()
        } else {
            bytes[goal..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| goal + i + 1)
        };
        if end > from {
            parts.push(&bytes[from..end]);
        }
        from = end;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_into_parts_of_whole_lines() {
        let text = b"a,1\nbb,2\nccc,3\nd,4\n";
        let parts = split_lines(text, 2);
        assert_eq!(parts, [&b"a,1\nbb,2\nccc,3\n"[..], &b"d,4\n"[..]]);
        assert_eq!(split_lines(text, 1), [&text[..]]);
        assert_eq!(split_lines(b"a\n", 4), [&b"a\n"[..]]);
        assert!(split_lines(b"", 3).is_empty());
    }

    /// Everything a sheet of cases holds, to compare two readings.
    fn fingerprint(sheet: &Sheet) -> String {
        let Sheet::Cases(ds) = sheet else {
            return format!("{sheet:?}");
        };
        let strings: Vec<&str> = (0..ds.strings.len())
            .map(|i| ds.strings.texts_at(i))
            .collect();
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{strings:?}",
            ds.source, ds.scale, ds.columns, ds.steps, ds.cases, ds.warnings, ds.warning_details
        )
    }

    /// A long sheet of `cases` cases of 12 steps (about 30 bytes a row),
    /// with what reading in parts must get right: cases continued across
    /// parts, phases carried down, skipped feelings, rows of totals, blank
    /// lines, times (with `time`), and `extra` at the end of every row.
    fn big_sheet(cases: usize, end: &str, time: bool, extra: &str) -> String {
        let head = if time {
            "case,segment,phase,step,feeling,time"
        } else {
            "case,segment,phase,step,feeling"
        };
        let mut s = format!("Survey export{end}{end}{head}{extra}{end}");
        for c in 0..cases {
            let seg = ["new", "upgrade", "churn"][c % 3];
            for k in 0..12 {
                let phase = match k {
                    0 => "before",
                    6 => "during",
                    _ => "",
                };
                let feeling = match (c * 7 + k * 3) % 13 {
                    0 => String::new(),
                    v => format!("{}", (v % 11) as i64 - 5),
                };
                let time = if time {
                    format!(",{}m", k * 5)
                } else {
                    String::new()
                };
                s += &format!("C{c:05},{seg},{phase},step {k},{feeling}{time}{extra}{end}");
                if (c + k) % 97 == 0 {
                    s += end;
                }
            }
            if c % 1000 == 999 {
                let time = if time { "," } else { "" };
                s += &format!("C{c:05},{seg},,Total,3{time}{extra}{end}");
            }
        }
        s
    }

    /// `text` with the first `from` in the rows of case `case` made `to`.
    fn in_case(text: &str, case: usize, from: &str, to: &str) -> String {
        let start = text.find(&format!("C{case:05},")).unwrap();
        let at = start + text[start..].find(from).unwrap();
        format!("{}{to}{}", &text[..at], &text[at + from.len()..])
    }

    /// Read `text` in parts with small blocks, and in one piece.
    fn both(text: &str, options: &InputOptions) -> (Option<String>, String) {
        let blocks = Blocks {
            first: SEEN_AT_START,
            rest: 7_000,
        };
        let parts = read("t.csv", text.as_bytes(), options, blocks, text.len() as u64)
            .map(|s| fingerprint(&s));
        let whole = super::super::parse_sheet("t.csv", text.as_bytes().to_vec(), options)
            .map(|s| fingerprint(&s))
            .unwrap_or_else(|e| e.to_string());
        if let Some(p) = parts.as_deref().filter(|p| *p != whole) {
            let at = p
                .bytes()
                .zip(whole.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            panic!(
                "read in parts: …{}…\nread whole: …{}…",
                &p[at.saturating_sub(300)..(at + 200).min(p.len())],
                &whole[at.saturating_sub(300)..(at + 200).min(whole.len())]
            );
        }
        (parts, whole)
    }

    /// Read in parts, and the same as read whole.
    fn same(text: &str) {
        let (parts, whole) = both(text, &InputOptions::default());
        assert!(
            parts.is_some(),
            "not read in parts; read whole: {}",
            &whole[..whole.len().min(300)]
        );
    }

    /// Read whole only: (the sheet or the error read whole).
    fn whole_only(text: &str) -> String {
        let (parts, whole) = both(text, &InputOptions::default());
        assert!(parts.is_none());
        whole
    }

    #[test]
    fn a_sheet_read_in_parts_is_the_sheet_read_whole() {
        for end in ["\n", "\r\n"] {
            let text = big_sheet(5_000, end, true, "");
            assert!(text.len() > 2 * SEEN_AT_START);
            same(&text);
        }
        // With a byte-order mark and an ignored column.
        same(&format!("\u{feff}{}", big_sheet(4_000, "\n", true, ",x")));
        // A header written with quotes, as some programs write every cell.
        same(&big_sheet(4_000, "\n", true, "").replacen(
            "case,segment,phase,step,feeling,time",
            "\"case\",\"segment\",\"phase\",\"step\",\"feeling\",\"time\"",
            1,
        ));
        // Owners instead of phases (details per row), and an order column.
        same(&big_sheet(4_000, "\n", true, "").replacen(",phase,", ",owner,", 1));
        let text = big_sheet(4_000, "\n", false, "").replacen(",feeling", ",feeling,order", 1);
        let ordered: Vec<String> = text
            .lines()
            .enumerate()
            .map(|(i, l)| match l.split(',').nth(3) {
                Some(step) if i > 2 && !l.is_empty() => {
                    let k = step
                        .trim_start_matches("step ")
                        .parse::<u32>()
                        .unwrap_or(99);
                    format!("{l},{k}")
                }
                _ => l.to_string(),
            })
            .collect();
        same(&ordered.join("\n"));
        // With every case's rows spread over the whole sheet.
        let text = big_sheet(4_000, "\n", false, "");
        let mut lines: Vec<&str> = text.lines().collect();
        lines[3..].sort_by_key(|l| l.split(',').nth(3).map(str::to_string));
        same(&lines.join("\n"));
    }

    #[test]
    fn what_needs_the_rows_before_a_part_is_read_whole() {
        let text = big_sheet(4_000, "\n", true, "");
        // A quote, a lone CR, bytes that are not UTF-8.
        whole_only(&in_case(&text, 3000, "step 2", "\"step 2\""));
        whole_only(&in_case(&text, 3000, "step 2,", "step 2,\r"));
        let mut bytes = text.clone().into_bytes();
        let at = bytes.len() - 5;
        bytes[at] = 0xe9;
        assert!(read(
            "t.csv",
            &bytes[..],
            &InputOptions::default(),
            Blocks::DEFAULT,
            bytes.len() as u64
        )
        .is_none());
        // Empty case cells (merged cells): whole, or the same.
        let filled_down = text.replace("\nC0", "\n,");
        let (parts, _) = both(&filled_down, &InputOptions::default());
        assert!(parts.is_none());
        // Time going backwards in a case, here and there.
        for case in [0, 2_000, 3_999] {
            let back = in_case(
                &text,
                case,
                "step 11,",
                "step 11,2,0m\nC00000,new,,step 12,",
            );
            assert!(whole_only(&back).contains("time goes backwards"));
        }
    }

    #[test]
    fn errors_are_left_to_the_reading_in_one_piece() {
        let text = big_sheet(4_000, "\n", true, "");
        for case in [1, 3_500] {
            let bad = in_case(&text, case, "step 4,", "step 4,9");
            assert!(whole_only(&bad).contains("is outside the scale"));
        }
    }

    /// What the cells of a small generated sheet hold: case, phase, step,
    /// feeling, time, and how the row ends.
    const CELLS: [&[&str]; 6] = [
        // An empty case cell where a part begins sends the file to the reading whole: rare here.
        &[
            "A", "B", "C", "A", "B", "C", "A", "B", "C", "A", "B", "C", "",
        ],
        &["before", "", "", "after"],
        &["order", "wait", "pay", "Total", "wait"],
        &["-3", "2", "", "4", "WOW", "-5", "0"],
        &["1h", "", "", ""],
        &["\n", "\n", "\r\n", "\n\n"],
    ];

    /// A small long sheet with a case column: cases coming back, phases
    /// and cases left empty under filled ones, skipped feelings, rows of
    /// totals, blank lines, times; each row picks its cells from [`CELLS`].
    /// What the cells of a small generated plain sheet hold (the columns
    /// of `TableBuilder::push_plain`): case, segment, step, feeling,
    /// version, and how the row ends.
    const PLAIN_CELLS: [&[&str]; 6] = [
        // Mostly runs of one case, as exports have them.
        &["A", "A", "A", " A", "A ", "B", "C", "A", "B", "B", ""],
        &["new", "", "old", "old", "new", "new"],
        &["order", "wait", "pay", "Total", "wait", " pay"],
        &["-3", "2", "", "4", "WOW", "-5", "0", "-0", " 3", "-1", "5"],
        &["", "", "", "", "v1", "v2"],
        &["\n", "\n", "\r\n", "\n\n", ",\n"],
    ];

    fn small_sheet(picks: &[[usize; 6]]) -> String {
        sheet_of(picks, "case,phase,step,feeling,time", &CELLS)
    }

    /// A small sheet under `head`, each row picking its cells from `cells`.
    fn sheet_of(picks: &[[usize; 6]], head: &str, cells: &[&[&str]; 6]) -> String {
        let mut text = format!("{head}\n");
        for pick in picks {
            let cell = |i: usize| cells[i][pick[i] % cells[i].len()];
            text += &format!(
                "{},{},{},{},{}{}",
                cell(0),
                cell(1),
                cell(2),
                cell(3),
                cell(4),
                cell(5)
            );
        }
        text
    }

    /// The sheet read in parts, and the same read whole when it was.
    fn read_in_parts(text: &str) -> Option<(String, String)> {
        let options = InputOptions::default();
        let parts = read(
            "t.csv",
            text.as_bytes(),
            &options,
            Blocks::DEFAULT,
            text.len() as u64,
        )?;
        let whole = super::super::parse_sheet("t.csv", text.as_bytes().to_vec(), &options)
            .map(|s| fingerprint(&s))
            .unwrap_or_else(|e| e.to_string());
        Some((fingerprint(&parts), whole))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// Any small sheet reads in parts (a file in one block is still
        /// split into parts) as it reads whole, or is left to the reading whole.
        #[test]
        fn any_sheet_read_in_parts_is_the_sheet_read_whole(
            picks in proptest::collection::vec(proptest::prelude::any::<[usize; 6]>(), 1..80),
        ) {
            if let Some((parts, whole)) = read_in_parts(&small_sheet(&picks)) {
                proptest::prop_assert_eq!(parts, whole);
            }
        }

        /// The same for plain sheets, whose rows mostly take the short way
        /// (`TableBuilder::push_plain`).
        #[test]
        fn any_plain_sheet_read_in_parts_is_the_sheet_read_whole(
            picks in proptest::collection::vec(proptest::prelude::any::<[usize; 6]>(), 1..80),
        ) {
            let text = sheet_of(&picks, "case,segment,step,feeling,version", &PLAIN_CELLS);
            if let Some((parts, whole)) = read_in_parts(&text) {
                proptest::prop_assert_eq!(parts, whole);
            }
        }
    }

    /// A row of a plain sheet with too few cells is an error, even when
    /// its missing cell (the last column) could be read as empty.
    #[test]
    fn a_short_row_of_a_plain_sheet_is_an_error() {
        let mut text = String::from("case,step,feeling,version\n");
        for c in 0..20_000 {
            for k in 0..3 {
                text += &format!("C{c},step {k},{},v1\n", k + 1);
            }
        }
        let bad = text.replace("C15000,step 2,3,v1\n", "C15000,step 2,3\n");
        assert_ne!(bad, text);
        assert!(whole_only(&bad).contains("this row has 3 fields but the header has 4"));
    }

    /// Plain sheets are read in parts too, rows of the same case one
    /// after another.
    #[test]
    fn plain_sheets_are_read_in_parts() {
        let mut text = String::from("case,segment,step,feeling\n");
        for c in 0..3_000 {
            for k in 0..8 {
                let feeling = (c * 7 + k * 3) % 11;
                let feeling = match feeling {
                    10 => String::new(),
                    9 => "happy".to_string(),
                    v => format!("{}", v as i64 - 4),
                };
                // A row of totals in every case, where the step that
                // follows last time is the total.
                let step = if k == 4 {
                    "Total".to_string()
                } else {
                    format!("step {k}")
                };
                text += &format!("C{c},{},{step},{feeling}\n", ["new", "old"][c % 2]);
            }
        }
        same(&text);
    }

    /// The property above is not empty: many such sheets are read in parts.
    #[test]
    fn many_small_sheets_are_read_in_parts() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize
        };
        let read = (0..200)
            .filter(|_| {
                let picks: Vec<[usize; 6]> =
                    (0..40).map(|_| std::array::from_fn(|_| next())).collect();
                read_in_parts(&small_sheet(&picks)).is_some()
            })
            .count();
        assert!(read >= 80, "only {read} of 200 sheets were read in parts");
    }

    #[test]
    fn rows_start_after_the_header_line() {
        assert_eq!(after_line("title\nstep,feeling\na,1\n", 2), Some(19));
        assert_eq!(after_line("step,feeling", 1), Some(12));
    }
}
