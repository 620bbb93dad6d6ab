package org.trustml.e2e.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.trustml.core.testing.app.SleepJob;

/**
 * The method service the end-to-end tests drive until real method services land: a job that reads a catalog
 * dataset and registers a derived one, and the platform's sleeping test job.
 */
@SpringBootApplication
public class E2eServiceApplication {

  @Bean
  SleepJob sleepJob() {
    return new SleepJob();
  }

  @Bean
  HeadJob headJob() {
    return new HeadJob();
  }

  public static void main(String[] args) {
    SpringApplication.run(E2eServiceApplication.class, args);
  }
}
