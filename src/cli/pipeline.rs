//! The parallel map at the heart of `extract` and `build`: a reader hands items on one at a time,
//! a pool of threads works on them, and the results come back in the order the items were read,
//! each as soon as it and all before it are done. So the output is the same for any number of
//! threads, and memory is bounded: at most [`window`] items are between reader and consumer
//! (queued, in work, or waiting for an earlier one to finish), whatever the size of the input.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;

use super::error::Error;

/// The names of the threads that do the work start so (`provgraph-0`, ...): their panics are
/// caught.
pub const THREAD_PREFIX: &str = "provgraph-";

/// How many items may be on their way at once with `threads` threads.
pub fn window(threads: usize) -> usize {
    8 * threads + 8
}

/// Runs `produce` on a thread of its own, giving it a function that submits one item (and
/// returns false when the consumer has stopped); applies `work` to each item on `threads`
/// threads; calls `consume` with the results in submission order on the calling thread.
///
/// A panic in `work` reaches `consume` as `Err(message)`. The first error of `consume` stops
/// the run (the reader stops at its next item) and is returned; else the error of `produce`.
pub fn run<T, R>(
    threads: usize,
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) -> Result<(), Error> + Send,
    work: impl Fn(T) -> R + Sync,
    mut consume: impl FnMut(Result<R, String>) -> Result<(), Error>,
) -> Result<(), Error>
where
    T: Send,
    R: Send,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("{THREAD_PREFIX}{i}"))
        .build()
        .map_err(|err| {
            Error::failure(
                format_args!("cannot start {threads} threads"),
                err,
                "give fewer with --threads",
            )
        })?;
    let window = window(threads);
    // A token per item that may be on its way: the reader takes one to submit an item, the
    // consumer gives it back once the item's result is consumed.
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        token_tx
            .send(())
            .expect("the channel holds a window of tokens");
    }
    let (result_tx, result_rx) = mpsc::channel::<(u64, Result<R, String>)>();
    let work = &work;

    std::thread::scope(|threads| {
        let producer = threads.spawn(move || {
            pool.in_place_scope(|jobs| {
                let mut next = 0u64;
                let mut submit = |item: T| {
                    if token_rx.recv().is_err() {
                        return false;
                    }
                    let (seq, result_tx) = (next, result_tx.clone());
                    next += 1;
                    jobs.spawn(move |_| {
                        let result = panic::catch_unwind(AssertUnwindSafe(|| work(item)))
                            .map_err(|payload| panic_message(payload.as_ref()));
                        // The consumer may have stopped; the result is then of no use.
                        let _ = result_tx.send((seq, result));
                    });
                    true
                };
                produce(&mut submit)
            })
        });

        let consumed = (|| {
            let mut waiting: BTreeMap<u64, Result<R, String>> = BTreeMap::new();
            let mut next = 0u64;
            for (seq, result) in result_rx {
                waiting.insert(seq, result);
                while let Some(result) = waiting.remove(&next) {
                    next += 1;
                    consume(result)?;
                    // The reader may have finished and gone.
                    let _ = token_tx.send(());
                }
            }
            Ok(())
        })();
        // Dropping the token sender (on error) makes the reader's next submission fail.
        drop(token_tx);
        let produced = producer
            .join()
            .unwrap_or_else(|payload| panic::resume_unwind(payload));
        consumed.and(produced)
    })
}

/// What a panic said, if it said it as text.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text.to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// Squares 0..n on `threads` threads, the work taking longer for early items so that
    /// results arrive out of order.
    fn squares(threads: usize, n: u64) -> Vec<u64> {
        let mut out = Vec::new();
        run(
            threads,
            |submit| {
                for i in 0..n {
                    if !submit(i) {
                        break;
                    }
                }
                Ok(())
            },
            |i: u64| {
                if i.is_multiple_of(7) {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i * i
            },
            |result| {
                out.push(result.unwrap());
                Ok(())
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn results_come_in_input_order_for_any_number_of_threads() {
        let expected: Vec<u64> = (0..500).map(|i| i * i).collect();
        for threads in [1, 2, 3, 8] {
            assert_eq!(squares(threads, 500), expected, "{threads} threads");
        }
    }

    #[test]
    fn no_more_than_a_window_of_items_is_on_its_way() {
        let submitted = AtomicUsize::new(0);
        let mut consumed = 0;
        let mut most = 0;
        run(
            2,
            |submit| {
                for i in 0..1000 {
                    submitted.fetch_add(1, Ordering::SeqCst);
                    if !submit(i) {
                        break;
                    }
                }
                Ok(())
            },
            |i: usize| i,
            |_| {
                consumed += 1;
                // Slow consumer: the reader must wait for it.
                std::thread::sleep(std::time::Duration::from_micros(200));
                most = most.max(submitted.load(Ordering::SeqCst) - consumed);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(consumed, 1000);
        assert!(most <= window(2) + 1, "{most} items on their way");
    }

    #[test]
    fn a_consumer_error_stops_the_reader() {
        let submitted = AtomicUsize::new(0);
        let err = run(
            2,
            |submit| {
                for i in 0..100_000 {
                    submitted.fetch_add(1, Ordering::SeqCst);
                    if !submit(i) {
                        break;
                    }
                }
                Ok(())
            },
            |i: usize| i,
            |result| match result {
                Ok(5) => Err(Error::failure("stop", "at five", "nothing")),
                _ => Ok(()),
            },
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "stop: at five; nothing");
        assert!(submitted.load(Ordering::SeqCst) <= 5 + window(2) + 2);
    }

    #[test]
    fn a_reader_error_comes_after_the_results_before_it() {
        let mut seen = Vec::new();
        let err = run(
            2,
            |submit| {
                submit(1);
                submit(2);
                Err(Error::failure("cannot read x", "broken", "fix it"))
            },
            |i: u32| i,
            |result| {
                seen.push(result.unwrap());
                Ok(())
            },
        )
        .unwrap_err();
        assert_eq!(seen, [1, 2]);
        assert_eq!(err.to_string(), "cannot read x: broken; fix it");
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_consumer_in_its_place() {
        let mut seen = Vec::new();
        run(
            2,
            |submit| {
                for i in 0..5 {
                    submit(i);
                }
                Ok(())
            },
            |i: u32| {
                assert_ne!(i, 3, "three is bad");
                i
            },
            |result| {
                seen.push(result);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen.len(), 5);
        assert_eq!(seen[2], Ok(2));
        let message = seen[3].clone().unwrap_err();
        assert!(message.contains("three is bad"), "{message}");
        assert_eq!(seen[4], Ok(4));
    }
}
