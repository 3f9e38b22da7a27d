//! Step alignment across cases: merges the step sequences of many cases
//! into one global order of steps, so that per-step values can be compared
//! across cases.
//!
//! **Step alignment.** An `order` column, when present, fixes the order of
//! steps (conflicting orders for one step → error naming both rows).
//! Otherwise the steps of all cases are merged into one order: a step comes
//! before another when it does within some case; take a topological order of
//! that relation, breaking ties by first appearance in the file; where cases
//! disagree (a cycle), fall back to first appearance for the steps involved
//! and warn. A step a case visits twice is aligned as its own step the second
//! time (`Call support (2)`). A case that skipped a step simply has no value
//! there.
//!
//! Self-contained: depends only on `std` and `thiserror`.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// One row of a case, in file order. `name` is an interned step-name id (ids
/// are dense 0..n but not necessarily in first-appearance order). `line` is
/// the 1-based source line, for messages (lines past `u32::MAX` are kept
/// as `u32::MAX`, as [`crate::model::Point`] keeps them: 24 bytes a visit,
/// and a sheet of a million rows holds a million visits while it is read).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Visit {
    pub name: u32,
    pub line: u32,
    pub order: Option<f64>,
}

/// What alignment needs of one row of a case: its step-name id, its
/// 1-based line (for messages), and its value in the order column. A
/// reader that keeps its rows in another shape aligns them as they are,
/// with no copy as [`Visit`]s.
pub trait Visited: Copy {
    fn name(self) -> u32;
    fn line(self) -> u32;
    fn order(self) -> Option<f64>;
}

impl Visited for Visit {
    fn name(self) -> u32 {
        self.name
    }

    fn line(self) -> u32 {
        self.line
    }

    fn order(self) -> Option<f64> {
        self.order
    }
}

/// An aligned step: the name id and which visit of that name within a case it
/// is (1 = first, 2 = second visit ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StepKey {
    pub name: u32,
    pub occurrence: u32,
}

/// The result of [`align`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Alignment {
    /// All steps, in the global order. Every step of every case appears
    /// exactly once.
    pub steps: Vec<StepKey>,
    /// For each distinct sequence of step names (in the order of the first
    /// case that has it), for each of its visits, the index into `steps`
    /// (four bytes each). Cases with the same names in the same order are
    /// aligned alike, and a large sheet's cases mostly are: see
    /// [`Alignment::positions_of`].
    pub positions: Vec<Vec<u32>>,
    /// For each case, the index of its sequence in `positions`.
    pub sequence_of: Vec<usize>,
    /// Human-readable warnings (cases disagreeing on the order of steps, an
    /// order column that could not be used).
    pub warnings: Vec<String>,
}

impl Alignment {
    /// For case `case`, for each of its visits in file order, the index
    /// into `steps`.
    pub fn positions_of(&self, case: usize) -> &[u32] {
        self.sequence_of
            .get(case)
            .and_then(|&k| self.positions.get(k))
            .map_or(&[], Vec::as_slice)
    }
}

/// Why the steps could not be aligned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AlignError {
    /// The same step (same name, same occurrence within its case) was given
    /// two different values in the `order` column.
    #[error(
        "conflicting order for one step: line {first_line} gives order {first_order}, \
         line {second_line} gives order {second_order}"
    )]
    ConflictingOrder {
        name: u32,
        first_line: u64,
        first_order: f64,
        second_line: u64,
        second_order: f64,
    },
}

/// At most this many step names are listed in one warning.
const MAX_NAMES_IN_WARNING: usize = 10;

