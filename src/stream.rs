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
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, usize, String)>(window);
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
                let Ok((i, line_no, line)) = next else { return };
                let out = handle(line_no, &line, max_bytes);
                if done_tx.send((i, out)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        // The reader runs beside the writer so that lines keep flowing.
        std::thread::scope(|threads| {
            let reader = threads.spawn(move || -> Result<(), Error> {
                let mut seq = 0;
                for (i, line) in input.lines().enumerate() {
                    let line = line.map_err(|e| Error::io("<stdin>", e))?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    if work_tx.send((seq, i + 1, line)).is_err() {
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
