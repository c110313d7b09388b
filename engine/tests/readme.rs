//! The README's URL key table must be the one the field table generates.

#[test]
fn readme_documents_every_url_key() {
    let readme = include_str!("../../README.md");
    let table = engine::fields::url_key_table();
    assert!(
        readme.contains(&table),
        "README.md's URL table is stale; regenerate it with `cargo run -p ball-engine --example url_keys`"
    );
}
