package org.trustml.pruning.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class OrderedTasksTest {

  @Test
  void resultsComeInSubmissionOrderOnAnyThreadCount() {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int value = i;
      // later tasks finish first
      tasks.add(() -> {
        Thread.sleep(20 - value);
        return value * value;
      });
    }
    List<Integer> told = new ArrayList<>();
    List<Integer> one = OrderedTasks.run(1, tasks, "squaring");
    List<Integer> four = OrderedTasks.run(4, tasks, "squaring", told::add);
    assertThat(four).isEqualTo(one);
    assertThat(four.get(7)).isEqualTo(49);
    assertThat(told).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
  }

  @Test
  void aTasksExceptionAndTheCallersStopComeThroughAsThrown() {
    List<Callable<Integer>> tasks = List.of(() -> 1, () -> {
      throw new ArithmeticException("boom");
    });
    assertThatThrownBy(() -> OrderedTasks.run(2, tasks, "x")).isInstanceOf(ArithmeticException.class)
        .hasMessage("boom");
    assertThatThrownBy(() -> OrderedTasks.run(2, List.<Callable<Integer>>of(() -> 1, () -> 2), "x", i -> {
      if (i == 1) {
        throw new IllegalStateException("cancelled");
      }
    })).hasMessage("cancelled");
    assertThatThrownBy(() -> OrderedTasks.run(0, tasks, "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
