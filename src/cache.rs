//! Bounded per-unit result caches: how a room remembers what it computed for a line of text in a
//! given context, so a keystroke that changes one line of a draft does not make every other line
//! be read again.
//!
//! A [`UnitCache`] maps (unit text, context) to a shared value, keyed by a fast hash and compared
//! in full on every hit. It is bounded: it keeps two generations of entries and drops the older
//! one when the newer is full ([`TEXT_PER_GENERATION`] bytes of unit text, or the capacity given
//! to [`UnitCache::new`], usually [`LINES`]), so what is used at every check stays and nothing
//! grows without limit. A clone starts empty. The check pipeline (`crate::pipeline`) owns one
//! cache per room; rooms may keep caches of their own (a pattern's line matches).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// A bounded map from (line text, context) to a shared value, shared between checks through a
/// mutex so a [`crate::Checker`] stays `Send + Sync` and `check` keeps taking `&self`.
pub struct UnitCache<K, V> {
    /// Entries per generation before the older generation is dropped.
    capacity: usize,
    /// Bytes of unit text per generation before the older generation is dropped (a few long
    /// lines weigh as much as many short ones).
    text_budget: usize,
    generations: Mutex<Generations<K, V>>,
}

#[derive(Debug)]
struct Generations<K, V> {
    recent: HashMap<u64, Entry<K, V>>,
    older: HashMap<u64, Entry<K, V>>,
    /// Bytes of unit text in `recent`.
    recent_text: usize,
}

/// One remembered unit: its text and context (to rule out hash collisions) and its value.
#[derive(Debug)]
struct Entry<K, V> {
    unit: Box<str>,
    context: K,
    value: Arc<V>,
}

impl<K, V> UnitCache<K, V> {
    /// A cache keeping up to `capacity` units per generation (so at most twice that).
    pub fn new(capacity: usize) -> UnitCache<K, V> {
        UnitCache {
            capacity: capacity.max(1),
            text_budget: TEXT_PER_GENERATION,
            generations: Mutex::new(Generations {
                recent: HashMap::new(),
                older: HashMap::new(),
                recent_text: 0,
            }),
        }
    }

    /// Forgets everything (the settings the results depend on changed).
    pub fn clear(&self) {
        let mut generations = self.lock();
        generations.recent.clear();
        generations.older.clear();
        generations.recent_text = 0;
    }

    /// How many units are remembered.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        let generations = self.lock();
        generations.recent.len() + generations.older.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Generations<K, V>> {
        self.generations
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl<K: Hash + Eq + Clone, V> UnitCache<K, V> {
    /// The value remembered for `unit` read in `context`, or the one `make` computes (then
    /// remembered).
    pub fn get_or_make(&self, unit: &str, context: &K, make: impl FnOnce() -> V) -> Arc<V> {
        self.get_or_make_complete(unit, context, make, || true)
    }

    /// [`UnitCache::get_or_make`], remembering what `make` computed only when `complete`,
    /// asked right after, says it was not cut short (a step budget ran out): an incomplete
    /// result is returned but read again next time.
    pub fn get_or_make_complete(
        &self,
        unit: &str,
        context: &K,
        make: impl FnOnce() -> V,
        complete: impl FnOnce() -> bool,
    ) -> Arc<V> {
        let key = hash_of(unit, context);
        let same = |e: &Entry<K, V>| *e.unit == *unit && e.context == *context;
        {
            let mut generations = self.lock();
            if let Some(entry) = generations.recent.get(&key).filter(|e| same(e)) {
                return entry.value.clone();
            }
            // Used again: moved to the recent generation so it outlives the older one.
            if let Some(entry) = generations.older.remove(&key) {
                if same(&entry) {
                    let value = entry.value.clone();
                    self.insert(&mut generations, key, entry);
                    return value;
                }
                generations.older.insert(key, entry);
            }
        }
        // Computed without the lock: `make` may use other caches.
        let value = Arc::new(make());
        if !complete() {
            return value;
        }
        let mut generations = self.lock();
        self.insert(
            &mut generations,
            key,
            Entry {
                unit: unit.into(),
                context: context.clone(),
                value: value.clone(),
            },
        );
        value
    }

    fn insert(&self, generations: &mut Generations<K, V>, key: u64, entry: Entry<K, V>) {
        let full = generations.recent.len() >= self.capacity
            || generations.recent_text + entry.unit.len() > self.text_budget;
        if full && !generations.recent.is_empty() {
            generations.older = std::mem::take(&mut generations.recent);
            generations.recent_text = 0;
        }
        generations.recent_text += entry.unit.len();
        generations.recent.insert(key, entry);
    }
}

impl<K, V> std::fmt::Debug for UnitCache<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let generations = self.lock();
        f.debug_struct("UnitCache")
            .field("capacity", &self.capacity)
            .field(
                "remembered",
                &(generations.recent.len() + generations.older.len()),
            )
            .finish()
    }
}

impl<K, V> Clone for UnitCache<K, V> {
    /// A clone starts empty: results are cheap to recompute and belong to one checker.
    fn clone(&self) -> UnitCache<K, V> {
        UnitCache::new(self.capacity)
    }
}

fn hash_of<K: Hash>(unit: &str, context: &K) -> u64 {
    let mut hasher = UnitHasher(0);
    hasher.write(unit.as_bytes());
    context.hash(&mut hasher);
    hasher.finish()
}

/// A fast, non-cryptographic hash (eight bytes per step): units are compared in full on every
/// hit, so a collision costs a recomputation, never a wrong result, and every check hashes
/// every line of the draft.
struct UnitHasher(u64);

impl Hasher for UnitHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(SEED);
        }
        self.0 = (self.0.rotate_left(5) ^ bytes.len() as u64).wrapping_mul(SEED);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// How many lines each per-line cache remembers per generation (a few long documents).
pub const LINES: usize = 4096;

/// Bytes of line text each cache remembers per generation: a 100,000-character document fits,
/// and a cache's memory stays in the low megabytes however long its lines.
pub const TEXT_PER_GENERATION: usize = 128 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_keeps_two_generations_and_no_more() {
        let cache: UnitCache<u8, usize> = UnitCache::new(2);
        for (i, unit) in ["a", "b", "c", "d", "e"].iter().enumerate() {
            cache.get_or_make(unit, &0, || i);
        }
        assert!(cache.len() <= 4);
        // A unit used again survives the next turnover; a unit in another context is new.
        assert_eq!(*cache.get_or_make("e", &0, || 99), 4);
        assert_eq!(*cache.get_or_make("e", &1, || 7), 7);
        assert_eq!(*cache.get_or_make("a", &0, || 42), 42);
    }

    #[test]
    fn a_cache_of_long_lines_turns_over_by_their_size() {
        let cache: UnitCache<(), usize> = UnitCache::new(LINES);
        let line = |i: usize| format!("{i} {}", "word ".repeat(2_000));
        for i in 0..100 {
            cache.get_or_make(&line(i), &(), || i);
        }
        // About 10 KB per line: two generations of at most 128 KB hold well under 100 lines.
        assert!(cache.len() < 40, "{} lines remembered", cache.len());
        assert_eq!(*cache.get_or_make(&line(99), &(), || 0), 99);
    }
}
