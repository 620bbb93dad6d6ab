package org.trustml.pruning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Data pruning (coreset selection): TopoPrune and its baselines; Vietoris–Rips persistence in {@code topology}. */
@SpringBootApplication
public class PruningApplication {

  public static void main(String[] args) {
    SpringApplication.run(PruningApplication.class, args);
  }
}
