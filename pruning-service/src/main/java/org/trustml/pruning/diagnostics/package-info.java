/**
 * Why a TopoPrune score and selection came out as they did, per class (design note §9, "topology diagnostics"), in
 * plain Java (no Spring): the Vietoris–Rips diagram (H0, H1) of the class's points on a max-min landmark sample
 * ({@link org.trustml.pruning.diagnostics.Landmarks}, with its covering radius, which bounds how far the landmarks'
 * diagram can be from the full class's), Betti curves read off the diagram
 * ({@link org.trustml.pruning.diagnostics.BettiCurves}), a histogram of the scores with the kept counts per bin
 * ({@link org.trustml.pruning.diagnostics.ScoreHistogram}), and a 2-D map of the samples
 * ({@link org.trustml.pruning.diagnostics.SampleMap}). {@link org.trustml.pruning.diagnostics.TopologyDiagnostics}
 * assembles them into a {@link org.trustml.pruning.diagnostics.DiagnosticsReport};
 * {@link org.trustml.pruning.diagnostics.DiagnosticsPlot} draws it.
 */
package org.trustml.pruning.diagnostics;
