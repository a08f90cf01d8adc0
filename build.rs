//! Build script: compiles vendored data into compact tables embedded in the library, so start-up
//! does no parsing. Each data family has its own module under `buildsrc/`.

#[path = "buildsrc/tone_lexicons.rs"]
mod tone_lexicons;

fn main() {
    tone_lexicons::generate();
}
