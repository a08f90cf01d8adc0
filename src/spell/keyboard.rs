//! Keyboard adjacency: a substitution of a neighbouring key is a likelier slip than any other.
//!
//! QWERTY rows cover English; AZERTY rows are added for French writers. Two keys are neighbours
//! when they touch on either layout.

const QWERTY: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const AZERTY: [&str; 3] = ["azertyuiop", "qsdfghjklm", "wxcvbn"];

/// Row and column of `c` on a layout (compile-time helper).
const fn position(rows: &[&str; 3], c: u8) -> Option<(i32, i32)> {
    let mut r = 0;
    while r < 3 {
        let row = rows[r].as_bytes();
        let mut col = 0;
        while col < row.len() {
            if row[col] == c {
                return Some((r as i32, col as i32));
            }
            col += 1;
        }
        r += 1;
    }
    None
}

const fn touching(rows: &[&str; 3], a: u8, b: u8) -> bool {
    match (position(rows, a), position(rows, b)) {
        // Rows are staggered by about half a key: the row below is shifted right.
        (Some((ra, ca)), Some((rb, cb))) => match rb - ra {
            0 => ca - cb == 1 || cb - ca == 1,
            1 => cb == ca || cb == ca - 1,
            -1 => cb == ca || cb == ca + 1,
            _ => false,
        },
        _ => false,
    }
}

/// For each letter `a`–`z`, a bit per neighbouring letter on QWERTY or AZERTY.
const NEIGHBOURS: [u32; 26] = {
    let mut table = [0u32; 26];
    let mut a = 0;
    while a < 26 {
        let mut b = 0;
        while b < 26 {
            let (ca, cb) = (b'a' + a as u8, b'a' + b as u8);
            if a != b && (touching(&QWERTY, ca, cb) || touching(&AZERTY, ca, cb)) {
                table[a] |= 1 << b;
            }
            b += 1;
        }
        a += 1;
    }
    table
};

/// Whether keys `a` and `b` (lowercase letters) are neighbours on QWERTY or AZERTY.
pub fn adjacent(a: char, b: char) -> bool {
    let index = |c: char| c.is_ascii_lowercase().then(|| c as usize - 'a' as usize);
    match (index(a), index(b)) {
        (Some(a), Some(b)) => NEIGHBOURS[a] & (1 << b) != 0,
        _ => false,
    }
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
