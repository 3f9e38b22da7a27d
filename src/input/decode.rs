//! Bytes to text: the encodings spreadsheet programs write.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1255};

/// The decoded text of a sheet and the name of the encoding it was in.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// e.g. `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE (BOM)`, `windows-1255`.
    pub encoding: String,
}

/// Why bytes could not be taken as a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are a known binary format (e.g. a PNG image or a ZIP-based spreadsheet).
    Binary { what: &'static str },
    /// The bytes hold NUL or other non-text bytes.
    NotText,
    /// Not text as read, but text when read as UTF-16 without a byte-order
    /// mark in this byte order (`UTF-16LE` or `UTF-16BE`): say so.
    Utf16 { encoding: &'static str },
    /// `--encoding` was given and the bytes are not valid in it.
    Malformed { encoding: &'static str },
}

/// Recognise binary formats by their first bytes, so that a user who passes
/// the wrong file hears what it is.
pub(super) fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive (an .xlsx or .ods spreadsheet is one)",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an old binary Office file (.xls)",
        ),
        (b"\x7fELF", "a program (ELF)"),
        (b"\x1f\x8b", "a gzip archive"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// Decode a sheet's bytes.
///
/// Order of decisions: a byte-order mark wins (UTF-8, UTF-16LE/BE); then a
/// forced encoding; then UTF-8 when the bytes are valid UTF-8; otherwise
/// Windows-1255, the legacy encoding of Hebrew Excel CSV files.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    decode_owned(bytes.to_vec(), forced)
}

/// [`decode`], taking the bytes: UTF-8 (the common case) becomes the text
/// without a copy, which halves the memory a large sheet needs.
pub fn decode_owned(
    mut bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    if let Some(what) = sniff_binary(&bytes) {
        return Err(DecodeError::Binary { what });
    }
    let utf8_bom = bytes.starts_with(b"\xef\xbb\xbf");
    if forced.is_none() || utf8_bom {
        let body = if utf8_bom { &bytes[3..] } else { &bytes[..] };
        if std::str::from_utf8(body).is_ok() {
            bytes.drain(..if utf8_bom { 3 } else { 0 });
            let text = String::from_utf8(bytes).unwrap_or_default();
            if !is_text(&text) {
                return Err(DecodeError::NotText);
            }
            let encoding = if utf8_bom { "UTF-8 (BOM)" } else { "UTF-8" };
            return Ok(Decoded {
                text,
                encoding: encoding.to_string(),
            });
        }
    }
    let bytes = &bytes[..];
    let (text, encoding) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(DecodeError::Malformed {
                encoding: enc.name(),
            });
        }
        (text.into_owned(), format!("{} (BOM)", enc.name()))
    } else if let Some(enc) = forced {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if had_errors {
            return Err(DecodeError::Malformed {
                encoding: enc.name(),
            });
        }
        (text.into_owned(), enc.name().to_string())
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_string(), UTF_8.name().to_string())
    } else if looks_like_utf16(bytes) {
        // UTF-16 without a BOM: rare, but some exporters write it.
        let enc = if bytes.get(1) == Some(&0) {
            UTF_16LE
        } else {
            UTF_16BE
        };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        (text.into_owned(), enc.name().to_string())
    } else {
        let (text, _) = WINDOWS_1255.decode_without_bom_handling(bytes);
        (text.into_owned(), WINDOWS_1255.name().to_string())
    };
    if !is_text(&text) {
        if forced.is_none() {
            if let Some(enc) = utf16_without_bom(bytes) {
                return Err(DecodeError::Utf16 {
                    encoding: enc.name(),
                });
            }
        }
        return Err(DecodeError::NotText);
    }
    Ok(Decoded { text, encoding })
}

/// The UTF-16 byte order in which `bytes` (no byte-order mark) are text,
/// when they are: an even number of bytes, no malformed pair, and text
/// (not mostly controls) when decoded.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() % 2 != 0 || Encoding::for_bom(bytes).is_some() {
        return None;
    }
    [UTF_16LE, UTF_16BE].into_iter().find(|enc| {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        !had_errors && is_text(&text)
    })
}

/// Every other byte zero in the first bytes: UTF-16 text of mostly ASCII.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    if head.len() < 4 {
        return false;
    }
    let even_zeros = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zeros = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = head.len() / 2;
    even_zeros * 10 >= half * 9 || odd_zeros * 10 >= half * 9
}

/// Text that a spreadsheet program could have written: no NUL, and control
/// characters (other than tab and line breaks) rare.
pub(super) fn is_text(text: &str) -> bool {
    let mut controls = 0usize;
    let mut total = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c == '\0' {
            return false;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            controls += 1;
        }
    }
    controls * 20 <= total.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("step,feeling\n".as_bytes(), None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        let d = decode(b"\xef\xbb\xbfstep,feeling\n", None).unwrap();
        assert_eq!(d.encoding, "UTF-8 (BOM)");
        assert_eq!(d.text, "step,feeling\n");
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "שלב\tתחושה\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-16LE (BOM)");
        assert_eq!(d.text, "שלב\tתחושה\n");
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1255() {
        // "שלב" in Windows-1255.
        let d = decode(b"\xf9\xec\xe1;x\n", None).unwrap();
        assert_eq!(d.encoding, "windows-1255");
        assert_eq!(d.text, "שלב;x\n");
    }

    #[test]
    fn binary_files_are_named() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0", None),
            Err(DecodeError::Binary {
                what: "a PNG image"
            })
        );
        assert_eq!(decode(b"ab\0cd\0", None), Err(DecodeError::NotText));
    }

    #[test]
    fn utf16_without_bom_is_named() {
        // Hebrew in UTF-16LE has no zero byte in most characters: not
        // recognised as UTF-16 at first sight, but named when refused.
        let bytes: Vec<u8> = "שלב,תחושה\nהזמנה,2\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(&bytes, None),
            Err(DecodeError::Utf16 {
                encoding: "UTF-16LE"
            })
        );
        let d = decode(&bytes, Some(UTF_16LE)).unwrap();
        assert_eq!(d.text, "שלב,תחושה\nהזמנה,2\n");
    }

    #[test]
    fn forced_encoding_is_used() {
        let d = decode(b"caf\xe9", Some(encoding_rs::WINDOWS_1252)).unwrap();
        assert_eq!(d.text, "café");
    }
}
