//! Running real Vale styles over a folder (native only; filled in by the Vale runner).
