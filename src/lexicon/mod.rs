//! Lexicons: data compiled into matchers.
