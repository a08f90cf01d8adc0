//! The JavaScript surface of the core (wasm-bindgen): build a checker, check text.
//!
//! Values cross as plain JS objects through serde-wasm-bindgen; offsets in reports are read by
//! the extension from each diagnostic's `utf16` span. No checking logic lives here.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::{CheckOptions, Checker, Config, Language};

thread_local! {
    static CHECKER: RefCell<Option<Checker>> = const { RefCell::new(None) };
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("could not convert the report: {e}")))
}

fn from_js<T: serde::de::DeserializeOwned + Default>(
    value: JsValue,
    what: &str,
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("invalid {what}: {e}")))
}

/// Builds the checker from a configuration object (`{language, personal_dictionary,
/// disabled_rules}`), replacing any previous one.
#[wasm_bindgen]
pub fn configure(config: JsValue) -> Result<(), JsError> {
    let config: Config = from_js(config, "configuration")?;
    let mut checker = Checker::new(config).map_err(|e| JsError::new(&e.to_string()))?;
    CHECKER.with(|slot| {
        let mut slot = slot.borrow_mut();
        // Dictionaries loaded with `load_dictionary` survive a new configuration.
        if let Some(previous) = slot.as_ref() {
            checker.carry_dictionaries_from(previous);
        }
        *slot = Some(checker);
    });
    Ok(())
}

/// Checks `text` and returns the report as a plain object; builds a default checker on first use.
#[wasm_bindgen]
pub fn check(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: CheckOptions = from_js(options, "check options")?;
    CHECKER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot =
                Some(Checker::new(Config::default()).map_err(|e| JsError::new(&e.to_string()))?);
        }
        match slot.as_ref() {
            Some(checker) => to_js(&checker.check(text, &options)),
            None => Err(JsError::new("checker unavailable")),
        }
    })
}

/// Loads a dictionary file fetched by the worker (`fr.dict` for French) into the checker, building
/// a default checker first if none exists. It stays loaded across later `configure` calls.
#[wasm_bindgen]
pub fn load_dictionary(lang: &str, bytes: &[u8]) -> Result<(), JsError> {
    let language: Language = lang
        .parse()
        .map_err(|e: crate::ConfigError| JsError::new(&e.to_string()))?;
    CHECKER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot =
                Some(Checker::new(Config::default()).map_err(|e| JsError::new(&e.to_string()))?);
        }
        match slot.as_mut() {
            Some(checker) => checker
                .load_dictionary(language, bytes)
                .map_err(|e| JsError::new(&e.to_string())),
            None => Err(JsError::new("checker unavailable")),
        }
    })
}

/// The platform a site serves (`x`, `linkedin`…) from its host, or `undefined`.
#[wasm_bindgen]
pub fn platform_for_host(host: &str) -> Option<String> {
    crate::guide::Platform::from_host(host).map(|p| p.as_str().to_string())
}

/// The YAML text of a pack shipped inside the core (`social-essentials`, `acme`…), or `undefined`.
#[wasm_bindgen]
pub fn shipped_pack(name: &str) -> Option<String> {
    crate::guide::shipped_pack(name).map(|source| source.text)
}

/// Names of the packs shipped inside the core.
#[wasm_bindgen]
pub fn shipped_pack_names() -> Vec<String> {
    crate::guide::SHIPPED
        .iter()
        .map(|(name, _)| name.to_string())
        .collect()
}

/// Describes a pack (`{name, format, text}`) for the options and Learn pages: its rules, lexicon,
/// tone target and every embedded test's outcome (`tests: {passed, failed}`). A syntax or rule
/// error is thrown as a message naming the file, the rule and the line. Rules' messages and whys
/// are in `ui` (a locale tag such as `fr-FR`) where the pack translates them.
#[wasm_bindgen]
pub fn inspect_pack(source: JsValue, ui: &str) -> Result<JsValue, JsError> {
    let source: crate::guide::PackSource = serde_wasm_bindgen::from_value(source)
        .map_err(|e| JsError::new(&format!("invalid pack source: {e}")))?;
    let ui = crate::locale::UiLanguage::from_locale(ui);
    let overview =
        crate::guide::inspect_in(&source, ui).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&overview)
}

/// The values of a named tone preset (`friendly-professional`, `playful`, `institutional`,
/// `customer-care`), for the options page to show; an unknown name is an error listing them.
#[wasm_bindgen]
pub fn tone_preset(name: &str) -> Result<JsValue, JsError> {
    let target = crate::tone::ToneTarget {
        preset: Some(name.to_string()),
        ..crate::tone::ToneTarget::default()
    };
    target
        .validate()
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&target.resolved())
}