/// Aligns the steps of all cases into one global order.
///
/// An `order` column, when present, fixes the order of steps (conflicting
/// orders for one step → error naming both rows). Otherwise the steps of all
/// cases are merged into one order: a step comes before another when it does
/// within some case; take a topological order of that relation, breaking ties
/// by first appearance in the file; where cases disagree (a cycle), fall back
/// to first appearance for the steps involved and warn. A step a case visits
/// twice is aligned as its own step the second time (`Call support (2)`). A
/// case that skipped a step simply has no value there.
///
/// Precisely:
///
/// * A step is a [`StepKey`] `(name, k)`: the k-th visit of `name` within one
///   case (counted in file order) is step `(name, k)`.
/// * "First appearance" is the position of a step's first visit when the
///   cases are read in the order given and each case's visits in file order
///   (the caller passes cases in order of their first row). `line` is used
///   only for messages.
/// * Order column: used when at least one visit has an `order`. All values
///   given for one step must be equal (`-0.0` equals `0.0`), else
///   [`AlignError::ConflictingOrder`] names the first row that gave a value
///   and the first row that contradicts it. A visit with no `order` takes the
///   value given for the same step on another row. Steps are sorted by order,
///   ties by first appearance. If some step has no order on any row, the
///   order column is ignored with a warning and the steps are merged as
///   below. (Conflicts are still errors in that case.)
/// * Merging: consecutive visits of a case give an edge; Kahn's algorithm
///   emits, among the steps with no pending predecessor, the one that
///   appeared first. When it stalls (cases disagree: a cycle), it emits the
///   step that appeared first among the pending steps that lie on a cycle and
///   wait only on steps of their own cycle (strongly connected component), and
///   continues. One warning is given per group of disagreeing steps (a
///   strongly connected component), at the first stall it causes.
///
/// Never panics; allocations are per case and per distinct step, not per
/// visit.
pub fn align<V: Visited>(
    cases: &[Vec<V>],
    name_of: &dyn Fn(u32) -> String,
) -> Result<Alignment, AlignError> {
    // Only the distinct sequences of names are aligned: a case whose names
    // follow another's in the same order adds no step and no edge, and
    // first appearances are those of the first case of each sequence.
    let distinct = Distinct::of(cases);
    let firsts: Vec<&[V]> = distinct.first.iter().map(|&c| &cases[c][..]).collect();
    let interned = intern(&firsts);
    let n = interned.keys.len();
    let mut warnings = Vec::new();

    let any_order = cases.iter().flatten().any(|v| v.order().is_some());
    let explicit = if any_order {
        explicit_order(cases, &distinct.of_case, &interned, name_of, &mut warnings)?
    } else {
        None
    };
    let order = match explicit {
        Some(order) => order,
        None => merge_order(&interned, name_of, &mut warnings),
    };

    let mut step_of_node = vec![0u32; n];
    for (i, &node) in order.iter().enumerate() {
        // Fewer steps than visits, and visits are counted in `u32` lines.
        step_of_node[node] = u32::try_from(i).unwrap_or(u32::MAX);
    }
    let steps = order.iter().map(|&node| interned.keys[node]).collect();
    let positions = (0..firsts.len())
        .map(|k| {
            interned
                .nodes(k)
                .iter()
                .map(|&node| step_of_node[node as usize])
                .collect()
        })
        .collect();
    Ok(Alignment {
        steps,
        positions,
        sequence_of: distinct.of_case,
        warnings,
    })
}

/// Cases grouped by their sequence of step names.
struct Distinct {
    /// The first case of each distinct sequence, in order.
    first: Vec<usize>,
    /// For each case, the index of its sequence in `first`.
    of_case: Vec<usize>,
}

impl Distinct {
    fn of<V: Visited>(cases: &[Vec<V>]) -> Distinct {
        let mut first: Vec<usize> = Vec::new();
        let mut of_case = Vec::with_capacity(cases.len());
        // Sequences by hash; sequences whose hashes collide are chained
        // (`next`: the sequence tried after each, `NONE` at the end).
        const NONE: usize = usize::MAX;
        let mut by_hash: HashMap<u64, usize, BuildHasherDefault<Mixed>> = HashMap::default();
        let mut next: Vec<usize> = Vec::new();
        let same = |a: &[V], b: &[V]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.name() == y.name())
        };
        for (c, case) in cases.iter().enumerate() {
            // A case mostly visits the steps the case before it visited:
            // then it is of that one's sequence, with no need to hash.
            if let Some(&k) = of_case.last() {
                if same(&cases[c - 1], case) {
                    of_case.push(k);
                    continue;
                }
            }
            let hash = names_hash(case);
            let head = by_hash.get(&hash).copied().unwrap_or(NONE);
            let mut k = head;
            while k != NONE && !same(&cases[first[k]], case) {
                k = next[k];
            }
            if k == NONE {
                k = first.len();
                first.push(c);
                next.push(head);
                by_hash.insert(hash, k);
            }
            of_case.push(k);
        }
        Distinct { first, of_case }
    }
}

/// A hash of a case's sequence of step names (a folded multiply per name,
/// as in the Fx hash; every name moves every bit of the result).
fn names_hash<V: Visited>(case: &[V]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = case.len() as u64;
    for v in case {
        let p = u128::from(h ^ u64::from(v.name())) * u128::from(K);
        h = (p as u64) ^ ((p >> 64) as u64);
    }
    h
}

/// A hasher for keys that are already hashes ([`names_hash`]).
#[derive(Default)]
struct Mixed(u64);

impl Hasher for Mixed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

/// Steps numbered by first appearance: node id == first-appearance rank.
struct Interned {
    /// The step of each node.
    keys: Vec<StepKey>,
    /// The node of each visit, all sequences concatenated in order (four
    /// bytes each: nodes are fewer than visits, and visits fit in `u32`
    /// lines).
    visit_node: Vec<u32>,
    /// Where each sequence's visits start in `visit_node` (and, last, its length).
    starts: Vec<usize>,
}

impl Interned {
    /// The nodes of the visits of sequence `k`.
    fn nodes(&self, k: usize) -> &[u32] {
        &self.visit_node[self.starts[k]..self.starts[k + 1]]
    }
}

/// Maps name ids to compact indices 0..names, in first-appearance order.
enum NameIndex {
    /// Table indexed by name id (`usize::MAX` = not seen yet).
    Dense(Vec<usize>),
    /// For sparse, huge name ids.
    Sparse(HashMap<u32, usize>),
}

impl NameIndex {
    fn new<V: Visited>(cases: &[&[V]], total: usize) -> Self {
        let max = cases.iter().copied().flatten().map(|v| v.name()).max();
        let limit = total.saturating_mul(4).saturating_add(1024);
        match max {
            None => NameIndex::Dense(Vec::new()),
            Some(m) if (m as usize) < limit => NameIndex::Dense(vec![usize::MAX; m as usize + 1]),
            Some(_) => NameIndex::Sparse(HashMap::new()),
        }
    }

