package org.trustml.fairness;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Fairness metrics across several protected attributes, MMM-Fair fair boosting and its baselines, FairBranch. */
@SpringBootApplication
public class FairnessApplication {

  public static void main(String[] args) {
    SpringApplication.run(FairnessApplication.class, args);
  }
}
