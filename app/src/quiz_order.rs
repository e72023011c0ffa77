//! Ordering questions: the learner's current order of the items, shuffled at first and moved one
//! step at a time (buttons and keys, so it works without a mouse).

/// A shuffled order of `n` items (indices into the correct order), the same for the same `seed`.
/// With two items or more it is never already correct.
pub fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed | 1;
    for i in (1..n).rev() {
        // xorshift64: enough to mix a handful of items.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = usize::try_from(state % (i as u64 + 1)).unwrap_or(0);
        order.swap(i, j);
    }
    if n > 1 && order.iter().enumerate().all(|(i, &x)| i == x) {
        order.rotate_left(1);
    }
    order
}

/// A seed from a text (the question's key), so an order survives re-rendering.
pub fn seed_of(text: &str) -> u64 {
    // FNV-1a.
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Moves the item at `position` one place up (towards the start) or down. Returns its new
/// position, or `None` when it cannot move that way.
pub fn move_item(order: &mut [usize], position: usize, up: bool) -> Option<usize> {
    let target = if up { position.checked_sub(1)? } else { position.checked_add(1)? };
    if target >= order.len() || position >= order.len() {
        return None;
    }
    order.swap(position, target);
    Some(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn moves_one_step_and_stops_at_the_ends() {
        let mut order = vec![2, 0, 1];
        assert_eq!(move_item(&mut order, 1, true), Some(0));
        assert_eq!(order, vec![0, 2, 1]);
        assert_eq!(move_item(&mut order, 0, true), None);
        assert_eq!(move_item(&mut order, 2, false), None);
        assert_eq!(move_item(&mut order, 1, false), Some(2));
        assert_eq!(order, vec![0, 1, 2]);
        assert_eq!(move_item(&mut order, 7, true), None);
    }

    #[test]
    fn the_same_seed_gives_the_same_order() {
        assert_eq!(shuffled(6, seed_of("a/b")), shuffled(6, seed_of("a/b")));
        assert_eq!(shuffled(0, 1), Vec::<usize>::new());
        assert_eq!(shuffled(1, 1), vec![0]);
    }

    proptest! {
        #[test]
        fn a_shuffle_is_a_permutation_and_never_the_answer(n in 0usize..12, seed: u64) {
            let order = shuffled(n, seed);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..n).collect::<Vec<_>>());
            if n > 1 {
                prop_assert!(order.iter().enumerate().any(|(i, &x)| i != x));
            }
        }
    }
}
