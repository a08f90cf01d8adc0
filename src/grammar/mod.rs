//! Grammar room (placeholder until the grammar branch is merged).
pub mod fr;
pub mod morph;
