/**
 * The evaluation of the paper's claims, measured: accuracy of a fresh model trained on each method's coreset at
 * several pruning rates and seeds (CCS's equal-iterations protocol), stability of the kept set across seeds and under
 * Gaussian noise on the embeddings, and transfer of a coreset chosen with one encoder architecture to another.
 * {@link org.trustml.pruning.evaluation.Evaluator} runs an
 * {@link org.trustml.pruning.evaluation.EvaluationProtocol} with a progress listener and a cancellation check (so a
 * job can wrap it) and returns an {@link org.trustml.pruning.evaluation.EvaluationReport} that serialises to JSON as
 * it is; {@link org.trustml.pruning.evaluation.ReachVerdict} checks the reach on it.
 */
package org.trustml.pruning.evaluation;
