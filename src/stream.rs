//! Stream mode: kazlex as the map step of another engine.
//!
//! Reads JSON Lines, one `{"id": …, "text": "…"}` object per line, and
//! writes one line per input, in the same order: `{"id": …, "result": {…}}`
//! with the extraction, or `{"id": …, "error": "…"}`. Lines are processed in
//! parallel, but only a small window of them is in flight at any time, so
//! memory does not grow with the input. This is what Spark's `RDD.pipe`,
//! Hadoop Streaming or a Ray/Dask task need.
//!
//! ```text
//! before  {"id": "a1", "text": "Күшін жойған\nБатыс Қазақстан облысы әкімдігінің …"}
//! after   {"id":"a1","result":{"schema_version":1,"source":{"path":"a1",…},…}}
//! ```

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::sync::mpsc;

use serde_json::{json, Value};

use crate::error::Error;

/// A line of the input, as read.
enum Record {
    Line(Vec<u8>),
    /// Longer than [`line_limit`]: only its length was read.
    TooLong(u64),
}

/// The longest line read whole: room for a text of `max_bytes` written
/// with every Cyrillic letter escaped (`\u04d9`, three times its UTF-8),
/// and for the id. Longer lines are skipped as they are read, so that
/// one runaway line cannot take the memory.
fn line_limit(max_bytes: u64) -> u64 {
    max_bytes.saturating_mul(3).saturating_add(1 << 20)
}

/// Reads the next line (without its `\n` or `\r\n`) into a record, keeping
/// at most `limit` bytes of it. `None` at the end of the input.
fn read_record(input: &mut impl BufRead, limit: u64) -> std::io::Result<Option<Record>> {
    let mut line = Vec::new();
    let mut len = 0u64;
    let mut any = false;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match memchr::memchr(b'\n', buf) {
            Some(at) => (&buf[..at], at + 1),
            None => (buf, buf.len()),
        };
        len += chunk.len() as u64;
        if len <= limit {
            line.extend_from_slice(chunk);
        } else if !line.is_empty() {
            line = Vec::new(); // too long: what was kept goes
        }
        let ended = done > chunk.len();
        input.consume(done);
        if ended {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if len > limit {
        return Ok(Some(Record::TooLong(len)));
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(Record::Line(line)))
}

/// The answer to one record: its result or its error, as a JSON line.
fn answer(line_no: usize, record: Record, max_bytes: u64) -> Vec<u8> {
    let error = |id: Value, message: String| {
        json!({"id": id, "error": format!("line {line_no}: {message}")})
            .to_string()
            .into_bytes()
    };
    match record {
        Record::TooLong(len) => error(
            Value::Null,
            format!("the line is {len} bytes, too long for a text within the limit of {max_bytes} bytes; skipped"),
        ),
        Record::Line(bytes) => match String::from_utf8(bytes) {
            Ok(line) => handle(line_no, &line, max_bytes),
            Err(e) => {
                // The id, if it can be read, names the record in the error.
                let lossy = String::from_utf8_lossy(e.as_bytes());
                let id = serde_json::from_str::<Value>(&lossy)
                    .ok()
                    .and_then(|v| v.get("id").cloned())
                    .unwrap_or(Value::Null);
                let at = e.utf8_error().valid_up_to();
                error(id, format!("not UTF-8 (byte {at} of the line); skipped"))
            }
        },
    }
}

fn handle(line_no: usize, line: &str, max_bytes: u64) -> Vec<u8> {
    let v: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return json!({"id": Value::Null, "error": format!("line {line_no}: not a JSON object: {e}")}).to_string().into_bytes();
        }
    };
    let id = v.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = v.get("text").and_then(Value::as_str) else {
        return json!({"id": id, "error": format!("line {line_no}: no \"text\" string")})
            .to_string()
            .into_bytes();
    };
    if text.len() as u64 > max_bytes {
        return json!({"id": id, "error": format!("line {line_no}: the text is {} bytes, over the limit of {max_bytes}", text.len())}).to_string().into_bytes();
    }
    let label = match &id {
        Value::String(s) => s.clone(),
        Value::Null => format!("line {line_no}"),
        other => other.to_string(),
    };
    let source = crate::decode::Source::from_text(text);
    let processed = crate::process(&label, &source);
    // The result is written as it is, not through a `Value` (which would
    // copy it and sort its keys): `{"id":…,"result":{…}}`.
    match crate::model::to_json(&processed.document, false) {
        Ok(result) => {
            let id = id.to_string();
            let mut line = Vec::with_capacity(result.len() + id.len() + 20);
            line.extend_from_slice(b"{\"id\":");
            line.extend_from_slice(id.as_bytes());
            line.extend_from_slice(b",\"result\":");
            line.extend_from_slice(&result);
            line.push(b'}');
            line
        }
        Err(e) => json!({"id": id, "error": e.to_string()})
            .to_string()
            .into_bytes(),
    }
}

