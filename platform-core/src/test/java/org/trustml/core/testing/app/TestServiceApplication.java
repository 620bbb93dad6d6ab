package org.trustml.core.testing.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal service on platform-core, with one job type, for the platform's own tests. */
@SpringBootApplication
public class TestServiceApplication {

  @Bean
  SleepJob sleepJob() {
    return new SleepJob();
  }

  public static void main(String[] args) {
    SpringApplication.run(TestServiceApplication.class, args);
  }
}
