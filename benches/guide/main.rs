//! Guideline-pack benchmark: pack loading (with self-tests), checks of typical posts with every
//! shipped pack and a platform profile, and Vale style loading and folder checks.
//! Run with `benches/guide/run.sh` (or `cargo bench --bench guide`).

use std::time::{Duration, Instant};

use plume::guide::{shipped_pack, Pack, Platform, SHIPPED};
use plume::{CheckOptions, Checker, Config, Language};

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    start.elapsed() / runs
}

fn main() {
    println!("## Guideline packs");
    for (name, _) in SHIPPED {
        let source = shipped_pack(name).expect("shipped pack");
        let t = time(50, || Pack::from_source(&source).expect("pack loads"));
        println!(
            "load {name:<18} (with embedded tests): {:>8.1} µs",
            t.as_secs_f64() * 1e6
        );
    }
    let english = Config {
        packs: ["social-essentials", "inclusive-en", "acme"]
            .iter()
            .filter_map(|n| shipped_pack(n))
            .collect(),
        ..Config::default()
    };
    let french = Config {
        language: Language::Fr,
        packs: ["social-essentials", "inclusive-fr", "acme-fr"]
            .iter()
            .filter_map(|n| shipped_pack(n))
            .collect(),
        ..Config::default()
    };
    let posts = [
        (english, "Big giveaway!!! Our cheap new AcmeCloud plan is crazy good, hey guys 🎉 Log in at bit.ly/acme-win #summersaleweekend #ad #Deals", Platform::X),
        (french, "Grand jeu-concours en partenariat avec @marque : notre offre pas chère arrive !!! Recevez la newsletter par mail 🎁 https://acme.fr/jeu?utm_source=x #soldesdelete", Platform::Instagram),
    ];
    for (config, post, platform) in posts {
        let checker = Checker::new(config).expect("checker");
        let options = CheckOptions {
            platform: Some(platform),
            ..CheckOptions::default()
        };
        let guide_only = CheckOptions {
            categories: Some(vec![plume::Category::Guideline, plume::Category::Platform]),
            ..options.clone()
        };
        let report = checker.check(post, &options);
        let t = time(2_000, || checker.check(post, &guide_only));
        println!(
            "check {} chars on {:?} (3 packs + platform): {:>7.1} µs, {} diagnostics",
            post.chars().count(),
            platform,
            t.as_secs_f64() * 1e6,
            report.diagnostics.len()
        );
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // The Vale styles are development data beside the clone (see benches/tone/run.sh).
    let styles = std::env::var_os("PLUME_DATA_DIR")
        .map(|dir| std::path::PathBuf::from(dir).join("vale-styles"))
        .into_iter()
        .chain(
            [
                "../shared/data/vale-styles",
                "../../shared/data/vale-styles",
            ]
            .iter()
            .map(|r| root.join(r)),
        )
        .find(|p| p.is_dir());
    if let Some(styles) = styles {
        for (style, fixture) in [
            ("write-good", "Passive"),
            ("proselint", "basic"),
            ("alex", "basic"),
        ] {
            let dir = styles.join(style).join("fixtures").join(fixture);
            let t = time(5, || {
                plume::guide::vale::check_folder(&dir).expect("vale check")
            });
            println!(
                "vale {style}/{fixture} (load style + check folder): {:>8.1} ms",
                t.as_secs_f64() * 1e3
            );
        }
    } else {
        println!("vale folder checks skipped: the Vale styles are not beside this clone (../shared/data/vale-styles); set PLUME_DATA_DIR to the development data folder.");
    }
}
