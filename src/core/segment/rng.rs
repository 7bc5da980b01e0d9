//! A small seeded random source. SplitMix64 (Steele, Lea & Flood 2014, the
//! seeder of Java's SplittableRandom and of xoshiro) is a few lines of
//! wrapping integer arithmetic, so it gives the same numbers on native and
//! wasm32, needs no dependency, and passes BigCrush: more than enough for
//! choosing seeds and samples.

/// SplitMix64: 64-bit state, advanced by a fixed odd constant and mixed.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1): the top 53 bits, exactly representable in f64.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in 0..n (0 when n is 0), by the high half of a 128-bit
    /// product (Lemire); the bias, below n / 2⁶⁴, is immaterial here.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// `count` distinct indices of 0..n (all of them, in order, when
    /// count ≥ n), ascending, by a partial Fisher–Yates shuffle.
    pub fn sample_indices(&mut self, n: usize, count: usize) -> Vec<usize> {
        if count >= n {
            return (0..n).collect();
        }
        let mut indices: Vec<usize> = (0..n).collect();
        for i in 0..count {
            let j = i + self.below(n - i);
            indices.swap(i, j);
        }
        indices.truncate(count);
        // Ascending, so a sample reads the rows in file order (cache-friendly,
        // and the sample's own order does not depend on the shuffle).
        indices.sort_unstable();
        indices
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_sequence() {
        // The reference C implementation (prng.di.unimi.it/splitmix64.c)
        // seeded with 1234567 starts 6457827717110365317, 3203168211198807973.
        let mut rng = SplitMix64::new(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = SplitMix64::new(7);
        for _ in 0..1000 {
            let x = rng.next_f64();
            assert!((0.0..1.0).contains(&x));
            assert!(rng.below(3) < 3);
        }
        assert_eq!(rng.below(0), 0);
    }

    #[test]
    fn samples_are_distinct_sorted_and_seeded() {
        let a = SplitMix64::new(1).sample_indices(100, 10);
        let b = SplitMix64::new(1).sample_indices(100, 10);
        assert_eq!(a, b);
        assert_eq!(a.len(), 10);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(SplitMix64::new(1).sample_indices(3, 5), vec![0, 1, 2]);
    }
}