    /// The compact index of `name`; `next` is the index a new name gets.
    /// Returns `(index, is_new)`.
    #[inline]
    fn get_or_insert(&mut self, name: u32, next: usize) -> (usize, bool) {
        match self {
            NameIndex::Dense(table) => match table.get_mut(name as usize) {
                Some(slot) if *slot != usize::MAX => (*slot, false),
                Some(slot) => {
                    *slot = next;
                    (next, true)
                }
                // Cannot happen: the table covers the largest name id.
                None => (next, true),
            },
            NameIndex::Sparse(map) => match map.get(&name) {
                Some(&i) => (i, false),
                None => {
                    map.insert(name, next);
                    (next, true)
                }
            },
        }
    }
}

fn intern<V: Visited>(cases: &[&[V]]) -> Interned {
    let total: usize = cases.iter().map(|c| c.len()).sum();
    let mut names = NameIndex::new(cases, total);
    // Per compact name: the node of its first occurrence, and of occurrences
    // 2, 3, ... (index k-2; allocated only for names that repeat).
    let mut first_node: Vec<usize> = Vec::new();
    let mut more_nodes: Vec<Vec<usize>> = Vec::new();
    // Per compact name: visits so far within the current case.
    let mut counts: Vec<u32> = Vec::new();
    let mut keys: Vec<StepKey> = Vec::new();
    let mut node_name: Vec<usize> = Vec::new();
    let mut visit_node = Vec::with_capacity(total);
    let mut starts = Vec::with_capacity(cases.len() + 1);

    for case in cases {
        let start = visit_node.len();
        starts.push(start);
        for v in case.iter() {
            let (ni, is_new) = names.get_or_insert(v.name(), first_node.len());
            let node = if is_new {
                let node = keys.len();
                keys.push(StepKey {
                    name: v.name(),
                    occurrence: 1,
                });
                node_name.push(ni);
                first_node.push(node);
                more_nodes.push(Vec::new());
                counts.push(1);
                node
            } else {
                let count = counts[ni].saturating_add(1);
                counts[ni] = count;
                if count == 1 {
                    first_node[ni]
                } else {
                    let list = &mut more_nodes[ni];
                    match list.get(count as usize - 2) {
                        Some(&node) => node,
                        None => {
                            let node = keys.len();
                            keys.push(StepKey {
                                name: v.name(),
                                occurrence: count,
                            });
                            node_name.push(ni);
                            list.push(node);
                            node
                        }
                    }
                }
            };
            visit_node.push(u32::try_from(node).unwrap_or(u32::MAX));
        }
        for &node in &visit_node[start..] {
            counts[node_name[node as usize]] = 0;
        }
    }
    starts.push(visit_node.len());
    Interned {
        keys,
        visit_node,
        starts,
    }
}

/// `name_of(name)` plus ` (k)` for k > 1.
fn step_label(key: StepKey, name_of: &dyn Fn(u32) -> String) -> String {
    let name = name_of(key.name);
    if key.occurrence > 1 {
        format!("{name} ({})", key.occurrence)
    } else {
        name
    }
}

/// Order from the `order` column, or `None` (with a warning) if some step has
/// no order on any row.
fn explicit_order<V: Visited>(
    cases: &[Vec<V>],
    sequence_of: &[usize],
    interned: &Interned,
    name_of: &dyn Fn(u32) -> String,
    warnings: &mut Vec<String>,
) -> Result<Option<Vec<usize>>, AlignError> {
    let n = interned.keys.len();
    // (order, line that first gave it)
    let mut node_order: Vec<Option<(f64, u64)>> = vec![None; n];
    // Each case's visits with their nodes (those of its sequence).
    let visits = || {
        cases
            .iter()
            .zip(sequence_of)
            .flat_map(|(case, &k)| case.iter().zip(interned.nodes(k)))
    };
    for (v, &node) in visits() {
        let node = node as usize;
        let Some(order) = v.order() else { continue };
        let order = order + 0.0; // -0.0 → 0.0
        match node_order[node] {
            None => node_order[node] = Some((order, u64::from(v.line()))),
            Some((first, first_line)) => {
                let same = first == order || (first.is_nan() && order.is_nan());
                if !same {
                    return Err(AlignError::ConflictingOrder {
                        name: v.name(),
                        first_line,
                        first_order: first,
                        second_line: u64::from(v.line()),
                        second_order: order,
                    });
                }
            }
        }
    }
    let missing = visits().find(|(_, &node)| node_order[node as usize].is_none());
    if let Some((v, &node)) = missing {
        warnings.push(format!(
            "the order column is blank for {:?} (line {}) and no other row gives that step an \
             order: ignoring the order column and merging the steps of all cases",
            step_label(interned.keys[node as usize], name_of),
            v.line()
        ));
        return Ok(None);
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        let oa = node_order[a].map_or(0.0, |(o, _)| o);
        let ob = node_order[b].map_or(0.0, |(o, _)| o);
        oa.total_cmp(&ob).then(a.cmp(&b))
    });
    Ok(Some(order))
}

