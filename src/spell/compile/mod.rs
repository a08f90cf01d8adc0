//! The build-time dictionary compiler's parts, compiled into the library only for their tests
//! (`build.rs` includes them by path).

pub mod affix;
