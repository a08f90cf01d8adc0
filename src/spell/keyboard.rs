//! Keyboard adjacency: a substitution of a neighbouring key is a likelier slip than any other.
//!
//! QWERTY rows cover English; AZERTY rows are added for French writers. Two keys are neighbours
//! when they touch on either layout.

const QWERTY: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const AZERTY: [&str; 3] = ["azertyuiop", "qsdfghjklm", "wxcvbn"];

fn position(rows: &[&str; 3], c: char) -> Option<(i32, i32)> {
    rows.iter().enumerate().find_map(|(r, row)| {
        row.chars()
            .position(|k| k == c)
            .map(|col| (r as i32, col as i32))
    })
}

fn touching(rows: &[&str; 3], a: char, b: char) -> bool {
    match (position(rows, a), position(rows, b)) {
        // Rows are staggered by about half a key: the row below is shifted right.
        (Some((ra, ca)), Some((rb, cb))) => match rb - ra {
            0 => (ca - cb).abs() == 1,
            1 => cb == ca || cb == ca - 1,
            -1 => cb == ca || cb == ca + 1,
            _ => false,
        },
        _ => false,
    }
}

/// Whether keys `a` and `b` (lowercase letters) are neighbours on QWERTY or AZERTY.
pub fn adjacent(a: char, b: char) -> bool {
    a != b && (touching(&QWERTY, a, b) || touching(&AZERTY, a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbouring_keys_are_adjacent() {
        assert!(adjacent('e', 'r'));
        assert!(adjacent('e', 'd'));
        assert!(adjacent('n', 'h'));
        assert!(adjacent('g', 'b'));
    }

    #[test]
    fn distant_keys_are_not() {
        assert!(!adjacent('q', 'p'));
        assert!(!adjacent('a', 'l'));
        assert!(!adjacent('e', 'e'));
    }
}
