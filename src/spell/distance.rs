//! Edit distance with adjacent transpositions (optimal string alignment), bounded for speed.

/// Distance between `a` and `b` counting insertions, deletions, substitutions and swaps of two
/// neighbouring characters; `None` when it exceeds `max`.
pub fn damerau_levenshtein(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
    }
    let d = rows[a.len() % 3][b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swap_of_neighbours_costs_one() {
        assert_eq!(damerau_levenshtein("teh", "the", 2), Some(1));
    }

    #[test]
    fn insertions_deletions_and_substitutions_count() {
        assert_eq!(damerau_levenshtein("tomorow", "tomorrow", 2), Some(1));
        assert_eq!(damerau_levenshtein("kitten", "sitting", 3), Some(3));
        assert_eq!(damerau_levenshtein("", "abc", 3), Some(3));
    }

    #[test]
    fn distances_above_the_bound_are_none() {
        assert_eq!(damerau_levenshtein("kitten", "sitting", 2), None);
        assert_eq!(damerau_levenshtein("a", "abcd", 2), None);
    }
}