/// Adjacency lists in compressed form: successors of `u` are
/// `adj[start[u]..start[u + 1]]`.
struct Graph {
    start: Vec<usize>,
    adj: Vec<usize>,
}

/// The distinct edges among `n` nodes, in the order they are first added.
/// A million visits give a million edges but few distinct ones, so only
/// those are kept: when there are few nodes, whether an edge was seen is a
/// bit in an `n × n` table; with many, the edges are kept and sorted.
enum Edges {
    Table {
        n: usize,
        seen: Vec<u64>,
        first_seen: Vec<(usize, usize)>,
    },
    All(Vec<(usize, usize)>),
}

/// Up to this many nodes, seen edges are bits of a table (512 KiB at most).
const EDGE_TABLE_NODES: usize = 2048;

impl Edges {
    fn new(n: usize) -> Self {
        if n <= EDGE_TABLE_NODES {
            Edges::Table {
                n,
                seen: vec![0; (n * n).div_ceil(64)],
                first_seen: Vec::new(),
            }
        } else {
            Edges::All(Vec::new())
        }
    }

    #[inline]
    fn add(&mut self, u: usize, v: usize) {
        match self {
            Edges::Table {
                n,
                seen,
                first_seen,
            } => {
                let bit = u * *n + v;
                let word = &mut seen[bit / 64];
                if *word & (1 << (bit % 64)) == 0 {
                    *word |= 1 << (bit % 64);
                    first_seen.push((u, v));
                }
            }
            Edges::All(all) => all.push((u, v)),
        }
    }

    /// Each distinct edge once, where it was first added.
    fn into_first_seen(self) -> Vec<(usize, usize)> {
        match self {
            Edges::Table { first_seen, .. } => first_seen,
            Edges::All(all) => {
                // Keep the first of each: sort by edge, then by where it came.
                let mut keyed: Vec<(usize, usize, usize)> = all
                    .iter()
                    .enumerate()
                    .map(|(i, &(u, v))| (u, v, i))
                    .collect();
                keyed.sort_unstable();
                keyed.dedup_by_key(|&mut (u, v, _)| (u, v));
                keyed.sort_unstable_by_key(|&(_, _, i)| i);
                keyed.into_iter().map(|(u, v, _)| (u, v)).collect()
            }
        }
    }
}

impl Graph {
    #[inline]
    fn succ(&self, u: usize) -> &[usize] {
        &self.adj[self.start[u]..self.start[u + 1]]
    }

    /// Deduplicated edges between consecutive visits of each sequence; each
    /// node's successors in the order their edges first appear.
    fn of_sequences(interned: &Interned) -> Graph {
        let n = interned.keys.len();
        let mut edges = Edges::new(n);
        for k in 0..interned.starts.len().saturating_sub(1) {
            for w in interned.nodes(k).windows(2) {
                edges.add(w[0] as usize, w[1] as usize);
            }
        }
        let edges = edges.into_first_seen();
        // Grouped by source (a counting sort, so each source keeps its
        // successors in the order they were first seen).
        let mut start = vec![0usize; n + 1];
        for &(u, _) in &edges {
            start[u + 1] += 1;
        }
        for u in 0..n {
            start[u + 1] += start[u];
        }
        let mut adj = vec![0usize; edges.len()];
        let mut fill = start.clone();
        for &(u, v) in &edges {
            adj[fill[u]] = v;
            fill[u] += 1;
        }
        Graph { start, adj }
    }

    /// Strongly connected components (iterative Tarjan): component id of
    /// each node, and the members (ascending) of each component.
    fn scc(&self) -> (Vec<usize>, Vec<Vec<usize>>) {
        const UNSEEN: usize = usize::MAX;
        let n = self.start.len() - 1;
        let mut index = vec![UNSEEN; n];
        let mut low = vec![0usize; n];
        let mut on_stack = vec![false; n];
        let mut stack: Vec<usize> = Vec::new();
        let mut comp = vec![0usize; n];
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut call: Vec<(usize, usize)> = Vec::new();
        let mut counter = 0usize;
        for root in 0..n {
            if index[root] != UNSEEN {
                continue;
            }
            index[root] = counter;
            low[root] = counter;
            counter += 1;
            stack.push(root);
            on_stack[root] = true;
            call.push((root, self.start[root]));
            while let Some(&mut (v, ref mut next)) = call.last_mut() {
                if *next < self.start[v + 1] {
                    let w = self.adj[*next];
                    *next += 1;
                    if index[w] == UNSEEN {
                        index[w] = counter;
                        low[w] = counter;
                        counter += 1;
                        stack.push(w);
                        on_stack[w] = true;
                        call.push((w, self.start[w]));
                    } else if on_stack[w] {
                        low[v] = low[v].min(index[w]);
                    }
                } else {
                    call.pop();
                    if let Some(&(parent, _)) = call.last() {
                        low[parent] = low[parent].min(low[v]);
                    }
                    if low[v] == index[v] {
                        let id = members.len();
                        let mut group = Vec::new();
                        while let Some(w) = stack.pop() {
                            on_stack[w] = false;
                            comp[w] = id;
                            group.push(w);
                            if w == v {
                                break;
                            }
                        }
                        group.sort_unstable();
                        members.push(group);
                    }
                }
            }
        }
        (comp, members)
    }
}

