//! Splitting a dataset into groups of cases by a column that describes a
//! whole case (`case`, `segment`, `version`, or a row column such as
//! `channel`, `owner` or `note` that keeps one value through each case).
//! Lives in `model` because a group is a view of validated cases; the
//! commands (`pattern --by`, `plot --by`, `analyze --by`, `compare --by`)
//! read the column name from the flags in `cmd`, [`check`] it, and call
//! [`split`] here; [`subset`] makes a group a dataset of its own.

use std::collections::HashMap;

use super::{Case, Columns, Dataset, Step, Sym};

/// The name of the group of cases that have no value in the column.
pub const NO_VALUE: &str = "(none)";

/// A column cases can be grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// Each case is its own group.
    Case,
    Segment,
    Version,
    /// A row column: every row of a case must give the same value (or none).
    Channel,
    Owner,
    Note,
}

impl GroupBy {
    /// The case's value in this column, if it has one (for a row column,
    /// the first row of the case that gives one; see [`check`]).
    pub fn value(self, case: &Case) -> Option<Sym> {
        match self {
            GroupBy::Segment => case.segment,
            GroupBy::Version => case.version,
            GroupBy::Case => None,
            GroupBy::Channel | GroupBy::Owner | GroupBy::Note => {
                (0..case.points.len()).find_map(|i| self.row_value(case, i))
            }
        }
    }

    /// The value of a row column at a case's point `i`.
    fn row_value(self, case: &Case, i: usize) -> Option<Sym> {
        let d = case.details.get(i)?;
        match self {
            GroupBy::Channel => d.channel,
            GroupBy::Owner => d.owner,
            GroupBy::Note => d.note,
            GroupBy::Case | GroupBy::Segment | GroupBy::Version => None,
        }
    }

    /// The text of the case's value in this column, if it has one.
    pub fn text<'a>(self, ds: &'a Dataset, case: &'a Case) -> Option<&'a str> {
        match self {
            GroupBy::Case => Some(case.name.as_str()),
            _ => self.value(case).map(|s| ds.text(s)),
        }
    }

    /// Whether a sheet with these columns has this one.
    pub fn in_sheet(self, columns: &Columns) -> bool {
        match self {
            GroupBy::Case => true,
            GroupBy::Segment => columns.segment,
            GroupBy::Version => columns.version,
            GroupBy::Channel => columns.channel,
            GroupBy::Owner => columns.owner,
            GroupBy::Note => columns.note,
        }
    }
}

/// A case whose rows give two different values of the column grouped by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changing {
    pub case: String,
    pub first: String,
    pub then: String,
    /// 1-based line of the row that gives the second value.
    pub line: u32,
}

/// Check that every case keeps one value of a row column (blank rows
/// aside): a column whose value changes within a case cannot group cases.
/// Case columns (`case`, `segment`, `version`) always pass.
pub fn check(ds: &Dataset, by: GroupBy) -> Result<(), Changing> {
    if !matches!(by, GroupBy::Channel | GroupBy::Owner | GroupBy::Note) {
        return Ok(());
    }
    for case in &ds.cases {
        let mut first: Option<Sym> = None;
        for (i, p) in case.points.iter().enumerate() {
            let Some(v) = by.row_value(case, i) else {
                continue;
            };
            match first {
                None => first = Some(v),
                Some(f) if ds.text(f) != ds.text(v) => {
                    return Err(Changing {
                        case: case.name.clone(),
                        first: ds.text(f).to_string(),
                        then: ds.text(v).to_string(),
                        line: p.line,
                    })
                }
                Some(_) => {}
            }
        }
    }
    Ok(())
}

/// How many steps of `ds` at least one of `cases` went through.
pub fn steps_of(ds: &Dataset, cases: &[&Case]) -> usize {
    let mut used = vec![false; ds.steps.len()];
    for c in cases {
        for p in &c.points {
            used[p.step as usize] = true;
        }
    }
    used.iter().filter(|&&u| u).count()
}

