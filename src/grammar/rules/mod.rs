//! The rule language: `parse` reads a rule file into a [`parse::Family`], `pattern` matches a
//! rule on a sentence, `suggest` builds its fixes. The syntax is documented in
//! `docs/grammar-rules.md`; the rule files are `en/*.rules`, `fr/*.rules` and `any/*.rules`.

pub mod parse;
pub mod pattern;
pub mod suggest;
