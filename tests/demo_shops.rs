#![cfg(not(target_arch = "wasm32"))]
//! The demo shops open on a finished analysis: every header the demo's
//! settings name is in its files, the files link on the customer key, the
//! transactions read as a purchase log, and the segmentation runs. Driven
//! natively as the worker drives the engine.

use nimrokh::core::demo::{Demo, DEMOS, DEMO_FILES};
use nimrokh::core::ingest::LoadOptions;
use nimrokh::core::segment::feature_choices;
use nimrokh::engine::{
    Engine, FilePlace, LinkChoice, Request, Response, SegmentRequest, TableSummary,
};

fn demo_bytes(demo: &Demo, file: &str) -> Vec<u8> {
    let path = format!(
        "{}/src/web/{}",
        env!("CARGO_MANIFEST_DIR"),
        demo.file_url(file)
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load(engine: &mut Engine, demo: &Demo, file: &str, place: FilePlace) -> TableSummary {
    match engine.handle(Request::Load {
        file_name: file.into(),
        bytes: demo_bytes(demo, file),
        options: LoadOptions::default(),
        place,
    }) {
        Response::Loaded(summary) => summary,
        other => panic!("{}/{file} did not load: {other:?}", demo.id),
    }
}

fn names(summary: &TableSummary) -> Vec<String> {
    summary.columns.iter().map(|c| c.name.clone()).collect()
}

#[test]
fn every_demo_opens_on_a_finished_analysis() {
    for demo in DEMOS {
        let mut engine = Engine::new();
        let customers = load(&mut engine, &demo, DEMO_FILES[0], FilePlace::Open);
        let transactions = load(&mut engine, &demo, DEMO_FILES[1], FilePlace::Beside);
        load(&mut engine, &demo, DEMO_FILES[2], FilePlace::Beside);
        assert_eq!(customers.row_count(), 400, "{}", demo.id);
        let project = demo.project([0; 3]);

        // The files link on the customer key, every one of them matched.
        let choices = project
            .links
            .iter()
            .map(|(file, setting)| LinkChoice {
                file: file.clone(),
                role: setting.role,
                key: setting.key.clone(),
            })
            .collect();
        let Response::Link(link) = engine.handle(Request::Link { choices }) else {
            panic!("{}: no link", demo.id);
        };
        let report = link.report.expect("a customer key");
        assert_eq!(report.customers, 400, "{}", demo.id);

        // The transactions read as the purchase log.
        let setup = project.customers.as_ref().unwrap();
        let columns = setup
            .columns(&names(&transactions))
            .unwrap_or_else(|| panic!("{}: log columns {setup:?}", demo.id));
        let Response::Customers(base) = engine.handle(Request::Customers {
            columns,
            as_of: None,
            file: setup.file.clone(),
        }) else {
            panic!("{}: no customers", demo.id);
        };
        assert!(
            base.customers > 300,
            "{}: {} buyers",
            demo.id,
            base.customers
        );

        // The segmentation runs on the customers file.
        let saved = &project.segmentations[0];
        let features = feature_choices(&saved.features, &names(&customers))
            .unwrap_or_else(|| panic!("{}: features {:?}", demo.id, saved.features));
        let Response::Segmented(found) = engine.handle(Request::Segment(SegmentRequest {
            features,
            k_min: saved.k_min,
            k_max: saved.k_max,
            k: saved.k,
            seed: saved.seed,
            restarts: saved.restarts,
        })) else {
            panic!("{}: not segmented", demo.id);
        };
        assert_eq!(found.sizes.iter().sum::<usize>(), 400, "{}", demo.id);
        eprintln!("{}: k = {}, sizes {:?}", demo.id, found.k, found.sizes);
    }
}
