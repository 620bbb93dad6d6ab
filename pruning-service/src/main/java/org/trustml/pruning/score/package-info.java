/**
 * The local stage of TopoPrune as reconstructed in the design note (§2.2 L): for every sample a neighbourhood
 * patch on the manifold embedding, Vietoris–Rips persistence of the patch (in latent and embedded coordinates) with
 * {@link org.trustml.pruning.topology.VietorisRipsPersistence}, and a structural-complexity score from a few steps
 * of differentiable topological optimisation ({@link TopologicalConsistencyLoss}, {@link TotalPersistenceLoss}) or
 * from leave-one-out persistence ({@link LeaveOneOutScore}). {@link StructuralComplexityScorer} runs it; every
 * choice is a switch in {@link LocalScoreParams}. Plain Java, no Spring.
 */
package org.trustml.pruning.score;
