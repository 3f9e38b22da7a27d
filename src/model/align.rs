// TEMPORARY placeholder; replaced by the real alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Visit {
    pub name: u32,
    pub order: Option<f64>,
    pub line: u64,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StepKey {
    pub name: u32,
    pub occurrence: u32,
}
#[derive(Debug, Clone)]
pub struct Alignment {
    pub steps: Vec<StepKey>,
    pub positions: Vec<Vec<usize>>,
    pub warnings: Vec<String>,
}
#[derive(Debug, thiserror::Error)]
pub enum AlignError {
    #[error("conflicting order")]
    ConflictingOrder {
        name: u32,
        first_line: u64,
        first_order: f64,
        second_line: u64,
        second_order: f64,
    },
}
pub fn align(
    cases: &[Vec<Visit>],
    _name_of: &dyn Fn(u32) -> String,
) -> Result<Alignment, AlignError> {
    let mut steps: Vec<StepKey> = Vec::new();
    let mut index = std::collections::HashMap::new();
    let mut positions = Vec::new();
    for case in cases {
        let mut seen = std::collections::HashMap::new();
        let mut pos = Vec::new();
        for v in case {
            let k = seen.entry(v.name).or_insert(0u32);
            *k += 1;
            let key = StepKey {
                name: v.name,
                occurrence: *k,
            };
            let i = *index.entry(key).or_insert_with(|| {
                steps.push(key);
                steps.len() - 1
            });
            pos.push(i);
        }
        positions.push(pos);
    }
    Ok(Alignment {
        steps,
        positions,
        warnings: vec![],
    })
}
