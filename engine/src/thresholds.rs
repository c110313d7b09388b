//! Every clinical threshold as a named constant with its source, so rules read as data and a
//! "what would change it" view can find them.
