package org.trustml.fairness;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Fairness metrics across several protected attributes; MMM-Fair and FairBranch arrive on this service. */
@SpringBootApplication
public class FairnessApplication {

  public static void main(String[] args) {
    SpringApplication.run(FairnessApplication.class, args);
  }
}
