//! Pauses inside long computations. Building a customer base from a
//! 4-million-line log takes seconds; in the browser it runs in the engine's
//! worker, which must report how far it got and notice a cancel, and a
//! worker only hears a cancel between two turns of its event loop. So the
//! long computations are `async` and call [`Pause::reached`] every so often:
//! the worker's pause sends progress, yields to the event loop now and then
//! and answers [`Stopped`] once the user cancelled; natively (tests, the
//! command line) [`NoPause`] never waits and [`finish_now`] runs the work to
//! the end in one call. The numbers computed are the same either way.

use std::convert::Infallible;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use serde::{Deserialize, Serialize};

/// Which part of a long computation is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Rows of a transaction log read (`done` of `total` rows).
    ReadingLog,
    /// The purchase model's (BG/NBD) search: `done` iterations so far, of
    /// at most `total`.
    FittingPurchases,
    /// The spend model's (Gamma-Gamma) search, likewise.
    FittingSpend,
    /// Customers given their predictions (`done` of `total`).
    Predicting,
}

/// How far a computation got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reached {
    pub phase: Phase,
    pub done: u64,
    pub total: u64,
}

/// The caller asked the computation to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// Where a long computation may pause.
pub trait Pause {
    /// [`Stopped`] for a pause that can stop the work; `Infallible` for one
    /// that never does.
    type Stop;

    /// Called every so often with how far the work got; an error stops it.
    fn reached(&mut self, at: Reached) -> impl Future<Output = Result<(), Self::Stop>>;
}

/// Never pauses, never stops.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoPause;

impl Pause for NoPause {
    type Stop = Infallible;

    async fn reached(&mut self, _at: Reached) -> Result<(), Infallible> {
        Ok(())
    }
}

/// Run `work` to its end now. Meant for work that only waits on
/// [`NoPause`], which is always ready: the first poll finishes it. A future
/// that is not ready is polled again (a no-op waker cannot wake anything),
/// so this never returns early and never panics.
pub fn finish_now<T>(work: impl Future<Output = T>) -> T {
    let mut work = pin!(work);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(done) = work.as_mut().poll(&mut context) {
            return done;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct StopAfter {
        calls: usize,
        seen: Vec<Reached>,
    }

    impl Pause for StopAfter {
        type Stop = Stopped;

        async fn reached(&mut self, at: Reached) -> Result<(), Stopped> {
            self.seen.push(at);
            if self.seen.len() >= self.calls {
                Err(Stopped)
            } else {
                Ok(())
            }
        }
    }

    async fn count_to<P: Pause>(n: u64, pause: &mut P) -> Result<u64, P::Stop> {
        for done in 0..n {
            pause
                .reached(Reached {
                    phase: Phase::ReadingLog,
                    done,
                    total: n,
                })
                .await?;
        }
        Ok(n)
    }

    #[test]
    fn no_pause_runs_to_the_end() {
        let Ok(counted) = finish_now(count_to(1_000, &mut NoPause));
        assert_eq!(counted, 1_000);
    }

    #[test]
    fn a_pause_can_stop_the_work_where_it_is() {
        let mut pause = StopAfter {
            calls: 3,
            seen: Vec::new(),
        };
        assert_eq!(finish_now(count_to(10, &mut pause)), Err(Stopped));
        let done: Vec<u64> = pause.seen.iter().map(|r| r.done).collect();
        assert_eq!(done, [0, 1, 2]);
    }
}
