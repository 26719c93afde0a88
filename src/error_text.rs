//! Errors put into words for the user: one line, each cause said once.

/// `error` and its causes on one line, each said once: a cause whose text the message
/// already holds is not repeated (our errors often name their cause in their own text, and
/// some crates' errors repeat their source), so "Is a directory (os error 21)" appears once.
pub fn one_line(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(c) = cause {
        let part = c.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        cause = c.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::one_line;
    use std::io;

    #[derive(Debug, thiserror::Error)]
    #[error("cannot read p.ron: {source}")]
    struct Naming {
        source: io::Error,
    }

    #[derive(Debug, thiserror::Error)]
    #[error("cannot write out/")]
    struct Silent {
        source: io::Error,
    }

    #[test]
    fn a_cause_named_in_the_message_is_not_repeated() {
        let e = Naming {
            source: io::Error::other("Is a directory"),
        };
        assert_eq!(one_line(&e), "cannot read p.ron: Is a directory");
    }

    #[test]
    fn a_cause_left_out_of_the_message_is_added() {
        let e = Silent {
            source: io::Error::other("No space left on device"),
        };
        assert_eq!(one_line(&e), "cannot write out/: No space left on device");
    }
}
