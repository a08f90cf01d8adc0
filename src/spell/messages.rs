//! The speller's messages and explanations in English and French (`{word}`-style placeholders
//! are filled where the finding is made): one place to read and translate them.

use crate::locale::Localized;

pub const BRAND_CASING: Localized = Localized::new(
    "Write “{canonical}” as the brand does",
    "Écrivez « {canonical} » comme la marque",
);
pub const BRAND_CASING_WHY: Localized = Localized::new(
    "Brand names are part of a brand's identity: writing them with the wrong capitals looks careless to the brand and its fans.",
    "Le nom d'une marque fait partie de son identité : l'écrire avec les mauvaises majuscules paraît négligent à la marque et à ses fans.",
);

pub const CAPITALIZATION: Localized = Localized::new(
    "Write “{canonical}” with its capitals",
    "Écrivez « {canonical} » avec ses majuscules",
);
pub const CAPITALIZATION_WHY: Localized = Localized::new(
    "Names, places and acronyms keep their capitals even in a casual post.",
    "Les noms, les lieux et les sigles gardent leurs majuscules, même dans un post détendu.",
);

pub const BRITISH_SPELLING: Localized = Localized::new(
    "“{word}” is the British spelling",
    "« {word} » est l'orthographe britannique",
);
pub const AMERICAN_SPELLING: Localized = Localized::new(
    "“{word}” is the American spelling",
    "« {word} » est l'orthographe américaine",
);
pub const DIALECT_WHY: Localized = Localized::new(
    "Readers notice when a post switches between American and British spelling; keep to the variety the draft is set to.",
    "Les lecteurs remarquent quand un post passe de l'orthographe américaine à la britannique : gardez la variante choisie pour le brouillon.",
);

pub const BRITISH_IN_AMERICAN: Localized = Localized::new(
    "“{word}” is British spelling; the rest of the post is American",
    "« {word} » est une orthographe britannique ; le reste du post est en anglais américain",
);
pub const AMERICAN_IN_BRITISH: Localized = Localized::new(
    "“{word}” is American spelling; the rest of the post is British",
    "« {word} » est une orthographe américaine ; le reste du post est en anglais britannique",
);
pub const MIXED_DIALECT_WHY: Localized = Localized::new(
    "Mixing American and British spelling in one post looks unedited; pick one variety and keep to it.",
    "Mêler orthographes américaine et britannique dans un même post fait brouillon : choisissez une variante et tenez-vous-y.",
);

pub const UNKNOWN_WORD: Localized = Localized::new(
    "“{word}” may be misspelled",
    "« {word} » est peut-être mal orthographié",
);
pub const UNKNOWN_WORD_WHY: Localized = Localized::new(
    "A typo in a brand post is the first thing readers screenshot; pick a suggestion or add the word to your dictionary.",
    "Une faute dans un post de marque est la première chose que les lecteurs capturent : choisissez une suggestion ou ajoutez le mot à votre dictionnaire.",
);
pub const HASHTAG_WHY: Localized = Localized::new(
    "A misspelled hashtag is a typo everyone can click: it also sends readers to the wrong feed.",
    "Un hashtag mal orthographié est une faute sur laquelle tout le monde peut cliquer : il envoie aussi les lecteurs vers le mauvais fil.",
);

/// `template` in `ui` with each `{name}` replaced by its value.
pub fn fill(
    template: &Localized,
    ui: crate::locale::UiLanguage,
    values: &[(&str, &str)],
) -> String {
    let mut text = template.get(ui).to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}