/// The group's cases as a dataset of their own, as if the sheet held only
/// their rows: the steps none of them went through are left out (the others
/// keep their order), so the group is drawn and analysed as it would be
/// alone. The source keeps its name; its row count is the group's points,
/// and its count of skipped cells is not known per group (0).
pub fn subset(ds: &Dataset, cases: &[&Case]) -> Dataset {
    let mut used = vec![false; ds.steps.len()];
    for c in cases {
        for p in &c.points {
            used[p.step as usize] = true;
        }
    }
    let mut new_index = vec![u32::MAX; ds.steps.len()];
    let mut steps: Vec<Step> = Vec::new();
    for (i, s) in ds.steps.iter().enumerate() {
        if used[i] {
            new_index[i] = steps.len() as u32;
            steps.push(s.clone());
        }
    }
    let cases: Vec<Case> = cases
        .iter()
        .map(|c| {
            let mut c = (*c).clone();
            for p in &mut c.points {
                p.step = new_index[p.step as usize];
            }
            c
        })
        .collect();
    let mut source = ds.source.clone();
    source.rows = cases.iter().map(|c| c.points.len()).sum();
    source.skipped = 0;
    Dataset {
        source,
        scale: ds.scale,
        columns: ds.columns,
        steps,
        cases,
        strings: ds.strings.clone(),
        warnings: Vec::new(),
        warning_details: Vec::new(),
    }
}

/// The cases that share one value of the column.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<'a> {
    /// The value as written in the sheet, or [`NO_VALUE`].
    pub name: String,
    pub cases: Vec<&'a Case>,
}

/// The cases of `ds` grouped by the text of a column, groups in order of
/// first appearance and cases in sheet order within each; cases without a
/// value form the group [`NO_VALUE`].
pub fn split(ds: &Dataset, by: GroupBy) -> Vec<Group<'_>> {
    let mut out: Vec<Group> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for case in &ds.cases {
        let name = by.text(ds, case).unwrap_or(NO_VALUE);
        match index.get(name) {
            Some(&i) => out[i].cases.push(case),
            None => {
                index.insert(name, out.len());
                out.push(Group {
                    name: name.to_string(),
                    cases: vec![case],
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{parse, InputOptions};

    fn sheet(text: &str) -> Dataset {
        parse("t.csv", text.as_bytes(), &InputOptions::default()).unwrap()
    }

    #[test]
    fn groups_in_first_appearance_order_with_none_for_blanks() {
        let ds = sheet(
            "case,segment,step,feeling\n\
             a,new,s1,1\na,new,s2,2\n\
             b,,s1,1\nb,,s2,0\n\
             c,old,s1,3\nc,old,s2,1\n\
             d,new,s1,-1\nd,new,s2,2\n",
        );
        let groups = split(&ds, GroupBy::Segment);
        let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["new", NO_VALUE, "old"]);
        let cases: Vec<&str> = groups[0].cases.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(cases, ["a", "d"]);
        assert!(GroupBy::Segment.in_sheet(&ds.columns));
        assert!(!GroupBy::Version.in_sheet(&ds.columns));
    }

    #[test]
    fn a_row_column_groups_when_it_keeps_one_value_per_case() {
        let ds = sheet(
            "case,channel,step,feeling\n\
             a,web,s1,1\na,,s2,2\n\
             b,phone,s1,1\nb,phone,s3,0\n",
        );
        assert_eq!(check(&ds, GroupBy::Channel), Ok(()));
        let groups = split(&ds, GroupBy::Channel);
        let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["web", "phone"]);
        let bad = sheet("case,channel,step,feeling\na,web,s1,1\na,phone,s2,2\n");
        assert_eq!(
            check(&bad, GroupBy::Channel),
            Err(Changing {
                case: "a".into(),
                first: "web".into(),
                then: "phone".into(),
                line: 3
            })
        );
        let by_case = split(&bad, GroupBy::Case);
        assert_eq!(by_case.len(), 1);
        assert_eq!(by_case[0].name, "a");
    }

    #[test]
    fn a_subset_keeps_only_the_steps_its_cases_went_through() {
        let ds = sheet(
            "case,segment,step,feeling\n\
             a,x,s1,1\na,x,s2,2\na,x,s3,-1\n\
             b,y,s1,2\nb,y,s3,0\n",
        );
        let groups = split(&ds, GroupBy::Segment);
        let y = subset(&ds, &groups[1].cases);
        let names: Vec<&str> = y.steps.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["s1", "s3"]);
        assert_eq!(y.cases.len(), 1);
        let steps: Vec<u32> = y.cases[0].points.iter().map(|p| p.step).collect();
        assert_eq!(steps, [0, 1]);
        assert_eq!(y.source.rows, 2);
        let x = subset(&ds, &groups[0].cases);
        assert_eq!(x.steps.len(), 3);
    }

    #[test]
    fn a_sheet_without_the_column_is_one_group_of_none() {
        let ds = sheet("case,step,feeling\na,s1,1\nb,s1,2\n");
        let groups = split(&ds, GroupBy::Version);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].name, NO_VALUE);
        assert_eq!(groups[0].cases.len(), 2);
    }
}