/// Bookkeeping for breaking cycles, built at the first stall.
struct Cycles {
    comp: Vec<usize>,
    members: Vec<Vec<usize>>,
    warned: Vec<bool>,
    /// Pending predecessors outside the node's own component.
    ext_indeg: Vec<usize>,
    /// Nodes on a cycle with `ext_indeg == 0` (min-heap on rank).
    ready: BinaryHeap<Reverse<usize>>,
}

impl Cycles {
    fn new(graph: &Graph, emitted: &[bool]) -> Cycles {
        let (comp, members) = graph.scc();
        let n = comp.len();
        let mut ext_indeg = vec![0usize; n];
        for u in (0..n).filter(|&u| !emitted[u]) {
            for &v in graph.succ(u) {
                if comp[u] != comp[v] {
                    ext_indeg[v] += 1;
                }
            }
        }
        let ready = (0..n)
            .filter(|&v| !emitted[v] && ext_indeg[v] == 0 && members[comp[v]].len() > 1)
            .map(Reverse)
            .collect();
        let warned = vec![false; members.len()];
        Cycles {
            comp,
            members,
            warned,
            ext_indeg,
            ready,
        }
    }

    fn edge_done(&mut self, u: usize, v: usize, emitted: &[bool]) {
        let c = self.comp[v];
        if self.comp[u] != c {
            self.ext_indeg[v] = self.ext_indeg[v].saturating_sub(1);
            if self.ext_indeg[v] == 0 && !emitted[v] && self.members[c].len() > 1 {
                self.ready.push(Reverse(v));
            }
        }
    }

    fn pick(&mut self, emitted: &[bool]) -> Option<usize> {
        while let Some(Reverse(v)) = self.ready.pop() {
            if !emitted[v] {
                return Some(v);
            }
        }
        None
    }

    /// The warning for `node`'s group, the first time only.
    fn warning(
        &mut self,
        node: usize,
        keys: &[StepKey],
        name_of: &dyn Fn(u32) -> String,
    ) -> Option<String> {
        let c = self.comp[node];
        if self.warned[c] {
            return None;
        }
        self.warned[c] = true;
        let group = &self.members[c];
        let mut names: Vec<String> = group
            .iter()
            .take(MAX_NAMES_IN_WARNING)
            .map(|&u| format!("{:?}", step_label(keys[u], name_of)))
            .collect();
        if group.len() > MAX_NAMES_IN_WARNING {
            names.push(format!("and {} more", group.len() - MAX_NAMES_IN_WARNING));
        }
        Some(format!(
            "cases disagree on the order of {}: using first appearance",
            names.join(", ")
        ))
    }
}

