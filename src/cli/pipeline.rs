//! The parallel map at the heart of `extract` and `build`: a reader hands items on one at a time,
//! a pool of threads works on them, and the results come back in the order the items were read,
//! each as soon as it and all before it are done. So the output is the same for any number of
//! threads, and memory is bounded: at most [`window`] items are between reader and consumer
//! (queued, in work, or waiting for an earlier one to finish), whatever the size of the input.
//! With one thread there is no pool: the reader, the work and the consumer take their turns on
//! the calling thread, one item at a time.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;

use super::error::Error;

/// The names of the threads that do the work start so (`provgraph-0`, ...): their panics are
/// caught.
const THREAD_PREFIX: &str = "provgraph-";

/// How many items may be on their way at once with `threads` threads.
pub(super) fn window(threads: usize) -> usize {
    8 * threads + 8
}

/// Runs `produce` on a thread of its own, giving it a function that submits one item (and
/// returns false when the consumer has stopped); applies `work` to each item on `threads`
/// threads; calls `consume` with the results in submission order on the calling thread.
/// With one thread, all three run in turn on the calling thread instead (see [`run_inline`]).
///
/// A panic in `work` reaches `consume` as `Err(message)`. The first error of `consume` stops
/// the run (the reader stops at its next item) and is returned; else the error of `produce`.
pub(super) fn run<T, R>(
    threads: NonZeroUsize,
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) -> Result<(), Error> + Send,
    work: impl Fn(T) -> R + Sync,
    mut consume: impl FnMut(Result<R, String>) -> Result<(), Error>,
) -> Result<(), Error>
where
    T: Send,
    R: Send,
{
    if threads.get() == 1 {
        return run_inline(produce, work, consume);
    }
    let pool = thread_pool(threads.get())?;
    let window = window(threads.get());
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
                        let result = catching(|| work(item));
                        // The consumer may have stopped; the result is then of no use.
                        let _ = result_tx.send((seq, result));
                    });
                    true
                };
                produce(&mut submit)
            })
        });
        let consumed = consume_in_order(result_rx, &token_tx, &mut consume);
        // Dropping the token sender (on error) makes the reader's next submission fail.
        drop(token_tx);
        let produced = producer
            .join()
            .unwrap_or_else(|payload| panic::resume_unwind(payload));
        consumed.and(produced)
    })
}

/// The pool of `threads` named worker threads.
fn thread_pool(threads: usize) -> Result<rayon::ThreadPool, Error> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("{THREAD_PREFIX}{i}"))
        .build()
        .map_err(|err| {
            Error::failure(
                format_args!("cannot start {threads} threads"),
                err,
                "give fewer with --threads",
            )
        })
}

/// Hands the results to `consume` in the order of their numbers, as soon as each and all
/// before it are there, giving a token back for each; stops at `consume`'s first error.
fn consume_in_order<R>(
    results: mpsc::Receiver<(u64, Result<R, String>)>,
    tokens: &mpsc::SyncSender<()>,
    consume: &mut impl FnMut(Result<R, String>) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut waiting: BTreeMap<u64, Result<R, String>> = BTreeMap::new();
    let mut next = 0u64;
    for (seq, result) in results {
        waiting.insert(seq, result);
        while let Some(result) = waiting.remove(&next) {
            next += 1;
            consume(result)?;
            // The reader may have finished and gone.
            let _ = tokens.send(());
        }
    }
    Ok(())
}

/// [`run`] on one thread, the calling one: each item is worked on and consumed as soon as it is
/// submitted. Nothing is handed between threads, so nothing waits for another thread, and
/// what the work allocates is freed by the thread that allocated it, while it is still in the
/// cache (docs/performance.md has what that saves against three threads taking turns).
fn run_inline<T, R>(
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) -> Result<(), Error>,
    work: impl Fn(T) -> R,
    mut consume: impl FnMut(Result<R, String>) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut failed = None;
    let produced = produce(&mut |item| {
        let result = catching(|| work(item));
        match consume(result) {
            Ok(()) => true,
            Err(err) => {
                failed = Some(err);
                false
            }
        }
    });
    match failed {
        Some(err) => Err(err),
        None => produced,
    }
}

thread_local! {
    /// Whether this thread is running work whose panic [`catching`] catches.
    static CATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `work()`, or the message of its panic.
fn catching<R>(work: impl FnOnce() -> R) -> Result<R, String> {
    let before = CATCHING.replace(true);
    let result = panic::catch_unwind(AssertUnwindSafe(work))
        .map_err(|payload| panic_message(payload.as_ref()));
    CATCHING.set(before);
    result
}

/// Whether a panic on this thread now will be caught and reported as the failure of one item:
/// on the pool's threads always, on the calling thread while [`run_inline`] works on an item.
pub(super) fn panic_is_caught() -> bool {
    CATCHING.get()
        || std::thread::current()
            .name()
            .is_some_and(|name| name.starts_with(THREAD_PREFIX))
}

/// What a panic said, if it said it as text.
pub(super) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
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

    fn threads_of(threads: usize) -> NonZeroUsize {
        NonZeroUsize::new(threads).unwrap()
    }

    /// Squares 0..n on `threads` threads, the work taking longer for early items so that
    /// results arrive out of order.
    fn squares(threads: usize, n: u64) -> Vec<u64> {
        let mut out = Vec::new();
        run(
            threads_of(threads),
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
            threads_of(2),
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
        for threads in [1, 2] {
            a_consumer_error_stops_the_reader_with(threads);
        }
    }

    fn a_consumer_error_stops_the_reader_with(threads: usize) {
        let submitted = AtomicUsize::new(0);
        let err = run(
            threads_of(threads),
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
        let most = if threads == 1 { 6 } else { 5 + window(2) + 2 };
        assert!(
            submitted.load(Ordering::SeqCst) <= most,
            "{threads} threads"
        );
    }

    #[test]
    fn a_reader_error_comes_after_the_results_before_it() {
        for threads in [1, 2] {
            a_reader_error_comes_after_the_results_before_it_with(threads);
        }
    }

    fn a_reader_error_comes_after_the_results_before_it_with(threads: usize) {
        let mut seen = Vec::new();
        let err = run(
            threads_of(threads),
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
        for threads in [1, 2] {
            a_panic_in_the_work_reaches_the_consumer_in_its_place_with(threads);
        }
    }

    fn a_panic_in_the_work_reaches_the_consumer_in_its_place_with(threads: usize) {
        let mut seen = Vec::new();
        assert!(!panic_is_caught());
        run(
            threads_of(threads),
            |submit| {
                for i in 0..5 {
                    submit(i);
                }
                Ok(())
            },
            |i: u32| {
                // The panic hook keeps quiet about it.
                assert!(panic_is_caught());
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
        assert!(!panic_is_caught(), "{threads} threads");
    }

    #[test]
    fn one_thread_works_and_consumes_each_item_as_it_is_submitted() {
        // The consumer sees item i before the reader submits item i + 1.
        let submitted = AtomicUsize::new(0);
        let mut lag = Vec::new();
        run(
            threads_of(1),
            |submit| {
                for i in 0..100 {
                    submitted.store(i, Ordering::SeqCst);
                    submit(i);
                }
                Ok(())
            },
            |i: usize| i,
            |result| {
                lag.push(submitted.load(Ordering::SeqCst) - result.unwrap());
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(lag, vec![0; 100]);
    }
}
