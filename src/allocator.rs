//! The global allocator of the `provgraph` binary (and of `examples/throughput`, which
//! includes this file by path, so that it measures what the command runs).

use std::alloc::{GlobalAlloc, Layout};

/// mimalloc, asked for plain allocations where the alignment allows, as the standard library
/// asks the system's `malloc`: the `mimalloc` crate asks for every one by alignment, and its
/// aligned entry points take a longer path on each call (2% of the instructions of `build`).
pub struct Mimalloc;

/// Every block of mimalloc is aligned to eight bytes at least: its size classes are multiples of
/// eight and its pages start aligned.
const PLAIN_ALIGN: usize = 8;

// SAFETY: every function hands the request to mimalloc, whose plain entry points return
// memory aligned to `PLAIN_ALIGN`, used only for layouts that ask no more, and whose aligned
// entry points honour any alignment; memory from either is freed by `mi_free` and resized by
// `mi_realloc`/`mi_realloc_aligned`, which keep the block's alignment by the same rule.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_malloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_zalloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: see the impl.
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allocator_aligns_keeps_and_zeroes_memory_as_asked() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in (1..300).chain([4096, 100_000]) {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: layouts of non-zero size; every pointer is checked, used within its
                // layout and freed with it.
                unsafe {
                    let zeroed = Mimalloc.alloc_zeroed(layout);
                    assert!(!zeroed.is_null());
                    assert_eq!(zeroed as usize % align, 0, "zeroed {size} by {align}");
                    assert!((0..size).all(|i| *zeroed.add(i) == 0));
                    Mimalloc.dealloc(zeroed, layout);

                    let p = Mimalloc.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "{size} by {align}");
                    for i in 0..size {
                        *p.add(i) = i as u8;
                    }
                    let grown = Mimalloc.realloc(p, layout, size * 3);
                    assert_eq!(grown as usize % align, 0, "{size} by {align}, grown");
                    assert!((0..size).all(|i| *grown.add(i) == i as u8));
                    Mimalloc.dealloc(grown, Layout::from_size_align(size * 3, align).unwrap());
                }
            }
        }
    }
}