/// Runs the stream: `input` lines in, `output` lines out, `jobs` workers.
pub fn run(
    input: impl BufRead + Send,
    mut output: impl Write,
    jobs: usize,
    max_bytes: u64,
) -> Result<(), Error> {
    let jobs = jobs.max(1);
    let window = jobs * 4;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {jobs} worker threads: {e}")))?;
    // (sequence number, input line number, line)
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, usize, Record)>(window);
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Vec<u8>)>(window);
    let mut read_error: Option<Error> = None;
    let mut write_error: Option<Error> = None;
    pool.in_place_scope(|scope| {
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move |_| loop {
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((i, line_no, record)) = next else {
                    return;
                };
                let out = answer(line_no, record, max_bytes);
                if done_tx.send((i, out)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        // The reader runs beside the writer so that lines keep flowing.
        std::thread::scope(|threads| {
            let reader = threads.spawn(move || -> Result<(), Error> {
                let mut input = input;
                let limit = line_limit(max_bytes);
                let (mut seq, mut line_no) = (0, 0);
                while let Some(record) =
                    read_record(&mut input, limit).map_err(|e| Error::io("<stdin>", e))?
                {
                    line_no += 1;
                    if matches!(&record, Record::Line(l) if l.trim_ascii().is_empty()) {
                        continue;
                    }
                    if work_tx.send((seq, line_no, record)).is_err() {
                        break;
                    }
                    seq += 1;
                }
                Ok(())
            });
            let mut pending: BTreeMap<usize, Vec<u8>> = BTreeMap::new();
            let mut next = 0usize;
            for (i, out) in done_rx.iter() {
                pending.insert(i, out);
                while let Some(out) = pending.remove(&next) {
                    if write_error.is_none() {
                        if let Err(e) = output
                            .write_all(&out)
                            .and_then(|()| output.write_all(b"\n"))
                        {
                            write_error = Some(Error::io("<stdout>", e));
                        }
                    }
                    next += 1;
                }
            }
            match reader.join() {
                Ok(Err(e)) => read_error = Some(e),
                Ok(Ok(())) => {}
                Err(_) => {
                    read_error = Some(Error::Usage("the input reader stopped unexpectedly".into()))
                }
            }
        });
    });
    if let Some(e) = read_error.or(write_error) {
        return Err(e);
    }
    output.flush().map_err(|e| Error::io("<stdout>", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records `read_record` makes of `input` with `limit`: `Ok(line)`
    /// or `Err(length)` for a line too long.
    #[track_caller]
    fn check(input: &[u8], limit: u64, expected: &[Result<&[u8], u64>]) {
        // A reader with a tiny buffer, so that lines cross its refills.
        let mut reader = std::io::BufReader::with_capacity(3, input);
        let mut got = Vec::new();
        while let Some(r) = read_record(&mut reader, limit).expect("in memory") {
            got.push(match r {
                Record::Line(l) => Ok(l),
                Record::TooLong(n) => Err(n),
            });
        }
        let expected: Vec<Result<Vec<u8>, u64>> =
            expected.iter().map(|r| r.map(<[u8]>::to_vec)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn records_are_lines_without_their_ends() {
        check(
            b"ab\r\ncd\n\nef",
            100,
            &[Ok(b"ab"), Ok(b"cd"), Ok(b""), Ok(b"ef")],
        );
        check(b"ab\n", 100, &[Ok(b"ab")]);
        check(b"", 100, &[]);
    }

    #[test]
    fn a_runaway_line_is_measured_not_kept() {
        check(
            b"short\n0123456789abcdef\nnext",
            8,
            &[Ok(b"short"), Err(16), Ok(b"next")],
        );
    }

    proptest::proptest! {
        /// Records are the input split at `\n`, each without a final `\r`,
        /// or the length of a piece over the limit; no final empty piece.
        #[test]
        fn records_agree_with_a_split_at_newlines(
            input in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b'\n', b'\r', 0xD2, 0x9A]), 0..64),
            limit in 0u64..12,
            capacity in 1usize..9,
        ) {
            let mut reader = std::io::BufReader::with_capacity(capacity, input.as_slice());
            let mut got = Vec::new();
            while let Some(r) = read_record(&mut reader, limit).expect("in memory") {
                got.push(match r {
                    Record::Line(l) => Ok(l),
                    Record::TooLong(n) => Err(n),
                });
            }
            let mut pieces: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
            if input.is_empty() || input.last() == Some(&b'\n') {
                pieces.pop();
            }
            let expected: Vec<Result<Vec<u8>, u64>> = pieces
                .into_iter()
                .map(|p| {
                    if p.len() as u64 > limit {
                        Err(p.len() as u64)
                    } else {
                        Ok(p.strip_suffix(b"\r").unwrap_or(p).to_vec())
                    }
                })
                .collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn a_line_that_is_not_utf8_is_an_error_record_with_its_id() {
        let out = answer(
            5,
            Record::Line(b"{\"id\":\"a7\",\"text\":\"\xff\"}".to_vec()),
            100,
        );
        let v: Value = serde_json::from_slice(&out).expect("JSON");
        assert_eq!(v["id"], "a7");
        assert_eq!(
            v["error"],
            "line 5: not UTF-8 (byte 19 of the line); skipped"
        );
    }

    #[test]
    fn the_stream_goes_on_past_a_bad_line() {
        let input: &[u8] = b"{\"id\":1,\"text\":\"\xd2\x9a\xd0\xb0\xd1\x83\xd0\xbb\xd1\x8b\"}\n\xff\n{\"id\":3,\"text\":\"x\"}\n";
        let mut out = Vec::new();
        run(input, &mut out, 2, 1000).expect("in memory");
        let lines: Vec<Value> = out
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).expect("JSON"))
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["result"]["title"], "Қаулы");
        assert!(lines[1]["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("line 2: not UTF-8")));
        assert_eq!(lines[2]["id"], 3);
    }
}
