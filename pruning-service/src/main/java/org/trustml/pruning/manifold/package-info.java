/**
 * The global stage of TopoPrune as reconstructed in the design note (§2.2 G): a UMAP-style manifold approximation
 * (McInnes, Healy, Melville, arXiv 1802.03426) written in plain Java, no Spring. Steps: a k-nearest-neighbour graph
 * ({@link ExactNearestNeighbors}, {@link NearestNeighborDescent} or HNSW, {@link HnswNearestNeighbors} over an
 * {@link HnswIndex}), the fuzzy simplicial set
 * ({@link FuzzySimplicialSet}), and the layout by SGD with negative sampling ({@link UmapLayout}); {@link Umap} runs
 * them in order and {@link ManifoldStage} applies the note's {@code normalize} and {@code scope} switches.
 * {@link Trustworthiness} measures how well a layout keeps neighbourhoods.
 */
package org.trustml.pruning.manifold;