/// Merged order: Kahn's algorithm, ties and cycles broken by first
/// appearance (node id).
fn merge_order(
    interned: &Interned,
    name_of: &dyn Fn(u32) -> String,
    warnings: &mut Vec<String>,
) -> Vec<usize> {
    let n = interned.keys.len();
    let graph = Graph::of_sequences(interned);
    let mut indeg = vec![0usize; n];
    for &v in &graph.adj {
        indeg[v] += 1;
    }
    let mut heap: BinaryHeap<Reverse<usize>> =
        (0..n).filter(|&v| indeg[v] == 0).map(Reverse).collect();
    let mut emitted = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let mut cycles: Option<Cycles> = None;

    while order.len() < n {
        let mut next = None;
        while let Some(Reverse(v)) = heap.pop() {
            if !emitted[v] {
                next = Some(v);
                break;
            }
        }
        let u = match next {
            Some(u) => u,
            None => {
                // Stalled: cases disagree.
                let cyc = cycles.get_or_insert_with(|| Cycles::new(&graph, &emitted));
                let picked = cyc.pick(&emitted);
                // Defensive fallback; `pick` always finds one on a stall.
                let Some(u) = picked.or_else(|| (0..n).find(|&v| !emitted[v])) else {
                    break;
                };
                if let Some(w) = cyc.warning(u, &interned.keys, name_of) {
                    warnings.push(w);
                }
                u
            }
        };
        emitted[u] = true;
        order.push(u);
        for &v in graph.succ(u) {
            indeg[v] = indeg[v].saturating_sub(1);
            if indeg[v] == 0 && !emitted[v] {
                heap.push(Reverse(v));
            }
            if let Some(cyc) = cycles.as_mut() {
                cyc.edge_done(u, v, &emitted);
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NAMES: [&str; 8] = ["a", "b", "c", "d", "e", "x", "y", "z"];

    fn name_of(id: u32) -> String {
        NAMES
            .get(id as usize)
            .map_or_else(|| format!("#{id}"), |s| s.to_string())
    }

    fn id(s: &str) -> u32 {
        NAMES.iter().position(|&n| n == s).unwrap() as u32
    }

    /// Cases from space-separated step names; lines numbered through the file.
    fn cases(spec: &[&str]) -> Vec<Vec<Visit>> {
        let mut line = 1;
        spec.iter()
            .map(|case| {
                case.split_whitespace()
                    .map(|s| {
                        line += 1;
                        Visit {
                            name: id(s),
                            order: None,
                            line,
                        }
                    })
                    .collect()
            })
            .collect()
    }

    fn labels(al: &Alignment) -> Vec<String> {
        al.steps.iter().map(|&k| step_label(k, &name_of)).collect()
    }

    fn run(spec: &[&str]) -> Alignment {
        align(&cases(spec), &name_of).unwrap()
    }

    #[test]
    fn single_case_keeps_file_order() {
        let al = run(&["d b a c"]);
        assert_eq!(labels(&al), ["d", "b", "a", "c"]);
        assert_eq!(per_case(&al), vec![vec![0, 1, 2, 3]]);
        assert!(al.warnings.is_empty());
    }

    #[test]
    fn skipped_steps_merge() {
        let al = run(&["a b c d", "a c d e"]);
        assert_eq!(labels(&al), ["a", "b", "c", "d", "e"]);
        assert_eq!(per_case(&al), vec![vec![0, 1, 2, 3], vec![0, 2, 3, 4]]);
        assert!(al.warnings.is_empty());
    }

    #[test]
    fn step_only_in_later_case_is_inserted_in_place() {
        let al = run(&["a b d", "b c d"]);
        assert_eq!(labels(&al), ["a", "b", "c", "d"]);
        assert_eq!(per_case(&al), vec![vec![0, 1, 3], vec![1, 2, 3]]);
        // Even when it must go before everything seen so far.
        let al = run(&["b c", "a b"]);
        assert_eq!(labels(&al), ["a", "b", "c"]);
        assert_eq!(per_case(&al), vec![vec![1, 2], vec![0, 1]]);
    }

    #[test]
    fn repeats_are_their_own_steps() {
        let al = run(&["a b a"]);
        assert_eq!(labels(&al), ["a", "b", "a (2)"]);
        assert_eq!(
            al.steps,
            [
                StepKey {
                    name: id("a"),
                    occurrence: 1
                },
                StepKey {
                    name: id("b"),
                    occurrence: 1
                },
                StepKey {
                    name: id("a"),
                    occurrence: 2
                },
            ]
        );
        let al = run(&["a b a", "a c a a"]);
        assert_eq!(labels(&al), ["a", "b", "c", "a (2)", "a (3)"]);
        assert_eq!(per_case(&al), vec![vec![0, 1, 3], vec![0, 2, 3, 4]]);
    }

    #[test]
    fn ties_by_first_appearance() {
        // b and c are unordered relative to each other; c appears first.
        let al = run(&["a c", "a b"]);
        assert_eq!(labels(&al), ["a", "c", "b"]);
        // Unrelated cases: first appearance throughout.
        let al = run(&["y", "x", "z"]);
        assert_eq!(labels(&al), ["y", "x", "z"]);
        // Name ids out of first-appearance order do not matter.
        let al = run(&["e d", "c b", "a"]);
        assert_eq!(labels(&al), ["e", "d", "c", "b", "a"]);
    }

    #[test]
    fn cycle_falls_back_to_first_appearance_with_warning() {
        let al = run(&["x y", "y x"]);
        assert_eq!(labels(&al), ["x", "y"]);
        assert_eq!(per_case(&al), vec![vec![0, 1], vec![1, 0]]);
        assert_eq!(
            al.warnings,
            [r#"cases disagree on the order of "x", "y": using first appearance"#]
        );
    }

    #[test]
    fn cycle_downstream_steps_wait_and_upstream_steps_go_first() {
        // z appears first but comes after the x/y disagreement; a comes before.
        let al = run(&["z", "a x y z", "y x"]);
        assert_eq!(labels(&al), ["a", "x", "y", "z"]);
        assert_eq!(al.warnings.len(), 1);
        assert!(al.warnings[0].contains(r#""x", "y""#));
    }

    #[test]
    fn three_way_disagreement_warns_once() {
        let al = run(&["x y z", "y z x", "z x y", "x z y"]);
        assert_eq!(labels(&al), ["x", "y", "z"]);
        assert_eq!(
            al.warnings,
            [r#"cases disagree on the order of "x", "y", "z": using first appearance"#]
        );
    }

    #[test]
    fn two_separate_disagreements_warn_separately() {
        let al = run(&["a b x y", "b a y x"]);
        assert_eq!(labels(&al), ["a", "b", "x", "y"]);
        assert_eq!(al.warnings.len(), 2);
        assert!(al.warnings[0].contains(r#""a", "b""#));
        assert!(al.warnings[1].contains(r#""x", "y""#));
    }

    #[test]
    fn repeated_step_labels_in_warning() {
        let al = run(&["a b a", "a a b"]);
        // (a,2) and b disagree.
        assert_eq!(al.warnings.len(), 1);
        assert!(
            al.warnings[0].contains(r#""b", "a (2)""#),
            "{:?}",
            al.warnings
        );
    }

    fn ordered(spec: &[(&str, Option<f64>)], case_sizes: &[usize]) -> Vec<Vec<Visit>> {
        let mut it = spec.iter().enumerate();
        case_sizes
            .iter()
            .map(|&k| {
                it.by_ref()
                    .take(k)
                    .map(|(i, &(s, order))| Visit {
                        name: id(s),
                        order,
                        line: i as u32 + 2,
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn explicit_order_fixes_the_order() {
        let cs = ordered(
            &[
                ("c", Some(3.0)),
                ("a", Some(1.0)),
                ("b", Some(2.0)),
                ("a", Some(1.0)),
                ("d", Some(2.0)),
                ("c", Some(3.0)),
            ],
            &[3, 3],
        );
        let al = align(&cs, &name_of).unwrap();
        // b and d share order 2: tie by first appearance.
        assert_eq!(labels(&al), ["a", "b", "d", "c"]);
        assert_eq!(per_case(&al), vec![vec![3, 0, 1], vec![0, 2, 3]]);
        assert!(al.warnings.is_empty());
    }

    #[test]
    fn explicit_order_blank_inherits_from_same_step() {
        let cs = ordered(
            &[("b", Some(2.0)), ("a", Some(1.0)), ("a", None), ("b", None)],
            &[2, 2],
        );
        let al = align(&cs, &name_of).unwrap();
        assert_eq!(labels(&al), ["a", "b"]);
        assert!(al.warnings.is_empty());
    }

    #[test]
    fn explicit_order_missing_for_a_step_falls_back_to_merge() {
        let cs = ordered(
            &[("b", Some(2.0)), ("a", Some(1.0)), ("b", None), ("c", None)],
            &[2, 2],
        );
        let al = align(&cs, &name_of).unwrap();
        // Merged: b a, b c → b a c (a and c tie, a first).
        assert_eq!(labels(&al), ["b", "a", "c"]);
        assert_eq!(al.warnings.len(), 1);
        assert!(
            al.warnings[0].contains(r#""c" (line 5)"#),
            "{:?}",
            al.warnings
        );
    }

    #[test]
    fn explicit_order_conflict_names_both_rows() {
        let cs = ordered(
            &[
                ("a", Some(1.0)),
                ("b", Some(2.0)),
                ("a", Some(1.0)),
                ("b", Some(2.5)),
            ],
            &[2, 2],
        );
        let err = align(&cs, &name_of).unwrap_err();
        assert_eq!(
            err,
            AlignError::ConflictingOrder {
                name: id("b"),
                first_line: 3,
                first_order: 2.0,
                second_line: 5,
                second_order: 2.5,
            }
        );
        let msg = err.to_string();
        assert!(msg.contains("line 3") && msg.contains("line 5"), "{msg}");
        assert!(msg.contains("2.5"), "{msg}");
    }

    #[test]
    fn explicit_order_second_visit_is_a_different_step() {
        // (a,1) = 1 and (a,2) = 3 are different steps: no conflict.
        let cs = ordered(
            &[("a", Some(1.0)), ("b", Some(2.0)), ("a", Some(3.0))],
            &[3],
        );
        let al = align(&cs, &name_of).unwrap();
        assert_eq!(labels(&al), ["a", "b", "a (2)"]);
        // Negative zero equals zero.
        let cs = ordered(&[("a", Some(0.0)), ("a", Some(-0.0))], &[1, 1]);
        assert!(align(&cs, &name_of).is_ok());
    }

    #[test]
    fn empty_input() {
        let al = align::<Visit>(&[], &name_of).unwrap();
        assert_eq!(al, Alignment::default());
        let al = align::<Visit>(&[vec![], vec![]], &name_of).unwrap();
        assert!(al.steps.is_empty());
        assert_eq!(per_case(&al), vec![Vec::<u32>::new(), vec![]]);
    }

    #[test]
    fn huge_sparse_name_ids() {
        let v = |name| Visit {
            name,
            order: None,
            line: 1,
        };
        let cs = vec![vec![v(u32::MAX), v(7), v(u32::MAX)], vec![v(0), v(7)]];
        let al = align(&cs, &|i| i.to_string()).unwrap();
        let want = [(u32::MAX, 1), (0, 1), (7, 1), (u32::MAX, 2)];
        let got: Vec<_> = al.steps.iter().map(|k| (k.name, k.occurrence)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn cases_with_the_same_names_in_order_share_a_sequence() {
        let cs = cases(&["a b c", "a b c", "a c", "a b c", "", ""]);
        let d = Distinct::of(&cs);
        assert_eq!(d.first, vec![0, 2, 4]);
        assert_eq!(d.of_case, vec![0, 0, 1, 0, 2, 2]);
        let al = align(&cs, &name_of).unwrap();
        assert_eq!(al.positions.len(), 3);
        assert_eq!(al.positions_of(3), &[0, 1, 2]);
        assert_eq!(al.positions_of(2), &[0, 2]);
        assert!(al.positions_of(9).is_empty());
    }

    /// Each case's positions, as `Alignment::positions_of` gives them.
    fn per_case(al: &Alignment) -> Vec<Vec<u32>> {
        (0..al.sequence_of.len())
            .map(|i| al.positions_of(i).to_vec())
            .collect()
    }

    fn arb_cases(names: u32, acyclic: bool) -> impl Strategy<Value = Vec<Vec<Visit>>> {
        let case = if acyclic {
            // Increasing name sequences (with repeats via the same name id
            // at most once per case) cannot disagree.
            proptest::collection::btree_set(0..names, 0..8)
                .prop_map(|s| s.into_iter().collect::<Vec<_>>())
                .boxed()
        } else {
            proptest::collection::vec(0..names, 0..10).boxed()
        };
        proptest::collection::vec(case, 0..8).prop_map(|cases| {
            let mut line = 1;
            cases
                .into_iter()
                .map(|c| {
                    c.into_iter()
                        .map(|name| {
                            line += 1;
                            Visit {
                                name,
                                order: None,
                                line,
                            }
                        })
                        .collect()
                })
                .collect()
        })
    }

    fn check_invariants(cases: &[Vec<Visit>], al: &Alignment) {
        // Every StepKey exactly once.
        let mut keys = al.steps.clone();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), al.steps.len());
        // Positions valid, and map to the right StepKey.
        assert_eq!(per_case(al).len(), cases.len());
        for (case, pos) in cases.iter().zip(&per_case(al)) {
            assert_eq!(case.len(), pos.len());
            let mut seen = std::collections::HashMap::new();
            for (v, &p) in case.iter().zip(pos) {
                let p = p as usize;
                let k = seen.entry(v.name).or_insert(0u32);
                *k += 1;
                assert!(p < al.steps.len());
                assert_eq!(
                    al.steps[p],
                    StepKey {
                        name: v.name,
                        occurrence: *k
                    }
                );
            }
        }
        // Every step is used by some visit.
        let mut used = vec![false; al.steps.len()];
        for &p in per_case(al).iter().flatten() {
            used[p as usize] = true;
        }
        assert!(used.iter().all(|&u| u));
    }

    proptest! {
        #[test]
        fn prop_invariants(cases in arb_cases(6, false)) {
            let al = align(&cases, &name_of).unwrap();
            check_invariants(&cases, &al);
            if al.warnings.is_empty() {
                for pos in &per_case(&al) {
                    prop_assert!(pos.windows(2).all(|w| w[0] < w[1]), "{:?}", al);
                }
            }
        }

        /// Cases whose names follow another's in the same order are aligned
        /// once (see `Distinct`): each case twice in a row changes nothing.
        #[test]
        fn prop_repeated_cases_align_alike(cases in arb_cases(4, false)) {
            let twice: Vec<Vec<Visit>> = cases
                .iter()
                .flat_map(|c| [c.clone(), c.clone()])
                .collect();
            let once = align(&cases, &name_of).unwrap();
            let both = align(&twice, &name_of).unwrap();
            prop_assert_eq!(&once.steps, &both.steps);
            prop_assert_eq!(&once.warnings, &both.warnings);
            let (once, both) = (per_case(&once), per_case(&both));
            for (k, positions) in once.iter().enumerate() {
                prop_assert_eq!(positions, &both[2 * k]);
                prop_assert_eq!(positions, &both[2 * k + 1]);
            }
        }

        #[test]
        fn prop_acyclic_positions_increase(cases in arb_cases(8, true)) {
            let al = align(&cases, &name_of).unwrap();
            check_invariants(&cases, &al);
            prop_assert!(al.warnings.is_empty());
            for pos in &per_case(&al) {
                prop_assert!(pos.windows(2).all(|w| w[0] < w[1]));
            }
        }

        #[test]
        fn prop_explicit_order_sorted(
            cases in arb_cases(6, false),
            orders in proptest::collection::vec(-3i8..3, 6),
        ) {
            // Order = function of name only → no conflicts unless a name repeats.
            let cases: Vec<Vec<Visit>> = cases
                .into_iter()
                .map(|c| {
                    let mut seen = std::collections::HashSet::new();
                    c.into_iter()
                        .filter(|v| seen.insert(v.name))
                        .map(|v| Visit { order: Some(f64::from(orders[v.name as usize])), ..v })
                        .collect()
                })
                .collect();
            let al = align(&cases, &name_of).unwrap();
            check_invariants(&cases, &al);
            prop_assert!(al.warnings.is_empty());
            let ords: Vec<i8> = al.steps.iter().map(|k| orders[k.name as usize]).collect();
            prop_assert!(ords.windows(2).all(|w| w[0] <= w[1]));
        }

        #[test]
        fn prop_arbitrary_orders_never_panic(
            cases in arb_cases(5, false),
            orders in proptest::collection::vec(proptest::option::of(-2i8..2), 80),
        ) {
            let cases: Vec<Vec<Visit>> = cases
                .into_iter()
                .enumerate()
                .map(|(i, c)| {
                    c.into_iter()
                        .enumerate()
                        .map(|(j, v)| Visit {
                            order: orders[(i * 10 + j) % 80].map(f64::from),
                            ..v
                        })
                        .collect()
                })
                .collect();
            match align(&cases, &name_of) {
                Ok(al) => check_invariants(&cases, &al),
                Err(AlignError::ConflictingOrder { first_line, second_line, first_order, second_order, .. }) => {
                    prop_assert!(first_line < second_line);
                    prop_assert!(first_order != second_order);
                }
            }
        }
    }
}
