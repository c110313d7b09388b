//! Prints the README's table of URL keys from the field table, so the two cannot drift
//! (a test checks the README against the same table).

fn main() {
    print!("{}", engine::fields::url_key_table());
}
