/**
 * FairBranch: fair multi-task learning by parameter-similarity branching and fairness-aware gradient surgery
 * (Roy, Koutlis, Papadopoulos, Ntoutsi, IJCNN 2024; design note {@code fairness-service.md} §8).
 *
 * <h2>Entry points</h2>
 * {@link org.trustml.fairness.multitask.FairBranchExperiment} trains single-task models, a plain multi-task
 * baseline and FairBranch on one {@link org.trustml.fairness.multitask.MultiTaskSplit} and returns a
 * {@link org.trustml.fairness.multitask.FairBranchReport} with knowledge and discrimination gains;
 * {@link org.trustml.fairness.multitask.FairBranchTrainer} trains one model;
 * {@link org.trustml.fairness.multitask.AdultMultiTask} builds a multi-task set from UCI Adult;
 * {@link org.trustml.fairness.multitask.MultiTaskTables} builds one from any table platform-ml's tabular loader
 * encoded (several binary target columns, one protected column).
 *
 * <h2>Building blocks</h2>
 * {@link org.trustml.fairness.multitask.LinearCka} (task affinity), {@link
 * org.trustml.fairness.multitask.BranchGrouping} (single-linkage grouping with threshold τ), {@link
 * org.trustml.fairness.multitask.GradientSurgery} (PCGrad projection used by FBGrad) and {@link
 * org.trustml.fairness.multitask.TaskLosses} (log loss and the robust fairness loss).
 *
 * <p>The network is written with raw DJL {@code NDArray}s: parameters live in Java arrays and become fresh
 * gradient leaves every step, which makes copying a shared layer per branch group and per-task gradient surgery
 * plain array work. Plain Java, no Spring.
 */
package org.trustml.fairness.multitask;
