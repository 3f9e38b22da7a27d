//! Where an output goes: a [`Target`] (standard output, a path the user
//! named, or a name made here inside a folder) and an [`OutDir`] that turns
//! untrusted text (a group's value) into file names that are safe and unique
//! inside one folder. The rules are those of `--by` in docs/guide.md:
//! letters and digits of any script, `-` and `_` are kept; everything else
//! is folded to `-`, runs collapsed, trimmed, cut to [`MAX_NAME_BYTES`];
//! an empty or Windows-reserved result becomes `group-N`; names that collide
//! (also ignoring letter case) get `-2`, `-3` … in order of first appearance.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// Longest folded name, in bytes (cut on a character boundary).
pub const MAX_NAME_BYTES: usize = 100;

/// Where one output is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output (`-`).
    Stdout,
    /// A path the user named: a device or pipe there is written through.
    Named(PathBuf),
    /// A name made by an [`OutDir`]: whatever sits at the path (a file, a
    /// planted symlink) is replaced, never written through.
    InFolder(PathBuf),
}

impl Target {
    /// The target of a path from the command line (`-` is standard output).
    pub fn named(path: &Path) -> Target {
        if path.as_os_str() == "-" {
            Target::Stdout
        } else {
            Target::Named(path.to_path_buf())
        }
    }

    pub fn is_stdout(&self) -> bool {
        matches!(self, Target::Stdout)
    }

    /// The path, `-` for standard output.
    pub fn path(&self) -> &Path {
        match self {
            Target::Stdout => Path::new("-"),
            Target::Named(p) | Target::InFolder(p) => p,
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path().display())
    }
}

/// A folder that receives one file per group: `<folder>/<prefix><safe name>.<extension>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutDir {
    dir: PathBuf,
    prefix: String,
    extension: Option<String>,
}

impl OutDir {
    /// Files named `<prefix><safe name>.<extension>` in `dir`.
    pub fn new(
        dir: impl Into<PathBuf>,
        prefix: impl Into<String>,
        extension: Option<&str>,
    ) -> Self {
        OutDir {
            dir: dir.into(),
            prefix: prefix.into(),
            extension: extension.map(str::to_string),
        }
    }

    /// The short form `-o FILE`: FILE's folder, FILE's stem and a `-` as
    /// prefix, FILE's extension (`out/p.svg` → `out/p-<group>.svg`).
    pub fn beside(file: &Path) -> Self {
        let dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("pattern");
        OutDir::new(
            dir,
            format!("{stem}-"),
            file.extension().and_then(|e| e.to_str()),
        )
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The same folder and prefix with another extension: where each
    /// group's report goes beside its graph (the same safe names).
    pub fn with_extension(&self, extension: &str) -> Self {
        OutDir {
            extension: Some(extension.to_string()),
            ..self.clone()
        }
    }

    /// One target per group value, in the same order: safe, unique names
    /// inside the folder whatever the values hold. Without a prefix, the
    /// name `index` is kept for the batch's `index.json` (a group named
    /// `index` becomes `index-2`).
    pub fn targets<S: AsRef<str>>(&self, values: &[S]) -> Vec<Target> {
        let reserved: &[&str] = if self.prefix.is_empty() {
            &[INDEX]
        } else {
            &[]
        };
        unique_names_avoiding(values, reserved)
            .into_iter()
            .map(|name| {
                let file = match &self.extension {
                    Some(ext) => format!("{}{name}.{ext}", self.prefix),
                    None => format!("{}{name}", self.prefix),
                };
                let path = self.dir.join(&file);
                debug_assert_eq!(path.parent().unwrap_or(Path::new("")), self.dir);
                Target::InFolder(path)
            })
            .collect()
    }
}

/// `value` folded to the characters a file name may safely hold (possibly
/// empty): letters and digits of any script, `-` and `_`; every other
/// character becomes `-`, runs of `-` become one, `-` is trimmed from both
/// ends, and the result is cut to [`MAX_NAME_BYTES`] on a character boundary.
pub fn fold(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(MAX_NAME_BYTES + 4));
    for c in value.chars() {
        let c = if c.is_alphanumeric() || c == '_' || c == '-' {
            c
        } else {
            '-'
        };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        if out.len() + c.len_utf8() > MAX_NAME_BYTES {
            break;
        }
        out.push(c);
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Whether Windows reserves `name` (with or without an extension), in any case.
pub fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
    match stem.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => {
            let rest = stem
                .strip_prefix("COM")
                .or_else(|| stem.strip_prefix("LPT"));
            matches!(
                rest,
                Some("1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³")
            )
        }
    }
}

