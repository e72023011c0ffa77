//! One stable sort for the whole program.
//!
//! Every `slice::sort*` call instantiates the standard library's sort (driftsort, quicksort, small
//! sorts) once per element type and comparator closure; in the browser build that came to hundreds
//! of copies. The functions here sort a vector of *indices* through one non-generic function, so
//! the standard sort exists exactly once (for `usize` and one comparator type), then move the
//! elements into that order in place by walking the permutation's cycles with `swap`.
//!
//! Like `slice::sort_by`, the sort is stable: elements that compare equal keep their order. The
//! `sort_unstable*` family has no twin here: a stable sort is a valid unstable sort.
//!
//! The `clippy.toml` at the repository root forbids the slice sort methods elsewhere.

use std::cmp::Ordering;

/// Sorts `v` with the comparator `cmp`, stably (equal elements keep their order), like
/// [`slice::sort_by`].
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let items: &[T] = v;
    let mut order = sorted_order(items.len(), &mut |a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        // Unreachable: `sorted_order` compares indices below `len` only.
        _ => Ordering::Equal,
    });
    apply_order(&mut order, &mut |a, b| {
        if a < v.len() && b < v.len() {
            v.swap(a, b);
        }
    });
}

/// Sorts `v` by the key `key` extracts, stably, like [`slice::sort_by_key`] (the key is computed
/// for each comparison, as there).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, stably, like [`slice::sort`].
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Puts a JSON object's keys in ascending order, like `serde_json::Map::sort_keys` (which, with
/// `preserve_order`, instantiates `indexmap`'s own unstable sort for its entries).
pub fn sort_json_keys(map: &mut serde_json::Map<String, serde_json::Value>) {
    let mut entries: Vec<(String, serde_json::Value)> = std::mem::take(map).into_iter().collect();
    sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
    map.extend(entries);
}

/// The indices `0..len` in the order `cmp` puts them, stably. The program's only instantiation of
/// the standard sort: indices, compared through `cmp`.
#[inline(never)]
#[allow(clippy::disallowed_methods)]
fn sorted_order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| cmp(*a, *b));
    order
}

/// Rearranges a slice so that position `i` receives the element that was at `order[i]`, using only
/// `swap(i, j)` on it. `order` must be a permutation of `0..order.len()`; it is consumed (left as
/// the identity). Each cycle of the permutation is walked once: swapping the element a position
/// wants into it moves the cycle's first element one step along, until the last position of the
/// cycle, which wants exactly that element.
#[inline(never)]
fn apply_order(order: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut here = start;
        while let Some(slot) = order.get_mut(here) {
            let wanted = *slot;
            // Mark `here` as placed; a finished cycle then reads as fixed points.
            *slot = here;
            if wanted == start || wanted == here {
                break;
            }
            swap(here, wanted);
            here = wanted;
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods, clippy::panic, clippy::unnecessary_sort_by)] // std's sorts are the reference
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn empty_and_single_element_slices_are_left_alone() {
        let mut empty: Vec<i32> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec!["solo".to_string()];
        sort(&mut one);
        assert_eq!(one, ["solo"]);
    }

    #[test]
    fn sorts_strings_ascending() {
        let mut v = vec!["web", "db", "cache", "api"];
        sort(&mut v);
        assert_eq!(v, ["api", "cache", "db", "web"]);
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn reversed_comparator_is_descending_and_still_stable() {
        let mut v = vec![(1, 'a'), (3, 'b'), (1, 'c'), (3, 'd')];
        sort_by(&mut v, |a, b| b.0.cmp(&a.0));
        assert_eq!(v, [(3, 'b'), (3, 'd'), (1, 'a'), (1, 'c')]);
    }

    #[test]
    fn sorted_order_gives_the_indices_in_order() {
        let keys = [30, 10, 20, 10];
        let order = sorted_order(keys.len(), &mut |a, b| keys.get(a).cmp(&keys.get(b)));
        assert_eq!(order, [1, 3, 2, 0]);
        assert_eq!(sorted_order(0, &mut |_, _| Ordering::Equal), Vec::<usize>::new());
    }

    #[test]
    fn apply_order_follows_every_cycle() {
        // Two cycles (0 2 1) and (3 4), and a fixed point 5.
        let mut v = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        let mut order = vec![2, 0, 1, 4, 3, 5];
        apply_order(&mut order, &mut |a, b| v.swap(a, b));
        assert_eq!(v, ['c', 'a', 'b', 'e', 'd', 'f']);
        assert_eq!(order, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn apply_order_ignores_indices_out_of_range() {
        // Not a permutation: must neither panic nor loop forever.
        let mut swaps = Vec::new();
        let mut order = vec![7, 0, 0];
        apply_order(&mut order, &mut |a, b| swaps.push((a, b)));
        assert_eq!(swaps, [(0, 7), (1, 0), (2, 0)]);
    }

    #[test]
    fn json_keys_sorted_like_serde_json() {
        let text = r#"{"zeta": 1, "alpha": {"b": 2, "a": 1}, "Mid": null, "beta": [3]}"#;
        let Ok(serde_json::Value::Object(mut ours)) = serde_json::from_str::<serde_json::Value>(text) else {
            panic!("test JSON must parse as an object");
        };
        let mut theirs = ours.clone();
        sort_json_keys(&mut ours);
        theirs.sort_keys();
        let keys: Vec<&str> = ours.keys().map(String::as_str).collect();
        assert_eq!(keys, ["Mid", "alpha", "beta", "zeta"]);
        assert_eq!(keys, theirs.keys().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(ours, theirs);
        // Nested objects are left as they were (as `sort_keys` does).
        assert_eq!(ours.get("alpha").map(ToString::to_string).as_deref(), Some(r#"{"b":2,"a":1}"#));
        let mut empty = serde_json::Map::new();
        sort_json_keys(&mut empty);
        assert!(empty.is_empty());
    }

    proptest! {
        #[test]
        fn same_as_std_sort(mut v in proptest::collection::vec(any::<i16>(), 0..200)) {
            let mut expected = v.clone();
            expected.sort();
            sort(&mut v);
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn same_as_std_sort_by_and_stable(
            mut v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200),
        ) {
            // Sorting by the first field only: the second field shows whether equal keys moved.
            let mut expected = v.clone();
            expected.sort_by(|a, b| a.0.cmp(&b.0));
            sort_by(&mut v, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn same_as_std_sort_by_key_descending(
            mut v in proptest::collection::vec(("[a-c]{0,2}", any::<u8>()), 0..100),
        ) {
            let mut expected = v.clone();
            expected.sort_by_key(|p| std::cmp::Reverse(p.0.clone()));
            sort_by_key(&mut v, |p| std::cmp::Reverse(p.0.clone()));
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn apply_order_realises_any_permutation(
            keys in proptest::collection::vec(any::<u32>(), 0..100),
        ) {
            // A permutation from sorting random keys, applied to 0..n, gives the permutation back.
            let mut order: Vec<usize> = (0..keys.len()).collect();
            order.sort_by_key(|&i| keys.get(i).copied());
            let expected = order.clone();
            let mut v: Vec<usize> = (0..keys.len()).collect();
            apply_order(&mut order, &mut |a, b| v.swap(a, b));
            prop_assert_eq!(v, expected);
        }
    }
}
