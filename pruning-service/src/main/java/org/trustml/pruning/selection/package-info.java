/**
 * Choosing which samples to keep at a pruning rate α from per-sample scores, class by class (design note §5):
 * coverage-centric stratified sampling (CCS, Zheng et al., arXiv 2210.15809), top-k, bottom-k and uniform random.
 * {@link Selector} is the entry point; bad inputs are {@link java.lang.IllegalArgumentException}s with the values.
 * Plain Java, no Spring.
 */
package org.trustml.pruning.selection;
