//! Header names to column roles, in English and Hebrew.

use super::row::{Cell, Row};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Step,
    Feeling,
    Case,
    Segment,
    Phase,
    Channel,
    Owner,
    Expected,
    Time,
    Note,
    Version,
    Order,
    // Columns of a pre-aggregated pattern summary.
    Median,
    N,
    Mean,
    Sd,
    P25,
    P75,
    Min,
    Max,
    CriticalShare,
    BelowNeutralShare,
    Risk,
}

impl Role {
    /// Where the roles of a pattern summary start in [`Role::ALL`].
    pub const FIRST_SUMMARY: usize = 12;

    pub const ALL: [Role; 23] = [
        Role::Step,
        Role::Feeling,
        Role::Case,
        Role::Segment,
        Role::Phase,
        Role::Channel,
        Role::Owner,
        Role::Expected,
        Role::Time,
        Role::Note,
        Role::Version,
        Role::Order,
        Role::Median,
        Role::N,
        Role::Mean,
        Role::Sd,
        Role::P25,
        Role::P75,
        Role::Min,
        Role::Max,
        Role::CriticalShare,
        Role::BelowNeutralShare,
        Role::Risk,
    ];

    /// Header names (after normalising) that mean this role; the first is canonical.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Role::Step => &["step", "stage", "touchpoint", "task", "שלב"],
            Role::Feeling => &["feeling", "emotion", "score", "mood", "תחושה", "רגש"],
            Role::Case => &[
                "case",
                "customer",
                "participant",
                "persona",
                "respondent",
                "name",
                "id",
                "customer id",
                "interviewee",
                "לקוח",
                "מקרה",
                "משתתף",
                "נבדק",
                "שם",
            ],
            Role::Segment => &["segment", "group", "פלח"],
            Role::Phase => &["phase", "section", "מקטע"],
            Role::Channel => &["channel", "ערוץ"],
            Role::Owner => &["owner", "handler", "department", "אחראי"],
            Role::Expected => &["expected", "promise", "ציפייה"],
            Role::Time => &["time", "elapsed", "date", "זמן"],
            Role::Note => &["note", "comment", "notes", "comments", "הערה", "הערות"],
            Role::Version => &["version", "גרסה"],
            Role::Order => &["order", "position", "סדר"],
            Role::Median => &["median", "חציון"],
            Role::N => &["n", "count"],
            Role::Mean => &["mean", "average", "avg", "ממוצע"],
            Role::Sd => &["sd", "stddev", "std"],
            Role::P25 => &["p25", "q1", "quartile1"],
            Role::P75 => &["p75", "q3", "quartile3"],
            Role::Min => &["min", "minimum"],
            Role::Max => &["max", "maximum"],
            Role::CriticalShare => &["critical_share"],
            Role::BelowNeutralShare => &["below_neutral_share"],
            Role::Risk => &["risk"],
        }
    }

    pub fn name(self) -> &'static str {
        self.aliases()[0]
    }

    fn index(self) -> usize {
        Role::ALL.iter().position(|&r| r == self).unwrap_or(0)
    }
}

/// Normalise a header cell: trim, drop a unit or range in brackets
/// (`Feeling (-5..5)`), drop a trailing colon, lower-case.
pub fn normalise(header: &str) -> String {
    let mut h = header.trim().trim_start_matches('\u{feff}').trim();
    if let Some(open) = h.find(['(', '[']) {
        if open > 0 {
            h = h[..open].trim_end();
        }
    }
    h.trim_end_matches(':').trim().to_lowercase()
}

/// The role a header names, if any.
pub fn role_of(header: &str) -> Option<Role> {
    let h = normalise(header);
    Role::ALL
        .into_iter()
        .find(|r| r.aliases().iter().any(|a| *a == h))
}

/// Which column holds each role.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnMap {
    slots: [Option<usize>; Role::ALL.len()],
    /// Columns with no role, by index and header text.
    pub unknown: Vec<(usize, String)>,
    /// Columns that repeat a role already taken (ignored): (index, header).
    pub repeated: Vec<(usize, String)>,
}

impl ColumnMap {
    pub fn from_header(header: &[&str]) -> Self {
        let mut map = ColumnMap::default();
        for (i, h) in header.iter().enumerate() {
            match role_of(h) {
                Some(role) if map.slots[role.index()].is_none() => {
                    map.slots[role.index()] = Some(i)
                }
                Some(_) => map.repeated.push((i, h.trim().to_string())),
                None => map.unknown.push((i, h.trim().to_string())),
            }
        }
        map
    }

    #[inline]
    pub fn get(&self, role: Role) -> Option<usize> {
        self.slots[role.index()]
    }

    pub fn set(&mut self, role: Role, column: usize) {
        self.slots[role.index()] = Some(column);
        self.unknown.retain(|(i, _)| *i != column);
    }

    pub fn clear(&mut self, role: Role) {
        self.slots[role.index()] = None;
    }

    /// The cell of `row` in `role`'s column, trimmed; an empty cell (at the
    /// first column) when the header has no such column.
    #[inline(always)]
    pub fn cell<'r>(&self, row: &'r Row, role: Role) -> Cell<'r> {
        match self.get(role) {
            Some(i) => row.cell(i).trimmed(),
            None => row.cell(0).emptied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_hebrew_aliases_match() {
        assert_eq!(role_of(" Step "), Some(Role::Step));
        assert_eq!(role_of("TOUCHPOINT"), Some(Role::Step));
        assert_eq!(role_of("שלב"), Some(Role::Step));
        assert_eq!(role_of("רגש"), Some(Role::Feeling));
        assert_eq!(role_of("Feeling (-5..5)"), Some(Role::Feeling));
        assert_eq!(role_of("Owner:"), Some(Role::Owner));
        assert_eq!(role_of("\u{feff}case"), Some(Role::Case));
        assert_eq!(role_of("favourite colour"), None);
        for case in [
            "Respondent",
            "Name",
            "ID",
            "Customer ID",
            "interviewee",
            "משתתף",
            "נבדק",
            "שם",
        ] {
            assert_eq!(role_of(case), Some(Role::Case), "{case}");
        }
    }

    #[test]
    fn summary_roles_start_at_the_median() {
        assert_eq!(Role::ALL[Role::FIRST_SUMMARY], Role::Median);
        assert!(Role::ALL[..Role::FIRST_SUMMARY].contains(&Role::Order));
    }

    #[test]
    fn map_records_unknown_and_repeated_columns() {
        let map = ColumnMap::from_header(&["case", "step", "feeling", "colour", "mood"]);
        assert_eq!(map.get(Role::Case), Some(0));
        assert_eq!(map.get(Role::Feeling), Some(2));
        assert_eq!(map.unknown, vec![(3, "colour".to_string())]);
        assert_eq!(map.repeated, vec![(4, "mood".to_string())]);
        assert_eq!(map.get(Role::Time), None);
    }

    #[test]
    fn a_role_cell_is_trimmed_and_empty_without_its_column() {
        let text = "step,feeling\nOrder, 2 \n";
        let mut rows = super::super::delimited::TextRows::new("t.csv", text, b',');
        use super::super::row::RowSource;
        rows.next_row().unwrap();
        let row = rows.next_row().unwrap().unwrap();
        let map = ColumnMap::from_header(&["step", "feeling"]);
        let feeling = map.cell(&row, Role::Feeling);
        assert_eq!((feeling.text, feeling.column), ("2", 1));
        assert_eq!(feeling.pos().to_string(), "2:7");
        assert_eq!(map.cell(&row, Role::Time).text, "");
    }
}
