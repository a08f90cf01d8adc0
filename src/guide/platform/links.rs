//! Which links a platform counts as links. X (twitter-text v3) counts a link as 23 only when
//! its host is a real domain: every label at most 63 characters once punycode-encoded, a
//! top-level domain from twitter-text's list (`data/platform/x-tlds.txt`), and the whole link at
//! most 4,096 characters with its host punycode-encoded and a scheme. Anything else is plain
//! text, counted character by character. Mastodon counts only links with a scheme.

use std::sync::OnceLock;

/// Longest DNS label, in ASCII (punycode) characters.
const MAX_LABEL: usize = 63;
/// Longest link twitter-text accepts, scheme and punycode host included.
const MAX_URL: usize = 4096;
/// The scheme twitter-text assumes for a link typed without one.
const DEFAULT_SCHEME: &str = "https://";

/// twitter-text's top-level domains, lowercase, sorted.
fn tlds() -> &'static [String] {
    static TLDS: OnceLock<Vec<String>> = OnceLock::new();
    TLDS.get_or_init(|| {
        let mut list: Vec<String> = include_str!("../../../data/platform/x-tlds.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        list.sort();
        list
    })
}

/// `https://`, `http://` (any case) at the start of `link`, if there is one.
fn scheme_of(link: &str) -> Option<&str> {
    ["https://", "http://"].into_iter().find_map(|scheme| {
        link.get(..scheme.len())
            .filter(|start| start.eq_ignore_ascii_case(scheme))
    })
}

/// Whether Mastodon counts `link` as a link (23 characters): it must have a scheme.
pub fn mastodon_counts_as_link(link: &str) -> bool {
    scheme_of(link).is_some()
}

/// Whether twitter-text counts `link` as a link (23) rather than as its characters.
pub fn x_counts_as_link(link: &str) -> bool {
    let scheme = scheme_of(link);
    let rest = &link[scheme.map_or(0, str::len)..];
    let host_end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return false;
    }
    let tld = labels[labels.len() - 1].to_lowercase();
    let known_tld = tlds().binary_search(&tld).is_ok()
        || (tld.starts_with("xn--") && tld.len() > 4 && tld.is_ascii());
    if !known_tld {
        return false;
    }
    // Without a scheme, twitter-text links only ASCII domains.
    if scheme.is_none() && !host.is_ascii() {
        return false;
    }
    let mut encoded_host = 0;
    for label in &labels {
        let Some(encoded) = punycode_label_len(label) else {
            return false;
        };
        if encoded == 0 || encoded > MAX_LABEL {
            return false;
        }
        encoded_host += encoded;
    }
    encoded_host += labels.len() - 1;
    let length = scheme.map_or(DEFAULT_SCHEME.len(), str::len) + link.chars().count()
        - scheme.map_or(0, str::len)
        - host.chars().count()
        + encoded_host;
    length <= MAX_URL
}

/// Length of `label` in ASCII form: unchanged when ASCII, else `xn--` and its punycode
/// (RFC 3492). `None` when the encoding overflows.
fn punycode_label_len(label: &str) -> Option<usize> {
    if label.is_ascii() {
        return Some(label.len());
    }
    punycode(label).map(|p| 4 + p.len())
}

/// RFC 3492 punycode of `input` (the part after `xn--`).
fn punycode(input: &str) -> Option<String> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    fn adapt(delta: u32, points: u32, first: bool) -> u32 {
        let mut delta = if first { delta / DAMP } else { delta / 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
    }
    fn digit(d: u32) -> char {
        let byte = if d < 26 {
            b'a' + d as u8
        } else {
            b'0' + (d - 26) as u8
        };
        byte as char
    }
    let code_points: Vec<u32> = input.chars().map(|c| c as u32).collect();
    let mut out: String = input.chars().filter(char::is_ascii).collect();
    let basic = out.len() as u32;
    let mut handled = basic;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias) = (128u32, 0u32, 72u32);
    while (handled as usize) < code_points.len() {
        let m = code_points.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &code_points {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punycode_matches_the_rfc_examples() {
        // RFC 3492 section 7.1 and the usual IDN examples.
        assert_eq!(punycode("bücher").as_deref(), Some("bcher-kva"));
        assert_eq!(punycode("münchen").as_deref(), Some("mnchen-3ya"));
        assert_eq!(punycode("例え").as_deref(), Some("r8jz45g"));
        assert_eq!(punycode_label_len("bücher"), Some(13));
    }

    #[test]
    fn an_ordinary_link_is_a_link() {
        assert!(x_counts_as_link("https://example.com/path?q=1"));
        assert!(x_counts_as_link("http://www.acme.co.uk"));
        assert!(x_counts_as_link("example.com"));
        assert!(x_counts_as_link("https://bücher.de/katalog"));
        assert!(x_counts_as_link("https://xn--bcher-kva.de"));
    }

    #[test]
    fn a_label_over_63_characters_is_not_a_link() {
        let label = "a".repeat(63);
        assert!(x_counts_as_link(&format!("https://{label}.com")));
        let label = "a".repeat(64);
        assert!(!x_counts_as_link(&format!("https://{label}.com")));
    }

    #[test]
    fn a_label_whose_punycode_is_over_63_characters_is_not_a_link() {
        // 28 different CJK characters encode to 4 + 62 ASCII characters.
        let label: String = (0..28u32)
            .filter_map(|i| char::from_u32(0x4E00 + i * 37))
            .collect();
        assert_eq!(punycode_label_len(&label), Some(66));
        assert!(!x_counts_as_link(&format!("https://{label}.de")));
        // Repeating one letter encodes short: 40 × ü is 4 + 42.
        assert_eq!(punycode_label_len(&"ü".repeat(40)), Some(46));
        assert!(x_counts_as_link(&format!("https://{}.de", "ü".repeat(40))));
    }

    #[test]
    fn an_unknown_top_level_domain_is_not_a_link() {
        assert!(!x_counts_as_link("https://example.notatld"));
        assert!(!x_counts_as_link("https://localhost/path"));
        assert!(x_counts_as_link("https://example.social"));
    }

    #[test]
    fn a_link_over_4096_characters_is_not_a_link() {
        let base = "https://example.com/";
        let fits = format!("{base}{}", "a".repeat(MAX_URL - base.len()));
        assert!(x_counts_as_link(&fits));
        let over = format!("{base}{}", "a".repeat(MAX_URL - base.len() + 1));
        assert!(!x_counts_as_link(&over));
        // Without a scheme, `https://` is counted in.
        let bare = format!("example.com/{}", "a".repeat(MAX_URL - 20));
        assert!(x_counts_as_link(&bare));
        let bare_over = format!("example.com/{}", "a".repeat(MAX_URL - 19));
        assert!(!x_counts_as_link(&bare_over));
    }

    #[test]
    fn mastodon_counts_only_links_with_a_scheme() {
        assert!(mastodon_counts_as_link("https://example.com"));
        assert!(mastodon_counts_as_link("HTTP://example.com"));
        assert!(!mastodon_counts_as_link("example.com/path"));
        assert!(!mastodon_counts_as_link("www.example.com"));
    }
}
