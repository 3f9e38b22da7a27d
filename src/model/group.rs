//! Splitting a dataset into groups of cases by a column that describes a
//! whole case (`segment` or `version`). Lives in `model` because a group is
//! a view of validated cases; the commands (`pattern --by`, later batch
//! `plot --by` and `compare --by`) read the column name from the flags in
//! `cmd` and call [`split`] here.

use std::collections::HashMap;

use super::{Case, Columns, Dataset, Sym};

/// The name of the group of cases that have no value in the column.
pub const NO_VALUE: &str = "(none)";

/// A case column cases can be grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Segment,
    Version,
}

impl GroupBy {
    /// The case's value in this column, if it has one.
    pub fn value(self, case: &Case) -> Option<Sym> {
        match self {
            GroupBy::Segment => case.segment,
            GroupBy::Version => case.version,
        }
    }

    /// Whether a sheet with these columns has this one.
    pub fn in_sheet(self, columns: &Columns) -> bool {
        match self {
            GroupBy::Segment => columns.segment,
            GroupBy::Version => columns.version,
        }
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
        let name = by.value(case).map_or(NO_VALUE, |s| ds.text(s));
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
    fn a_sheet_without_the_column_is_one_group_of_none() {
        let ds = sheet("case,step,feeling\na,s1,1\nb,s1,2\n");
        let groups = split(&ds, GroupBy::Version);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].name, NO_VALUE);
        assert_eq!(groups[0].cases.len(), 2);
    }
}
