//! An entry's bytes as they are held while its records are in use: on Unix, mapped from the
//! entry's file rather than copied onto the heap (the extreme workload's 44 MB of entries are
//! pages of the page cache, not a second copy). Pages are not given back after validation
//! (`MADV_DONTNEED`): on a 2-core VM that cost each of 500 entries a TLB shootdown, 15 ms of
//! CPU on the extreme summary, and left the peak RSS of every report unchanged.
//!
//! A mapping is only sound while its file does not change under it. An entry's file never
//! does: entries are written whole to a temporary file and renamed into place (`write_entry`),
//! in a directory only this user can write, so a reader keeps the file it opened. Elsewhere, and
//! for an entry just made, the bytes are on the heap.

use std::fs::File;
use std::ops::Deref;

use rkyv::util::AlignedVec;

/// The bytes of one entry.
pub enum Bytes {
    Heap(AlignedVec),
    #[cfg(unix)]
    Mapped(memmap2::Mmap),
}

impl Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Heap(v) => v,
            #[cfg(unix)]
            Bytes::Mapped(m) => m,
        }
    }
}

impl Bytes {
    /// The `len` bytes of `f`, an open regular file of that size.
    #[cfg(unix)]
    pub fn of_file(f: &File, len: usize) -> Option<Bytes> {
        if len == 0 {
            return None;
        }
        // SAFETY: the file is an entry, which is never written in place (see the module's
        // documentation); its length is checked against the mapping's.
        let map = unsafe { memmap2::MmapOptions::new().len(len).map(f) }.ok()?;
        (map.len() == len).then_some(Bytes::Mapped(map))
    }

    /// The `len` bytes of `f`, read; none if it holds more or fewer.
    #[cfg(not(unix))]
    pub fn of_file(f: &File, len: usize) -> Option<Bytes> {
        use std::io::Read;
        let mut bytes = AlignedVec::with_capacity(len);
        bytes.resize(len, 0);
        let mut f = f;
        f.read_exact(&mut bytes).ok()?;
        (f.read(&mut [0u8; 1]).ok()? == 0).then_some(Bytes::Heap(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapped_entry_reads_as_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.bin");
        let content: Vec<u8> = (0..20_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &content).unwrap();
        let f = File::open(&path).unwrap();
        let bytes = Bytes::of_file(&f, content.len()).unwrap();
        assert_eq!(&*bytes, &content[..]);
        assert_eq!(bytes.as_ptr() as usize % 16, 0, "aligned for rkyv");
    }

    #[test]
    fn an_empty_file_is_no_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.bin");
        std::fs::write(&path, b"").unwrap();
        assert!(Bytes::of_file(&File::open(&path).unwrap(), 0).is_none());
        std::fs::write(&path, b"abc").unwrap();
        assert_eq!(&*Bytes::of_file(&File::open(&path).unwrap(), 3).unwrap(), b"abc");
    }
}
