//! A guard against zip bombs before a spreadsheet is handed to calamine, which unpacks a sheet
//! without any limit: the archive's entries are decompressed once into nothing, counting, and a
//! file that unpacks to more than a cap is refused. The sizes the archive declares are not
//! trusted (a hostile file can state any); only what actually comes out is counted.

use std::io::{self, Read, Seek};

/// The most a spreadsheet may unpack to, in all: 256 MiB. A city's filled template unpacks to
/// well under 1 MB, the largest table-division workbook to a few MB.
pub const MAX_UNPACKED: u64 = 256 << 20;

/// `Err` with a short reason when the zip archive in `r` unpacks to more than `cap` bytes.
/// Anything that is not a readable zip passes: the reader that follows says what is wrong.
pub fn within<R: Read + Seek>(r: R, cap: u64) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(r) else { return Ok(()) };
    let mut left = cap;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else { continue };
        // Past `left` the file is refused, so no more than one byte beyond it is read.
        let mut counted = Counted(0);
        let _ = io::copy(&mut entry.take(left.saturating_add(1)), &mut counted);
        if counted.0 > left {
            return Err(format!("解压后超过 {} MB，疑为恶意文件，未读取", cap >> 20));
        }
        left -= counted.0;
    }
    Ok(())
}

/// A sink that counts the bytes written to it (what was read before an error counts too).
struct Counted(u64);

impl io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use super::*;

    /// A zip with one entry of `n` zero bytes (deflated to a few KB).
    fn zeros(n: usize) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        w.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        w.write_all(&vec![0u8; n]).unwrap();
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn an_archive_that_unpacks_past_the_cap_is_refused() {
        let bomb = zeros(3 << 20);
        assert!(bomb.len() < 64 << 10, "highly compressed: {}", bomb.len());
        let err = within(Cursor::new(&bomb), 1 << 20).unwrap_err();
        assert!(err.contains("解压后超过 1 MB"), "{err}");
        assert_eq!(within(Cursor::new(&bomb), 4 << 20), Ok(()));
    }

    #[test]
    fn what_is_not_a_zip_is_left_to_the_reader() {
        assert_eq!(within(Cursor::new(b"not a zip at all"), 1), Ok(()));
    }
}
