//! Mounts the app; everything else lives in the library.
fn main() {
    ball_aid::start();
}