/// The safe name of group number `index` (0-based): its folded value, or
/// `group-N` (N counted from 1) when that is empty or reserved.
pub fn safe_name(value: &str, index: usize) -> String {
    let folded = fold(value);
    if folded.is_empty() || is_reserved(&folded) {
        format!("group-{}", index + 1)
    } else {
        folded
    }
}

/// The stem kept free for a batch's index (`index.json`).
pub const INDEX: &str = "index";

/// Safe names for a list of values, made unique: a name already taken
/// (ignoring letter case) gets `-2`, `-3` … in order of first appearance.
pub fn unique_names<S: AsRef<str>>(values: &[S]) -> Vec<String> {
    unique_names_avoiding(values, &[])
}

/// [`unique_names`], with `reserved` names (lower case) taken from the start.
pub fn unique_names_avoiding<S: AsRef<str>>(values: &[S], reserved: &[&str]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::with_capacity(values.len() + reserved.len());
    taken.extend(reserved.iter().map(|r| r.to_string()));
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let base = safe_name(v.as_ref(), i);
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.to_lowercase()) {
                name = format!("{base}-{n}");
                n += 1;
            }
            name
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_digits_dash_and_underscore_stay() {
        assert_eq!(fold("new_customers-2024"), "new_customers-2024");
        assert_eq!(fold("לקוחות חדשים"), "לקוחות-חדשים");
        assert_eq!(fold("Ünïcode Straße"), "Ünïcode-Straße");
    }

    #[test]
    fn everything_else_folds_to_one_dash_and_is_trimmed() {
        assert_eq!(fold("a b"), "a-b");
        assert_eq!(fold("a/b"), "a-b");
        assert_eq!(fold("a:b"), "a-b");
        assert_eq!(fold("a\\b"), "a-b");
        assert_eq!(fold("../../etc/x"), "etc-x");
        assert_eq!(fold("/abs"), "abs");
        assert_eq!(fold("C:\\x"), "C-x");
        assert_eq!(fold("a\0b\nc\td"), "a-b-c-d");
        assert_eq!(fold("\"quoted\" 'too'"), "quoted-too");
        assert_eq!(fold("a -- b"), "a-b");
        assert_eq!(fold("--a--"), "a");
        assert_eq!(fold("😀 fun"), "fun");
        assert_eq!(fold(".."), "");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn long_values_are_cut_on_a_char_boundary() {
        let ascii = "x".repeat(10_000);
        assert_eq!(fold(&ascii).len(), MAX_NAME_BYTES);
        // Hebrew letters are two bytes: 50 of them fit.
        let hebrew = "ש".repeat(300);
        let f = fold(&hebrew);
        assert_eq!(f.len(), MAX_NAME_BYTES);
        assert_eq!(f.chars().count(), 50);
        // A three-byte letter that would cross the limit is left out whole.
        let mixed = format!("{}{}", "a".repeat(99), "中");
        assert_eq!(fold(&mixed), "a".repeat(99));
        // A cut that ends on a dash is trimmed.
        let dashed = format!("{} b", "a".repeat(99));
        assert_eq!(fold(&dashed), "a".repeat(99));
    }

    #[test]
    fn reserved_names_in_any_case_with_or_without_extension() {
        for r in [
            "CON", "con", "Prn", "aux", "NUL", "nul.txt", "COM1", "com9", "LPT1", "lpt9.svg",
        ] {
            assert!(is_reserved(r), "{r}");
        }
        for ok in ["CONS", "COM10", "LPT0x", "console", "nul-a", "COM", "a.con"] {
            assert!(!is_reserved(ok), "{ok}");
        }
    }

    #[test]
    fn empty_or_reserved_becomes_group_n() {
        assert_eq!(safe_name("", 0), "group-1");
        assert_eq!(safe_name("///", 2), "group-3");
        assert_eq!(safe_name("con", 4), "group-5");
        assert_eq!(safe_name(" NUL ", 0), "group-1");
        assert_eq!(safe_name("new", 0), "new");
    }

    #[test]
    fn collisions_get_numbers_in_first_appearance_order() {
        assert_eq!(
            unique_names(&["a b", "a_b", "a/b", "a:b", "New", "new", "NEW"]),
            ["a-b", "a_b", "a-b-2", "a-b-3", "New", "new-2", "NEW-3"]
        );
        // A number added never lands on a name already taken.
        assert_eq!(
            unique_names(&["a-2", "a", "A", "group-1", ""]),
            ["a-2", "a", "A-3", "group-1", "group-5"]
        );
        assert_eq!(unique_names(&["", "group-1"]), ["group-1", "group-1-2"]);
    }

    #[test]
    fn targets_never_leave_the_folder() {
        let dir = OutDir::new("out", "", Some("svg"));
        let hostile = [
            "../../etc/x",
            "/abs",
            "a/b",
            "C:\\x",
            "a\0b",
            "line\nbreak",
            "..",
            ".",
            "",
            "CON",
        ];
        let targets = dir.targets(&hostile);
        for t in &targets {
            let p = t.path();
            assert_eq!(p.parent(), Some(Path::new("out")), "{p:?}");
            let name = p.file_name().unwrap().to_str().unwrap();
            assert!(!name.starts_with('.'), "{name}");
            assert!(!name.contains(['/', '\\', '\0', '\n', ':']), "{name}");
            assert!(matches!(t, Target::InFolder(_)));
        }
        let names: Vec<String> = targets.iter().map(|t| t.to_string()).collect();
        assert_eq!(
            names,
            [
                "out/etc-x.svg",
                "out/abs.svg",
                "out/a-b.svg",
                "out/C-x.svg",
                "out/a-b-2.svg",
                "out/line-break.svg",
                "out/group-7.svg",
                "out/group-8.svg",
                "out/group-9.svg",
                "out/group-10.svg",
            ]
        );
    }

    #[test]
    fn index_is_kept_for_the_index_without_a_prefix() {
        let dir = OutDir::new("out", "", Some("json"));
        let names: Vec<String> = dir
            .targets(&["index", "Index", "x"])
            .iter()
            .map(|t| t.to_string())
            .collect();
        assert_eq!(
            names,
            ["out/index-2.json", "out/Index-3.json", "out/x.json"]
        );
        let beside = OutDir::new("out", "p-", Some("json"));
        assert_eq!(
            beside.targets(&["index"])[0].to_string(),
            "out/p-index.json"
        );
    }

    #[test]
    fn beside_a_file_uses_its_folder_stem_and_extension() {
        let d = OutDir::beside(Path::new("pattern.svg"));
        assert_eq!(d.targets(&["new", "a b"])[1].to_string(), "pattern-a-b.svg");
        let d = OutDir::beside(Path::new("out/seg.PNG"));
        assert_eq!(d.dir(), Path::new("out"));
        assert_eq!(d.targets(&["x"])[0].to_string(), "out/seg-x.PNG");
    }

    #[test]
    fn dash_is_standard_output() {
        assert!(Target::named(Path::new("-")).is_stdout());
        assert_eq!(Target::named(Path::new("-")).to_string(), "-");
        assert_eq!(
            Target::named(Path::new("a.svg")),
            Target::Named(PathBuf::from("a.svg"))
        );
    }
}
