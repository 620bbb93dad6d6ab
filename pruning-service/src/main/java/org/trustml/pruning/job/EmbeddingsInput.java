package org.trustml.pruning.job;

import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * Which catalog data a pruning job reads: per-sample embeddings and their class labels. Either an NPY matrix (n × D,
 * any numeric dtype; trailing dimensions are flattened) with the labels in a separate NPY vector of n integers, or a
 * CSV table whose label column is named (or registered with the dataset) and whose other columns (or the listed
 * {@code features}) are the embedding.
 *
 * @param dataset     catalog id of the embeddings
 * @param labels      NPY embeddings only: catalog id of an integer NPY vector of n labels; absent = one class
 * @param labelColumn CSV only: the label column; absent = the dataset's registered label column, or none (one class)
 * @param features    CSV only: the embedding columns; absent = every column but the label column
 */
public record EmbeddingsInput(@NotBlank String dataset, String labels, String labelColumn,
    List<@NotBlank String> features) {}
