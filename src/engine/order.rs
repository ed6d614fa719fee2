//! Which links keep the order that most links follow, and which were moved.

/// Given, for links sorted by their left position, each link's right position and weight,
/// return for each link whether it lies outside the heaviest order-preserving chain
/// (a weighted longest increasing subsequence, O(n log n) with a Fenwick tree of maxima).
pub fn moved(right_positions: &[usize], weights: &[u128]) -> Vec<bool> {
    let n = right_positions.len();
    if n == 0 {
        return Vec::new();
    }
    // Positions are passage indices, dense enough to index the tree directly (from 1).
    let rank = |p: usize| p + 1;
    let top = right_positions.iter().max().map_or(0, |&p| rank(p));
    // tree[i] = (best chain weight, link index ending it) over ranks covered by i.
    let mut tree: Vec<(u128, usize)> = vec![(0, usize::MAX); top + 1];
    let mut best: Vec<u128> = vec![0; n];
    let mut prev: Vec<usize> = vec![usize::MAX; n];
    for i in 0..n {
        let r = rank(right_positions[i]);
        // Best chain over strictly smaller ranks.
        let (mut q, mut k) = ((0u128, usize::MAX), r - 1);
        while k > 0 {
            if tree[k].0 > q.0 {
                q = tree[k];
            }
            k &= k - 1;
        }
        best[i] = q.0 + weights[i];
        prev[i] = q.1;
        let mut k = r;
        while k < tree.len() {
            if best[i] > tree[k].0 {
                tree[k] = (best[i], i);
            }
            k += k & k.wrapping_neg();
        }
    }
    let mut end = (0..n)
        .max_by_key(|&i| (best[i], std::cmp::Reverse(i)))
        .expect("n > 0");
    let mut out = vec![true; n];
    loop {
        out[end] = false;
        if prev[end] == usize::MAX {
            break;
        }
        end = prev[end];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn in_order_nothing_moved() {
        assert_eq!(moved(&[0, 1, 2, 3], &[1, 1, 1, 1]), [false; 4]);
    }

    #[test]
    fn one_paragraph_moved_to_the_end() {
        assert_eq!(
            moved(&[3, 0, 1, 2], &[1, 1, 1, 1]),
            [true, false, false, false]
        );
    }

    #[test]
    fn heavy_link_wins_the_chain() {
        assert_eq!(moved(&[1, 0], &[10, 1]), [false, true]);
        assert_eq!(moved(&[1, 0], &[1, 10]), [true, false]);
    }

    #[test]
    fn empty() {
        assert!(moved(&[], &[]).is_empty());
    }
}
