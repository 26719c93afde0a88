//! A reader that fails once more than a set number of bytes have come through it.
//!
//! Compressed parts of a file (a DOCX's XML) are read through it, so a compression bomb
//! stops at the limit whatever sizes the archive claims: what is counted is what was
//! actually inflated. `Read::take` would stop silently, and a cut document must not pass
//! for a whole one. Written here because no crate in the tree offers it and it is a few
//! lines.

use std::io::{self, Read};

pub struct Bounded<R> {
    inner: R,
    left: usize,
    exceeded: bool,
}

impl<R: Read> Bounded<R> {
    pub fn new(inner: R, limit: usize) -> Self {
        Bounded {
            inner,
            left: limit,
            exceeded: false,
        }
    }

    /// True once a read went past the limit (and failed).
    pub fn exceeded(&self) -> bool {
        self.exceeded
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        // One byte more than allowed tells "exactly at the limit" from "beyond it".
        let want = buf.len().min(self.left.saturating_add(1));
        let n = self.inner.read(&mut buf[..want])?;
        if n > self.left {
            self.exceeded = true;
            return Err(io::Error::other("decompressed size limit exceeded"));
        }
        self.left -= n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_limit_and_fails_beyond_it() {
        let mut exact = Bounded::new(&b"abcd"[..], 4);
        let mut out = Vec::new();
        assert_eq!(exact.read_to_end(&mut out).ok(), Some(4));
        assert!(!exact.exceeded());

        let mut over = Bounded::new(&b"abcde"[..], 4);
        let mut out = Vec::new();
        assert!(over.read_to_end(&mut out).is_err());
        assert!(over.exceeded());
        assert!(out.len() <= 4);
    }
}
