package org.trustml.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training run did: the seed it used and each epoch's loss and time. The trained weights stay in the model.
 *
 * @param seed the seed the weights and shuffles came from
 * @param examples examples per epoch
 * @param batchesPerEpoch optimizer steps per epoch
 * @param epochs one entry per completed epoch
 * @param seconds wall-clock time of the whole run, initialisation included
 */
public record TrainingResult(long seed, int examples, int batchesPerEpoch, List<EpochStats> epochs, double seconds) {

  /** Copies the list. */
  public TrainingResult {
    epochs = List.copyOf(epochs);
  }

  /** The last epoch's mean loss. */
  public double finalLoss() {
    return epochs.get(epochs.size() - 1).meanLoss();
  }

  /** A summary under kebab-case keys, for a job's result. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("seed", seed);
    map.put("examples", examples);
    map.put("batches-per-epoch", batchesPerEpoch);
    List<Double> losses = new ArrayList<>();
    for (EpochStats e : epochs) {
      losses.add(e.meanLoss());
    }
    map.put("epoch-losses", losses);
    map.put("seconds", seconds);
    return map;
  }
}
